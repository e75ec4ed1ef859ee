#include "ui/view_state.h"

namespace medius::ui {

const render::Camera& ViewState::cameraAt(double nowSeconds) {
  if (transition) {
    camera = transition->at(nowSeconds);
    if (transition->finished(nowSeconds)) transition.reset();
  }
  return camera;
}

render::FrameSpec ViewState::frameSpec(double nowSeconds, int width, int height) {
  return render::FrameSpec{cameraAt(nowSeconds), width, height, frame, appearance, nullptr, viewArea};
}

}  // namespace medius::ui
