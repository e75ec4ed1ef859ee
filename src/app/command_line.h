#pragma once
// The command line, parsed with CLI11 into plain options. The flags mirror what the window shows.
//   medius [--model FILE] [VIEW OPTIONS] [--lesson FILE | --view-link LINK] [--fullscreen]  the interactive viewer (a lesson:
//   presenting it) medius render --out FILE.png [--size WxH] [--transparent] [--samples N] [--model FILE] [VIEW OPTIONS]
//                 [--lesson FILE --step N | --view-link LINK] [--text-scale X]
//   medius render --motion NAME --frames N --out DIR/frame_%04d.png ...   a PNG sequence of one loop
//   medius render --motion NAME --frames N --out FILE.mp4|FILE.gif ...     the same as a video (needs ffmpeg)
//   medius --list-motions
//   medius rig INPUT --out DIR [--complete] [--fibres-per-muscle N]   real meshes (folder or manifest) rigged into a model folder
//   medius analyze (--motion NAME [--frames N] | --pose ...) [--mode action|load] [--csv] [--out FILE] ...
//   medius quiz FILE (--check [--json] | --answers ANSWERS.json [--csv]) [--out FILE] [--model FILE]
//   medius bench [--size WxH] [--frames N] [--motion NAME] [--mode load|action] [--samples N] [--json] [--out FILE]
// VIEW OPTIONS (window and render alike): --view NAME, --orbit YAW,PITCH, --select ID,
//   --isolate ID, --hide ID..., --show ID..., --xray [ID], --highlight attachments, --fibres,
//   --labels, --landmarks, --pose JOINT.DOF=DEG,..., --motion NAME, --time T (seconds or 50%)
#include "app/model_choice.h"
#include "app/rig_command.h"
#include "biomech/activation_mode.h"
#include "render/camera.h"
#include "ui/structure_visibility.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace medius::app {

struct ImageSize {
  int width = 0;
  int height = 0;
};

// Parses "WxH" (e.g. "1920x1080"). Throws UsageError naming the flag and what is wrong.
ImageSize parseImageSize(const std::string& text);

// What is shown and from where: the same options for the window and for `medius render`, so
// that a figure seen in the window can be remade from one command.
// The pose shown: a motion at a time, or a pose held (--pose). Checked against the model once it
// is loaded (pose_choice.h): the joint and DOF names come from it.
struct MotionOptions {
  std::string pose;                   // --pose text, "" for none
  std::optional<std::string> motion;  // --motion id
  std::optional<std::string> time;    // --time: seconds ("1.5", "1.5s") or a share of the loop ("50%")
  int frames = 0;                     // render --frames N: N images over one loop of the motion

  bool posed() const { return !pose.empty() || motion.has_value(); }
};

// Activation shading and what it is computed from (biomech/activation.h), for the window,
// `medius render` and `medius analyze` (which names the mode --mode). Checked against the model
// once it is loaded (activation_choice.h).
struct ActivationOptions {
  std::string mode;  // action | load; "" = no shading (analyze: action)
  double bodyMassKg = 70.0;
  double heightM = 1.75;
  std::string band;                   // NEWTONS[@X,Y,Z]; empty: no band
  std::vector<std::string> strength;  // NAME=PERCENT, repeatable
  std::string colourMap = "heat";     // heat | cividis (colour-blind safe)
};

inline ActivationOptions analyzeDefaults() {
  ActivationOptions options;
  options.mode = biomech::toString(biomech::kDefaultActivationMode);
  return options;
}

struct ViewOptions {
  render::ViewPreset preset = render::ViewPreset::Anterior;
  float orbitYawDegrees = 0.0f;    // turn about the superior axis after the preset (oblique views)
  float orbitPitchDegrees = 0.0f;  // then tilt about the screen's horizontal axis
  ui::ViewFlags flags;             // --select, --isolate, --hide, --show, --xray, --highlight, --fibres, --labels, --landmarks
  MotionOptions motion;            // --pose, --motion, --time (and render's --frames)
  ActivationOptions activation;    // --activation, --body-mass, --height, --band, --strength, --colour-map
};

