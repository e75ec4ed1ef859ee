#include "app/render_command.h"

#include "app/headless_context.h"
#include "app/lesson_render.h"
#include "app/model_choice.h"
#include "core/error.h"
#include "core/log.h"
#include "render/renderer.h"

namespace medius::app {

void runRenderCommand(const RenderOptions& options) {
  // Input first: a bad model fails before any graphics work or output.
  const anatomy::Model model = loadChosenModel(options.model);
  render::SceneAppearance appearance = render::SceneAppearance::allVisible(model.structures.size());
  ui::applyViewFlags(appearance, model, options.view.flags);  // unknown ids fail before any GL work
  const std::optional<render::FrameSpec> lessonSpec = lessonFrameSpec(model, options);  // --lesson FILE --step N
  const HeadlessContext context;
  render::Renderer renderer(model);
  const float aspect = static_cast<float>(options.size.width) / static_cast<float>(options.size.height);
  render::FrameSpec spec;
  spec.camera = render::framedCamera(model.bounds(), options.view.preset, aspect);
  render::orbit(spec.camera, glm::radians(options.view.orbitYawDegrees), glm::radians(options.view.orbitPitchDegrees));
  spec.width = options.size.width;
  spec.height = options.size.height;
  spec.options = {options.transparent, options.samples};
  spec.appearance = appearance;
  if (lessonSpec) spec = *lessonSpec;
  spec.appearance.textScale = options.textScale;
  const render::Image image = renderer.renderImage(spec);
  render::savePng(image, options.out);
  core::logInfo("wrote " + options.out.string() + " (" + std::to_string(image.width) + "x" + std::to_string(image.height) +
                ", " + renderer.deviceDescription() + ")");
}

}  // namespace medius::app
