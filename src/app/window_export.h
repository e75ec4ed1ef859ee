#pragma once
// The window's image and animation exports, written into the screenshot folder with increasing
// names (medius-0001.png, medius-animation-0001.mp4, ...): Ctrl+S, the export dialog's image and
// the current motion as a PNG sequence, MP4 or GIF. Each gives the path written and throws
// medius::Error (OutputError, GraphicsError, UsageError) with one message for the status line.
#include "anatomy/model.h"
#include "app/pose_choice.h"
#include "biomech/activation.h"
#include "biomech/motion.h"
#include "biomech/posed_model.h"
#include "render/renderer.h"
#include "scene/frame_source.h"
#include "ui/export_options.h"
#include "ui/lesson.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace medius::app {

// A lesson step's title and caption drawn over the foot of the image, as in presentation mode.
// Throws OutputError when the font is missing.
void drawStepCaption(render::Image& image, const std::string& title, const std::string& caption, float textScale);

// The folder exports go to: the setting, or the current folder when it is unset or empty.
std::filesystem::path exportFolder(const std::optional<std::filesystem::path>& setting);

// The frame as the window shows it, at the window's size, into FOLDER/medius-NNNN.png.
std::filesystem::path saveScreenshot(render::Renderer& renderer, const render::FrameSpec& windowFrame,
                                     const std::filesystem::path& folder);

// The export dialog's image. `captionStep` is the lesson step shown (its title and caption are
// drawn when options.caption is set), or null.
std::filesystem::path exportImage(render::Renderer& renderer, const render::FrameSpec& windowFrame,
                                  const ui::ImageExportOptions& options, ui::PixelSize window, const ui::LessonStep* captionStep,
                                  const std::filesystem::path& folder);

// One loop of `motion` in options.frames frames: FOLDER/medius-animation-NNNN/frame_0000.png ...,
// or FOLDER/medius-animation-NNNN.mp4 / .gif through ffmpeg (UsageError when it is missing), made
// one frame per step() so that the window shows its progress and can cancel it. The frames go to
// a temporary folder; the result appears under its name only when it is complete, and nothing is
// left behind when the export is cancelled (destroyed unfinished) or fails. With `activation`,
// every frame is shaded as the window shades it. `renderer` and `posed` must outlive it.
class AnimationExport {
 public:
  // Throws medius::Error (UsageError without ffmpeg for a video, OutputError for the folder).
  AnimationExport(render::Renderer& renderer, biomech::PosedModel& posed, const anatomy::Model& model,
                  const render::FrameSpec& windowFrame, const biomech::Motion& motion, const ui::AnimationExportOptions& options,
                  ui::PixelSize window, const std::filesystem::path& folder,
                  const biomech::ActivationSettings* activation = nullptr);
  ~AnimationExport();
  AnimationExport(const AnimationExport&) = delete;
  AnimationExport& operator=(const AnimationExport&) = delete;

  // Renders the next frame (posing `posed`: the caller poses it for the window again). After the
  // last one, encodes the video or moves the frames into place and returns the path written.
  // Throws medius::Error.
  std::optional<std::filesystem::path> step();
  std::size_t framesDone() const { return next_; }
  std::size_t frameCount() const { return moments_.size(); }
  const std::filesystem::path& output() const { return output_; }

 private:
  render::Renderer& renderer_;
  biomech::PosedModel& posed_;
  const biomech::Motion& motion_;
  std::filesystem::path output_;
  std::filesystem::path frames_;  // where the PNG frames are written until the export is complete
  std::optional<std::filesystem::path> ffmpeg_;
  std::vector<PosedMoment> moments_;
  render::FrameSpec spec_;
  std::optional<biomech::ActivationSettings> activation_;
  scene::FrameSource source_;
  std::size_t next_ = 0;
  bool finished_ = false;
};

}  // namespace medius::app
