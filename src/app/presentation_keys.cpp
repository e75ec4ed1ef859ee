#include "app/presentation_keys.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace medius::app {

std::optional<ui::PresentationKey> presentationKeyFor(int glfwKey) {
  switch (glfwKey) {
    case GLFW_KEY_F5:
      return ui::PresentationKey::Toggle;
    case GLFW_KEY_PAGE_DOWN:
    case GLFW_KEY_RIGHT:
    case GLFW_KEY_DOWN:
      return ui::PresentationKey::Next;
    case GLFW_KEY_PAGE_UP:
    case GLFW_KEY_LEFT:
    case GLFW_KEY_UP:
      return ui::PresentationKey::Previous;
    case GLFW_KEY_HOME:
      return ui::PresentationKey::First;
    case GLFW_KEY_END:
      return ui::PresentationKey::Last;
    case GLFW_KEY_B:
    case GLFW_KEY_PERIOD:
      return ui::PresentationKey::Blackout;
    case GLFW_KEY_ESCAPE:
      return ui::PresentationKey::Leave;
    default:
      return std::nullopt;
  }
}

}  // namespace medius::app
