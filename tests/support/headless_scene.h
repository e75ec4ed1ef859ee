#pragma once
// A model drawn by the real renderer in its own headless EGL context, for a test suite to share.
// Members are destroyed in reverse order: the renderer's GL objects go before the context.
#include "anatomy/model.h"
#include "app/headless_context.h"
#include "render/renderer.h"

#include <memory>

namespace medius::test {

struct HeadlessScene {
  explicit HeadlessScene(anatomy::Model loaded)
      : context(std::make_unique<app::HeadlessContext>()),
        model(std::move(loaded)),
        renderer(std::make_unique<render::Renderer>(model)) {}

  // A frame of the whole model from a preset, every structure visible.
  render::FrameSpec frame(render::ViewPreset preset, int width, int height, bool transparent = false, int samples = 4) const {
    render::FrameSpec spec;
    spec.camera = render::framedCamera(model.bounds(), preset, static_cast<float>(width) / static_cast<float>(height));
    spec.width = width;
    spec.height = height;
    spec.options = {transparent, samples};
    spec.appearance = render::SceneAppearance::allVisible();
    return spec;
  }

  std::unique_ptr<app::HeadlessContext> context;
  anatomy::Model model;
  std::unique_ptr<render::Renderer> renderer;
};

}  // namespace medius::test
