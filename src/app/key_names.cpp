#include "app/key_names.h"

#include "ui/key_bindings.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <array>

namespace medius::app {

std::string_view keyName(int glfwKey) {
  // GLFW's codes for letters and digits are their ASCII codes.
  static constexpr std::string_view kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static constexpr std::string_view kDigits = "0123456789";
  if (glfwKey >= GLFW_KEY_A && glfwKey <= GLFW_KEY_Z) return kLetters.substr(static_cast<std::size_t>(glfwKey - GLFW_KEY_A), 1);
  if (glfwKey >= GLFW_KEY_0 && glfwKey <= GLFW_KEY_9) return kDigits.substr(static_cast<std::size_t>(glfwKey - GLFW_KEY_0), 1);
  static constexpr std::array<std::string_view, 12> kFunctionKeys = {"F1", "F2", "F3", "F4",  "F5",  "F6",
                                                                     "F7", "F8", "F9", "F10", "F11", "F12"};
  if (glfwKey >= GLFW_KEY_F1 && glfwKey <= GLFW_KEY_F12) return kFunctionKeys[static_cast<std::size_t>(glfwKey - GLFW_KEY_F1)];
  switch (glfwKey) {
    case GLFW_KEY_SPACE:
      return "Space";
    case GLFW_KEY_COMMA:
      return ",";
    case GLFW_KEY_PERIOD:
      return ".";
    case GLFW_KEY_ESCAPE:
      return "Esc";
    case GLFW_KEY_TAB:
      return "Tab";
    case GLFW_KEY_ENTER:
      return "Enter";
    case GLFW_KEY_HOME:
      return "Home";
    case GLFW_KEY_END:
      return "End";
    case GLFW_KEY_PAGE_UP:
      return "PageUp";
    case GLFW_KEY_PAGE_DOWN:
      return "PageDown";
    case GLFW_KEY_LEFT:
      return "Left";
    case GLFW_KEY_RIGHT:
      return "Right";
    case GLFW_KEY_UP:
      return "Up";
    case GLFW_KEY_DOWN:
      return "Down";
    default:
      return "";
  }
}

unsigned keyModifiers(int glfwMods) {
  unsigned modifiers = ui::kNoModifier;
  if (glfwMods & GLFW_MOD_SHIFT) modifiers |= ui::kShift;
  if (glfwMods & GLFW_MOD_CONTROL) modifiers |= ui::kCtrl;
  if (glfwMods & GLFW_MOD_ALT) modifiers |= ui::kAlt;
  return modifiers;
}

}  // namespace medius::app
