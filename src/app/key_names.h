#pragma once
// GLFW's key codes and modifier bits as the key bindings name them (ui/key_bindings.h).
#include <string_view>

namespace medius::app {

// "A", "7", "F5", "PageDown", "Esc", ","...; "" for a key no binding can name.
std::string_view keyName(int glfwKey);

// GLFW_MOD_* bits as ui::KeyModifier bits.
unsigned keyModifiers(int glfwMods);

}  // namespace medius::app
