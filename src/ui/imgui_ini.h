#pragma once
// ImGui's window layout (its .ini text) kept in the config directory and written atomically.
// ImGui would write the file itself, in place; the viewer sets io.IniFilename = nullptr and calls
// these instead. Call between ImGui::CreateContext and DestroyContext.
#include <filesystem>

namespace medius::ui {

// Loads the layout from `file` if it exists (ImGui skips what it does not understand).
void loadImGuiLayout(const std::filesystem::path& file);

// Saves the layout when ImGui asks for it (io.WantSaveIniSettings) or when `force` is set (at
// exit). A failure is logged as a warning, never fatal: losing a window layout must not stop the
// viewer. Returns true when the file was written.
bool saveImGuiLayout(const std::filesystem::path& file, bool force = false);

}  // namespace medius::ui
