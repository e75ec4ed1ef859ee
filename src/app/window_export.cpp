#include "app/window_export.h"

#include "app/activation_choice.h"
#include "app/animation_export.h"
#include "app/pose_choice.h"
#include "app/video_export.h"
#include "core/error.h"
#include "core/numbered_file.h"
#include "core/paths.h"
#include "render/caption_image.h"
#include "render/font_atlas.h"

#include <algorithm>

namespace medius::app {
namespace {

void makeFolder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw OutputError("cannot make the folder '" + folder.string() + "': " + error.message());
}

}  // namespace

void drawStepCaption(render::Image& image, const std::string& title, const std::string& caption, float textScale) {
  const std::optional<std::filesystem::path> fontFile = core::findUiFont();
  const std::optional<render::FontAtlas> font = fontFile ? render::FontAtlas::load(*fontFile) : std::nullopt;
  if (!font) throw OutputError("cannot draw the caption: DejaVu Sans is not installed (Debian: fonts-dejavu-core)");
  render::drawCaption(image, *font, title, caption, textScale);
}

std::filesystem::path exportFolder(const std::optional<std::filesystem::path>& setting) {
  return setting && !setting->empty() ? *setting : std::filesystem::path(".");
}

std::filesystem::path saveScreenshot(render::Renderer& renderer, const render::FrameSpec& windowFrame, const std::filesystem::path& folder) {
  makeFolder(folder);
  render::FrameSpec spec = windowFrame;
  spec.appearance.hovered.reset();
  spec.viewArea.reset();  // an image has no panels: all of it is free
  const std::filesystem::path file = core::nextNumberedPath(folder, "medius", ".png");
  render::savePng(renderer.renderImage(spec), file);
  return file;
}

std::filesystem::path exportImage(render::Renderer& renderer, const render::FrameSpec& windowFrame, const ui::ImageExportOptions& options,
                                  ui::PixelSize window, const ui::LessonStep* captionStep, const std::filesystem::path& folder) {
  makeFolder(folder);
  render::Image image = renderer.renderImage(ui::exportFrame(windowFrame, options, window));
  if (options.caption && captionStep) drawStepCaption(image, captionStep->title, captionStep->caption, options.textScale);
  const std::filesystem::path file = core::nextNumberedPath(folder, "medius", ".png");
  render::savePng(image, file);
  return file;
}

std::filesystem::path exportAnimation(render::Renderer& renderer, biomech::PosedModel& posed, const anatomy::Model& model,
                                      const render::FrameSpec& windowFrame, const biomech::Motion& motion,
                                      const ui::AnimationExportOptions& options, ui::PixelSize window, const std::filesystem::path& folder,
                                      const biomech::ActivationSettings* activation) {
  makeFolder(folder);
  const bool video = options.format != ui::AnimationFormat::PngSequence;
  const std::filesystem::path output =
      core::nextNumberedPath(folder, "medius-animation", video ? ui::animationExtension(options.format) : std::string_view());
  const std::optional<std::filesystem::path> ffmpeg = video ? std::optional(requireFfmpeg(output)) : std::nullopt;
  std::optional<TemporaryFolder> temporary;
  if (video) temporary.emplace();
  else makeFolder(output);
  const std::filesystem::path pattern = (video ? temporary->path() : output) / "frame_%04d.png";

  MotionOptions choice;
  choice.motion = motion.id;
  choice.frames = std::max(options.frames, 2);
  const std::vector<PosedMoment> moments = chosenMoments(choice, model);
  ui::ImageExportOptions imageOptions;
  imageOptions.size = options.size;
  imageOptions.transparent = options.transparent && !video;
  imageOptions.textScale = windowFrame.appearance.textScale;
  render::FrameSpec spec = ui::exportFrame(windowFrame, imageOptions, window);
  if (video) {  // H.264 wants even sides
    spec.width += spec.width % 2;
    spec.height += spec.height % 2;
  }
  std::optional<biomech::ActivationAnalyzer> analyzer;
  std::optional<StanceDrop> stance;  // the dropped pelvis of the window's frame, as the window draws it
  if (activation) {
    analyzer.emplace(posed.fibres());
    stance.emplace(posed.fibres(), *activation, &motion);
  }
  std::vector<float> shading, lengthening;
  for (std::size_t i = 0; i < moments.size(); ++i) {
    const biomech::Pose pose = stance ? stance->poseAt(motion, moments[i].timeSeconds) : moments[i].pose;
    posed.setPose(pose, moments[i].stepSeconds);
    if (analyzer) fibreShading(analyzer->analyse(pose, *activation, &motion, moments[i].timeSeconds), shading, lengthening);
    spec.pose = render::scenePoseOf(posed, shading, lengthening);
    render::savePng(renderer.renderImage(spec), sequenceFile(pattern, static_cast<int>(i)));
  }
  if (video) encodeVideo(*ffmpeg, pattern, output, VideoOptions{static_cast<double>(moments.size()) / std::max(motion.durationSeconds, 1e-3)});
  return output;
}

}  // namespace medius::app
