#include "app/command_line.h"

#include "biomech/motion_library.h"
#include "core/error.h"
#include "render/tiling.h"
#include "ui/view_link.h"
#include "ui/view_options.h"

#include <CLI/CLI.hpp>

#include <array>
#include <charconv>
#include <map>
#include <sstream>

namespace medius::app {
namespace {

// 16384 per side: tiled above the GPU's framebuffer limit (render/tiling.h).
using render::kMaxImageSide;

int parseSide(std::string_view text, const std::string& whole) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw UsageError("--size '" + whole + "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080");
  if (value < 1 || value > kMaxImageSide)
    throw UsageError("--size '" + whole + "': width and height must be between 1 and " + std::to_string(kMaxImageSide) +
                     " pixels");
  return value;
}

std::string joinedPresetNames() {
  std::string names;
  for (std::string_view name : render::viewPresetNames()) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

// `medius --list-motions`: id, body orientation, loop length and description of each motion.
std::string motionList() {
  std::ostringstream text;
  for (const biomech::Motion& motion : biomech::motionLibrary()) {
    text << motion.id << "\n    " << motion.name << " (" << biomech::toString(motion.orientation) << ", "
         << motion.durationSeconds << " s loop): " << motion.description << "\n";
  }
  return text.str();
}

// The view options' flags, made from their table (ui/view_options.h): a plain flag per toggle,
// one option for the toggles that share a flag with a value each (--highlight attachments), and
// the flag that takes a structure id or nothing (--xray [ID]).
struct ToggleFlags {
  std::array<bool, ui::kViewToggleCount> given{};  // plain flags
  std::map<std::string, std::string> values;       // flag -> the value given (std::map: the strings stay put for CLI11)
  std::map<std::string, CLI::Option*> options;
};

// CLI11 keeps references into `flags`: it must outlive the parse.
void addToggleFlags(CLI::App& app, ToggleFlags& flags) {
  std::map<std::string, std::vector<const ui::ViewOption*>> shared;  // flag -> the toggles it has a value for
  std::vector<std::string> sharedOrder;
  for (const ui::ViewOption& option : ui::viewOptions()) {
    const std::string flag(option.cliFlag);
    const std::string help(option.cliHelp);
    switch (option.cliForm) {
      case ui::CliForm::Flag:
        flags.given[static_cast<std::size_t>(option.toggle)] = option.defaultValue;
        flags.options[flag] = app.add_flag(flag, flags.given[static_cast<std::size_t>(option.toggle)], help);
        break;
      case ui::CliForm::FlagOrStructure:
        flags.options[flag] = app.add_option(flag, flags.values[flag], help)->expected(0, 1);
        break;
      case ui::CliForm::Value:
        if (!shared.contains(flag)) sharedOrder.push_back(flag);
        shared[flag].push_back(&option);
        break;
    }
  }
  for (const std::string& flag : sharedOrder) {
    std::vector<std::string> values;
    std::string help;
    for (const ui::ViewOption* option : shared[flag]) {
      values.emplace_back(option->cliValue);
      help += (help.empty() ? "" : "; ") + std::string(option->cliHelp);
    }
    flags.options[flag] = app.add_option(flag, flags.values[flag], help)->check(CLI::IsMember(values));
  }
}

void readToggleFlags(const ToggleFlags& given, ui::ViewFlags& flags) {
  for (const ui::ViewOption& option : ui::viewOptions()) {
    const std::string flag(option.cliFlag);
    bool& on = flags.toggles[option.toggle];
    switch (option.cliForm) {
      case ui::CliForm::Flag:
        on = given.given[static_cast<std::size_t>(option.toggle)];
        break;
      case ui::CliForm::Value:
        if (given.values.at(flag) == option.cliValue) on = true;
        break;
      case ui::CliForm::FlagOrStructure:
        if (given.options.at(flag)->count() == 0) break;
        if (given.values.at(flag).empty())
          on = true;
        else
          flags.xrayStructure = given.values.at(flag);  // the one FlagOrStructure entry: --xray ID
        break;
    }
  }
}

}  // namespace

ImageSize parseImageSize(const std::string& text) {
  const std::size_t x = text.find_first_of("xX");
  if (x == std::string::npos) throw UsageError("--size '" + text + "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080");
  const std::string_view all(text);
  return {parseSide(all.substr(0, x), text), parseSide(all.substr(x + 1), text)};
}

CommandLine parseCommandLine(int argc, const char* const* argv) {
  CommandLine result;
  CLI::App app{"Medius: an interactive 3D viewer of the hip and the gluteal muscles, for teaching anatomy.", "medius"};
  app.set_version_flag("--version", std::string("medius ") + MEDIUS_VERSION);
  std::string viewerModel;
  app.add_option("--model", viewerModel, "Model to show: model.json or any mesh file Assimp reads (default: the built-in hip)");
  app.add_flag("-v,--verbose", result.verbose, "Print progress and the graphics device used");
  app.add_flag(
      "--complete", result.rigChoice.complete,
      "When rigging real meshes (medius rig, or --model INPUT): fit the built-in bone in where a muscle's bone is missing");
  app.add_option("--fibres-per-muscle", result.rigChoice.fibresPerMuscle,
                 "When rigging real meshes (medius rig, or --model INPUT): fibres per muscle")
      ->check(CLI::Range(3, 1000))
      ->capture_default_str();
  std::string viewerLesson;
  app.add_option("--lesson", viewerLesson,
                 "Open this lesson file in presentation mode (PageDown/PageUp step, B blacks, Esc leaves)");
  std::string viewLink;
  app.add_option("--view-link", viewLink,
                 "Open (or with render, draw) the view of this link: the text after '#' in a shared Medius address, "
                 "or the whole address (docs/FORMATS.md, View links)");
  app.add_flag("--fullscreen", result.viewer.fullscreen,
               "Open the window fullscreen (F11 leaves); with --lesson, present the lesson fullscreen");

  // View options live on the top level: the window takes them, and `render` passes what it does
  // not know itself up to here (fallthrough), so they work after "render" too.
  std::string view = "anterior", select, isolate;
  std::vector<float> orbitAngles;
  std::vector<std::string> hide, show;
  ui::ViewFlags flags;
  app.add_option("--view", view, "Camera preset: " + joinedPresetNames())->capture_default_str();
  app.add_option("--orbit", orbitAngles, "Turn the view by YAW,PITCH degrees from the preset (e.g. 35,-20 for an oblique view)")
      ->delimiter(',')
      ->expected(2)
      ->check(CLI::Range(-360.0f, 360.0f));
  app.add_option("--select", select, "Select a structure (outline, info card) by its id (the model's structure ids)");
  app.add_option("--isolate", isolate, "Show only this structure and the bones it attaches to");
  app.add_option("--hide", hide, "Hide structures by id (repeatable)")->take_all();
  app.add_option("--show", show, "Show structures by id, after --isolate and --hide (repeatable)")->take_all();
  ToggleFlags toggleFlags;
  addToggleFlags(app, toggleFlags);
  MotionOptions motion;
  ActivationOptions viewActivation;
  std::string motionName, time;
  bool listMotions = false;
  app.add_option("--pose", motion.pose,
                 "Joint angles in degrees, JOINT.DOF=DEGREES,... with the model's joint ids (DOFs: flexion, adduction, rotation "
                 "(internal +); extension, abduction, external_rotation flip the sign; pelvis.tilt, obliquity, rotation)");
  app.add_option("--motion", motionName, "Play a motion by its id (see --list-motions)");
  app.add_option("--time", time, "Time in the motion: seconds (1.5) or a share of its loop (50%)");
  app.add_flag("--list-motions", listMotions, "List the motions with their descriptions, then exit");
  ActivationOptions& activation = viewActivation;
  // A bare --activation means load, the mode that knows gravity.
  app.add_option("--activation", activation.mode,
                 "Colour the muscles by activation: load (the default: work against gravity, a band and the motion) or "
                 "action (the direction each fibre would move the joint, gravity ignored)")
      ->expected(0, 1)
      ->default_str(biomech::toString(biomech::kDefaultActivationMode))
      ->check(CLI::IsMember({"action", "load"}));
  app.add_option("--body-mass", activation.bodyMassKg, "Body mass in kg (activation)")->capture_default_str();
  app.add_option("--height", activation.heightM, "Height in m (activation)")->capture_default_str();
  app.add_option("--band", activation.band, "Elastic band at the right knee: NEWTONS[@X,Y,Z] (Load activation)");
  app.add_option("--strength", activation.strength,
                 "Muscle strength NAME=PERCENT, NAME a muscle id with or without its side suffix (repeatable)");
  app.add_option("--colour-map", activation.colourMap, "Activation colours: heat, or cividis (colour-blind safe)")
      ->check(CLI::IsMember({"heat", "cividis"}))
      ->capture_default_str();

  CLI::App* render = app.add_subcommand("render", "Render one image to a PNG file; needs no display (EGL)");
  render->fallthrough();
  render->footer("The view options of 'medius --help' (--view, --select, --labels, ...) apply here too.");
  std::string out, size = "1600x1200", renderModel;
  render
      ->add_option(
          "--out,-o", out,
          "PNG file to write (written to a temporary name, then renamed); with --motion and --frames, DIR/frame_%04d.png "
          "for a PNG sequence, or FILE.mp4 or FILE.gif (needs ffmpeg)")
      ->required();
  render->add_option("--size", size, "Image size in pixels, WIDTHxHEIGHT")->capture_default_str();
  render->add_option("--model", renderModel, "Model to render (default: the built-in hip)");
  render->add_flag("--transparent", result.render.transparent, "Transparent background instead of the gradient");
  render->add_option("--samples", result.render.samples, "Multisampling samples per pixel (0 to 16)")
      ->check(CLI::Range(0, 16))
      ->capture_default_str();
  render
      ->add_option("--frames", motion.frames,
                   "With --motion: render N frames over one loop; --out names them with a counter, e.g. DIR/frame_%04d.png")
      ->check(CLI::Range(1, 100000));
  // Lessons and big images.
  std::string lesson;
  CLI::Option* lessonOption =
      render->add_option("--lesson", lesson, "Render a step of this lesson file (its camera, visibility, highlights)");
  render->add_option("--step", result.render.step, "The lesson step to render, from 1")
      ->needs(lessonOption)
      ->capture_default_str();
  render
      ->add_flag("--caption", result.render.caption,
                 "With --lesson: draw the step's title and caption over the foot of the image")
      ->needs(lessonOption);
  render
      ->add_option("--text-scale", result.render.textScale, "Label text size, times the default for the image height (0.25 to 8)")
      ->check(CLI::Range(0.25f, 8.0f))
      ->capture_default_str();

  CLI::App* analyze =
      app.add_subcommand("analyze", "Print the lengths, moment arms, activations and forces per frame (JSON or CSV)");
  AnalyzeOptions& a = result.analyze;
  std::string analyzeOut, analyzeModel;
  CLI::Option* motionOption = analyze->add_option("--motion", a.motion, "A motion by its id (see --list-motions)");
  analyze->add_option("--pose", a.pose, "One pose instead, JOINT.DOF=DEGREES,... as for --pose")->excludes(motionOption);
  analyze->add_option("--frames", a.frames, "Frames over one loop of the motion")->capture_default_str();
  analyze->add_option("--mode", a.activation.mode, "Activation mode: load (against gravity) or action (direction only)")
      ->capture_default_str();
  analyze->add_option("--body-mass", a.activation.bodyMassKg, "Body mass in kg")->capture_default_str();
  analyze->add_option("--height", a.activation.heightM, "Height in m")->capture_default_str();
  analyze->add_option("--band", a.activation.band,
                      "Elastic band at the right knee: NEWTONS[@X,Y,Z] (anchor in metres, model frame)");
  analyze->add_option("--strength", a.activation.strength,
                      "Muscle strength NAME=PERCENT, NAME a muscle id with or without its side suffix (repeatable)");
  CLI::Option* csvFlag = analyze->add_flag("--csv", a.csv, "Write CSV");
  bool json = false;
  analyze->add_flag("--json", json, "Write JSON (the default)")->excludes(csvFlag);
  analyze->add_option("--out,-o", analyzeOut, "File to write (atomically); standard output without it");
  analyze->add_option("--model", analyzeModel, "Model to analyse (default: the built-in hip)");

  CLI::App* quizCommand = app.add_subcommand(
      "quiz", "Check a quiz against the model (each question with its one right answer) or score a student's answers");
  QuizOptions& q = result.quiz;
  std::string quizFile, quizAnswers, quizOut, quizModel;
  quizCommand->add_option("FILE", quizFile, "A quiz file (docs/FORMATS.md)")->required();
  CLI::Option* checkFlag =
      quizCommand->add_flag("--check", q.check, "Print every question with its answer and the number behind it");
  CLI::Option* answersOption =
      quizCommand->add_option("--answers", quizAnswers, "Score this answer sheet (docs/FORMATS.md)")->excludes(checkFlag);
  quizCommand->add_flag("--json", q.json, "With --check: write JSON")->needs(checkFlag);
  quizCommand->add_flag("--csv", q.csv, "With --answers: write one CSV row per question (for a spreadsheet)")
      ->needs(answersOption);
  quizCommand->add_option("--out,-o", quizOut, "File to write (atomically); standard output without it");
  quizCommand->add_option("--model", quizModel, "Model the questions come from (default: the built-in hip)");

  CLI::App* bench =
      app.add_subcommand("bench", "Time the default scene animating offscreen with activation (EGL); see docs/BENCHMARKS.md");
  bench->fallthrough();
  BenchOptions& b = result.bench;
  std::string benchSize = "1920x1080", benchOut, benchModel;
  bench->add_option("--size", benchSize, "Frame size in pixels, WIDTHxHEIGHT")->capture_default_str();
  bench->add_option("--frames", b.frames, "Timed frames (after a short warm-up)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  bench->add_option("--mode", b.mode, "Activation mode: action or load")
      ->check(CLI::IsMember({"action", "load"}))
      ->capture_default_str();
  bench->add_option("--samples", b.samples, "Multisampling samples per pixel (0 to 16)")
      ->check(CLI::Range(0, 16))
      ->capture_default_str();
  bench->add_option("--detail-level", b.detailLevel, "Level of detail to draw: 0 the finest, 1-3 coarser")
      ->check(CLI::Range(0, 3))
      ->capture_default_str();
  bench->add_flag("--json", b.json, "Write the results as JSON");
  bench->add_option("--out,-o", benchOut, "File to write (atomically); standard output without it");
  bench->add_option("--model", benchModel, "Model to draw (default: the built-in hip)");

  CLI::App* rigCommand = app.add_subcommand(
      "rig", "Rig real meshes (a folder of Denver Visible Human or BodyParts3D files, or a rig manifest) into a model folder");
  rigCommand->fallthrough();
  std::string rigInput, rigOut;
  rigCommand->add_option("INPUT", rigInput, "A folder of meshes or a rig manifest (docs/FORMATS.md)")->required();
  rigCommand->add_option("--out,-o", rigOut, "The model folder to write (model.json, meshes, rig-report.txt)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    std::ostringstream text;
    app.exit(success, text, text);
    result.command = CommandLine::Command::PrintAndExit;
    result.text = text.str();
    return result;
  } catch (const CLI::ParseError& error) {
    throw UsageError(std::string(error.what()) + "\nRun 'medius --help' for the options.");
  }

  if (listMotions) {
    result.command = CommandLine::Command::PrintAndExit;
    result.text = motionList();
    return result;
  }

  ViewOptions viewOptions;
  if (!motionName.empty()) {
    if (!biomech::findMotion(motionName))
      throw UsageError("--motion '" + motionName + "': unknown motion; choose one of " + biomech::motionIds());
    motion.motion = motionName;
  }
  if (!time.empty()) {
    if (!motion.motion) throw UsageError("--time needs --motion: the time is a moment in a motion");
    motion.time = time;
  }
  if (motion.motion && !motion.pose.empty())
    throw UsageError("--pose and --motion do not go together: show a motion, or hold a pose");
  if (motion.frames > 0 && !motion.motion) throw UsageError("--frames needs --motion: the frames are a loop of the motion");
  if (motion.frames > 0 && motion.time)
    throw UsageError("--frames and --time do not go together: --frames covers the whole loop");
  viewOptions.motion = motion;
  viewOptions.activation = viewActivation;
  const std::optional<render::ViewPreset> preset = render::parseViewPreset(view);
  if (!preset) throw UsageError("--view '" + view + "': unknown view; choose one of " + joinedPresetNames());
  viewOptions.preset = *preset;
  if (orbitAngles.size() == 2) {
    viewOptions.orbitYawDegrees = orbitAngles[0];
    viewOptions.orbitPitchDegrees = orbitAngles[1];
  }
  if (!select.empty()) flags.select = select;
  if (!isolate.empty()) flags.isolate = isolate;
  flags.hide = hide;
  flags.show = show;
  readToggleFlags(toggleFlags, flags);
  viewOptions.flags = flags;

  if (!viewerModel.empty()) result.viewer.model = viewerModel;
  if (!viewerLesson.empty()) result.viewer.lesson = viewerLesson;
  if (!viewLink.empty()) {
    ui::parseViewLink(viewLink, "--view-link");  // a damaged link is reported before anything else happens
    if (!viewerLesson.empty() || !lesson.empty())
      throw UsageError("--view-link and --lesson do not go together: show one view, or a lesson");
    result.viewer.viewLink = viewLink;
    result.render.viewLink = viewLink;
  }
  result.viewer.view = viewOptions;
  if (analyze->parsed()) {
    result.command = CommandLine::Command::Analyze;
    if (!analyzeOut.empty()) a.out = analyzeOut;
    if (!analyzeModel.empty())
      a.model = analyzeModel;
    else if (!viewerModel.empty())
      a.model = viewerModel;
  }
  if (quizCommand->parsed()) {
    result.command = CommandLine::Command::Quiz;
    if (!q.check && quizAnswers.empty()) throw UsageError("quiz: give --check or --answers ANSWERS.json");
    q.file = quizFile;
    if (!quizAnswers.empty()) q.answers = quizAnswers;
    if (!quizOut.empty()) q.out = quizOut;
    if (!quizModel.empty())
      q.model = quizModel;
    else if (!viewerModel.empty())
      q.model = viewerModel;
  }
  if (bench->parsed()) {
    result.command = CommandLine::Command::Bench;
    b.size = parseImageSize(benchSize);
    if (motion.motion) b.motion = *motion.motion;  // --motion is a view option, parsed above
    if (motion.frames > 0 || motion.time || !motion.pose.empty())
      throw UsageError("bench plays one motion: --pose and --time do not apply");
    b.view = viewOptions;
    if (!benchOut.empty()) b.out = benchOut;
    if (!benchModel.empty())
      b.model = benchModel;
    else if (!viewerModel.empty())
      b.model = viewerModel;
  }
  if (rigCommand->parsed()) {
    result.command = CommandLine::Command::Rig;
    result.rig.input = rigInput;
    result.rig.out = rigOut;
    result.rig.complete = result.rigChoice.complete;
    result.rig.fibresPerMuscle = result.rigChoice.fibresPerMuscle;
  }
  if (render->parsed()) {
    result.command = CommandLine::Command::Render;
    result.render.out = out;
    result.render.size = parseImageSize(size);
    result.render.view = viewOptions;
    if (!lesson.empty())
      result.render.lesson = lesson;
    else if (!viewerLesson.empty())
      result.render.lesson = viewerLesson;  // medius --lesson FILE render ...
    if (!renderModel.empty())
      result.render.model = renderModel;
    else if (!viewerModel.empty())
      result.render.model = viewerModel;
    const std::string extension = result.render.out.extension().string();
    const bool video = extension == ".mp4" || extension == ".gif" || extension == ".MP4" || extension == ".GIF";
    if (video && (motion.frames < 2 || !motion.motion))
      throw UsageError("--out '" + out + "': an MP4 or GIF is an animation; give --motion NAME --frames N (N of 2 or more)");
    if (!video && extension != ".png" && extension != ".PNG")
      throw UsageError("--out '" + out + "': the output must be a .png file (or .mp4 or .gif with --motion and --frames)");
    if (!video && motion.frames > 1 && out.find('%') == std::string::npos)
      throw UsageError("--out '" + out + "': with --frames, name the files with a counter, e.g. frames/frame_%04d.png");
  }
  return result;
}

}  // namespace medius::app
