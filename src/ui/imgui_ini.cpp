#include "ui/imgui_ini.h"

#include "core/atomic_write.h"
#include "core/error.h"
#include "core/log.h"

#include <imgui.h>

#include <fstream>
#include <sstream>

namespace medius::ui {

void loadImGuiLayout(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return;
  std::ostringstream text;
  text << in.rdbuf();
  const std::string ini = text.str();
  ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
}

bool saveImGuiLayout(const std::filesystem::path& file, bool force) {
  ImGuiIO& io = ImGui::GetIO();
  if (!force && !io.WantSaveIniSettings) return false;
  io.WantSaveIniSettings = false;
  std::size_t size = 0;
  const char* ini = ImGui::SaveIniSettingsToMemory(&size);
  try {
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    core::writeFileAtomically(file, std::string_view(ini, size));
    return true;
  } catch (const Error& error) {
    core::logWarning(std::string("window layout not saved: ") + error.what());
    return false;
  }
}

}  // namespace medius::ui