struct ViewerOptions {
  std::optional<std::filesystem::path> model;  // the built-in hip model when empty
  ViewOptions view;
  std::optional<std::filesystem::path> lesson;  // --lesson FILE: open it in presentation mode at step 1
  std::optional<std::string> viewLink;          // --view-link LINK: open on that view (ui/view_link.h)
  bool fullscreen = false;                      // --fullscreen: the window starts fullscreen (F11 leaves)
};

struct RenderOptions {
  std::filesystem::path out;
  ImageSize size{1600, 1200};
  ViewOptions view;
  std::optional<std::filesystem::path> model;
  bool transparent = false;
  int samples = 8;
  std::optional<std::filesystem::path> lesson;  // --lesson FILE: render one of its steps
  int step = 1;                                 // --step N, from 1
  std::optional<std::string> viewLink;          // --view-link LINK: render that view (ui/view_link.h)
  float textScale = 1.0f;                       // --text-scale: label size for big images
  bool caption = false;                         // --caption: the lesson step's title and caption on the image
};

// `medius analyze`: per frame, the lengths, moment arms, activations and forces behind the
// activation shading, as JSON or CSV (app/analyze_command.h parses and checks the values).
struct AnalyzeOptions {
  std::string motion;                                // a library motion id; or
  std::string pose;                                  // a --pose text (biomech/pose_parser.h)
  int frames = 24;                                   // frames over one loop of the motion
  ActivationOptions activation = analyzeDefaults();  // --mode (default action), --body-mass, --height, --band, --strength
  bool csv = false;                                  // CSV instead of JSON
  std::optional<std::filesystem::path> out;          // standard output when empty
  std::optional<std::filesystem::path> model;        // the built-in hip model when empty
};

// `medius quiz`: a quiz checked against the model (every question with one right answer, printed
// with its answer) or a student's answers scored (app/quiz_command.h).
struct QuizOptions {
  std::filesystem::path file;
  bool check = false;                            // --check
  std::optional<std::filesystem::path> answers;  // --answers ANSWERS.json
  bool json = false;                             // --check --json: the questions as JSON
  bool csv = false;                              // --answers --csv: the score as CSV
  std::optional<std::filesystem::path> out;      // standard output when empty
  std::optional<std::filesystem::path> model;    // the built-in hip model when empty
};

// `medius bench`: the default scene animating offscreen with activation, timed per frame
// (app/bench_command.h). The view options (--labels, --xray, --fibres...) apply too.
struct BenchOptions {
  ImageSize size{1920, 1080};
  int frames = 300;           // timed frames, after kBenchWarmupFrames
  std::string motion;         // a library motion id; empty: the library's first
  std::string mode = "load";  // activation mode: action | load
  int samples = 4;            // MSAA
  int detailLevel = 0;        // level of detail drawn (0: the finest; render/detail_levels.h)
  bool json = false;
  std::optional<std::filesystem::path> out;    // standard output when empty
  std::optional<std::filesystem::path> model;  // the built-in hip model when empty
  ViewOptions view;
};

struct CommandLine {
  enum class Command { Viewer, Render, Analyze, Quiz, Bench, Rig, PrintAndExit };
  Command command = Command::Viewer;
  ViewerOptions viewer;
  RenderOptions render;
  AnalyzeOptions analyze;
  QuizOptions quiz;
  BenchOptions bench;
  RigCommandOptions rig;
  RigChoice rigChoice;  // how a --model of real meshes is rigged (--complete, --fibres)
  bool verbose = false;
  std::string text;  // --help or --version output, for PrintAndExit
};

// Throws UsageError with CLI11's message and a pointer to --help for any bad argument.
CommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace medius::app
