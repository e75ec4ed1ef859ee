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
#include <string>

#include <unistd.h>

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

std::filesystem::path saveScreenshot(render::Renderer& renderer, const render::FrameSpec& windowFrame,
                                     const std::filesystem::path& folder) {
  makeFolder(folder);
  render::FrameSpec spec = windowFrame;
  spec.appearance.hovered.reset();
  spec.viewArea.reset();  // an image has no panels: all of it is free
  const std::filesystem::path file = core::nextNumberedPath(folder, "medius", ".png");
  render::savePng(renderer.renderImage(spec), file);
  return file;
}

std::filesystem::path exportImage(render::Renderer& renderer, const render::FrameSpec& windowFrame,
                                  const ui::ImageExportOptions& options, ui::PixelSize window, const ui::LessonStep* captionStep,
                                  const std::filesystem::path& folder) {
  makeFolder(folder);
  render::Image image = renderer.renderImage(ui::exportFrame(windowFrame, options, window));
  if (options.caption && captionStep) drawStepCaption(image, captionStep->title, captionStep->caption, options.textScale);
  const std::filesystem::path file = core::nextNumberedPath(folder, "medius", ".png");
  render::savePng(image, file);
  return file;
}

AnimationExport::AnimationExport(render::Renderer& renderer, biomech::PosedModel& posed, const anatomy::Model& model,
                                 const render::FrameSpec& windowFrame, const biomech::Motion& motion,
                                 const ui::AnimationExportOptions& options, ui::PixelSize window,
                                 const std::filesystem::path& folder, const biomech::ActivationSettings* activation)
    : renderer_(renderer), posed_(posed), motion_(motion), source_(posed.fibres()) {
  makeFolder(folder);
  const bool video = options.format != ui::AnimationFormat::PngSequence;
  output_ =
      core::nextNumberedPath(folder, "medius-animation", video ? ui::animationExtension(options.format) : std::string_view());
  if (video) ffmpeg_ = requireFfmpeg(output_);
  // Hidden, beside the result (a rename within one file system), and kept apart by the process id.
  frames_ = folder / ("." + output_.filename().string() + ".frames-" + std::to_string(::getpid()));
  std::error_code error;
  std::filesystem::remove_all(frames_, error);
  makeFolder(frames_);

  MotionOptions choice;
  choice.motion = motion.id;
  choice.frames = std::max(options.frames, 2);
  moments_ = chosenMoments(choice, model);
  ui::ImageExportOptions imageOptions;
  imageOptions.size = options.size;
  imageOptions.transparent = options.transparent && !video;
  imageOptions.textScale = windowFrame.appearance.textScale;
  spec_ = ui::exportFrame(windowFrame, imageOptions, window);
  if (video) {  // H.264 wants even sides
    spec_.width += spec_.width % 2;
    spec_.height += spec_.height % 2;
  }
  if (activation) activation_ = *activation;  // the window's shading, and its dropped pelvis
}

AnimationExport::~AnimationExport() {
  std::error_code error;
  std::filesystem::remove_all(frames_, error);  // after a video, or an export cancelled or failed
}

std::optional<std::filesystem::path> AnimationExport::step() {
  if (finished_) return output_;
  const std::filesystem::path pattern = frames_ / "frame_%04d.png";
  if (next_ < moments_.size()) {
    const PosedMoment& moment = moments_[next_];
    const scene::SceneFrame frame =
        source_.pose(posed_, scene::motionAt(motion_, moment.timeSeconds, activation_), moment.stepSeconds);
    render::FrameSpec spec = spec_;
    spec.pose = render::scenePoseOf(posed_, frame.fibreActivation, frame.fibreMark);
    render::savePng(renderer_.renderImage(spec), sequenceFile(pattern, static_cast<int>(next_)));
    ++next_;
    if (next_ < moments_.size()) return std::nullopt;
  }
  if (ffmpeg_) {
    encodeVideo(*ffmpeg_, pattern, output_,
                VideoOptions{static_cast<double>(moments_.size()) / std::max(motion_.durationSeconds, 1e-3)});
  } else {
    std::error_code error;
    std::filesystem::rename(frames_, output_, error);
    if (error) throw OutputError("cannot move the frames to '" + output_.string() + "': " + error.message());
  }
  finished_ = true;
  return output_;
}

}  // namespace medius::app
