#pragma once
// "Open model...": a small window with a path field, an Open button and the error of the last
// try in one line, so a bad file is told in the window and the current model stays.
#include <filesystem>
#include <optional>
#include <string>

namespace medius::ui {

struct OpenModelPanel {
  bool visible = false;
  std::string pathInput;
  std::string error;  // why the last file could not be opened; empty after a success
};

// Call between ImGui::NewFrame() and ImGui::Render(). Returns the file to open when Open (or
// Enter in the field) was pressed.
std::optional<std::filesystem::path> drawOpenModelPanel(OpenModelPanel& panel);

}  // namespace medius::ui
