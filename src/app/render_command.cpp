#include "app/render_command.h"

#include "app/headless_context.h"
#include "app/lesson_render.h"
#include "app/model_choice.h"
#include "app/pose_choice.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "core/error.h"
#include "core/log.h"
#include "render/renderer.h"

#include <algorithm>
#include <optional>
#include <string>

namespace medius::app {
namespace {

// A sequence goes into the folder its file names say, made if missing.
void makeSequenceFolder(const std::filesystem::path& first) {
  const std::filesystem::path folder = first.parent_path();
  if (folder.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw OutputError("cannot make the folder '" + folder.string() + "': " + error.message());
}

// The frame the view options ask for: framed on the visible structures, a lying body lying.
render::FrameSpec viewFrame(const anatomy::Model& model, const RenderOptions& options, const render::SceneAppearance& appearance) {
  const float aspect = static_cast<float>(options.size.width) / static_cast<float>(options.size.height);
  render::FrameSpec spec;
  spec.camera = render::framedCamera(ui::visibleBounds(model, appearance), options.view.preset, aspect);
  spec.camera.sceneRadius = std::max(spec.camera.sceneRadius, model.bounds().radius());  // depth range for the whole model
  render::orbit(spec.camera, glm::radians(options.view.orbitYawDegrees), glm::radians(options.view.orbitPitchDegrees));
  if (options.view.motion.motion)  // the room's up points up in the image
    render::rollUpright(spec.camera, biomech::roomUp(biomech::findMotion(*options.view.motion.motion)->orientation));
  spec.width = options.size.width;
  spec.height = options.size.height;
  spec.options = {options.transparent, options.samples};
  spec.appearance = appearance;
  return spec;
}

}  // namespace

void runRenderCommand(const RenderOptions& options) {
  // Input first: a bad model, view, lesson or pose fails before any graphics work or output.
  const anatomy::Model model = loadChosenModel(options.model);
  render::SceneAppearance appearance = render::SceneAppearance::allVisible(model.structures.size());
  ui::applyViewFlags(appearance, model, options.view.flags);
  const std::optional<LessonFrame> lesson = lessonFrame(model, options);  // --lesson FILE --step N
  const MotionOptions motion = lesson && !options.view.motion.posed() ? lesson->motion : options.view.motion;
  const std::vector<PosedMoment> moments = motion.posed() ? chosenMoments(motion, model) : std::vector<PosedMoment>{};
  const bool sequence = motion.frames > 1;
  if (sequence) makeSequenceFolder(sequenceFile(options.out, 0));

  render::FrameSpec spec = lesson ? lesson->spec : viewFrame(model, options, appearance);
  spec.appearance.textScale = options.textScale;
  const HeadlessContext context;
  std::optional<biomech::PosedModel> posed;
  if (!moments.empty()) posed.emplace(model);
  render::Renderer renderer(model, posed ? &*posed : nullptr, /*detailLevels=*/false);  // images: always the finest

  const auto renderTo = [&](const std::filesystem::path& file) {
    const render::Image image = renderer.renderImage(spec);
    render::savePng(image, file);
    core::logInfo("wrote " + file.string() + " (" + std::to_string(image.width) + "x" + std::to_string(image.height) + ", " +
                  renderer.deviceDescription() + ")");
  };
  if (moments.empty()) return renderTo(options.out);
  bool warned = false;
  for (std::size_t i = 0; i < moments.size(); ++i) {
    posed->setPose(moments[i].pose, moments[i].stepSeconds);
    if (!posed->clamped().empty() && !warned) {
      std::string clamped = biomech::describe(posed->clamped());
      while (!clamped.empty() && clamped.back() == '\n') clamped.pop_back();
      core::logWarning(clamped);
      warned = true;
    }
    spec.pose = render::scenePoseOf(*posed);
    renderTo(sequence ? sequenceFile(options.out, static_cast<int>(i)) : options.out);
  }
  if (sequence) core::logInfo("wrote " + std::to_string(moments.size()) + " frames");
}

}  // namespace medius::app
