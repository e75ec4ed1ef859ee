#include "ui/view_state.h"

namespace medius::ui {

const render::Camera& ViewState::cameraAt(double nowSeconds) {
  if (transition) {
    camera = transition->at(nowSeconds);
    if (transition->finished(nowSeconds)) transition.reset();
  }
  return camera;
}

}  // namespace medius::ui
