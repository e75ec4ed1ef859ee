#pragma once
// Medius's own settings (presentation theme, text scale, screenshot folder, recent lessons, the
// view options remembered between sessions, the Leitner boxes of each quiz taken), kept
// in the XDG config directory beside ImGui's window layout (imgui_ini.h). Reading never fails: a
// damaged file is reported in one warning line, set aside as settings.json.bad and the defaults
// are used, so a bad file can never keep the viewer from starting. Plain data and JSON; no ImGui.
#include "quiz/leitner.h"
#include "ui/view_options.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace medius::ui {

inline constexpr std::size_t kMaxRecentLessons = 8;

struct Settings {
  std::string presentationTheme = "dark";                 // "dark" or "light": high-contrast themes for a projector
  float textScale = 1.0f;                                 // interface and caption text, 0.5 to 4
  std::optional<std::filesystem::path> screenshotFolder;  // where Ctrl+S saves; the current folder when unset
  std::optional<std::filesystem::path> lastLesson;        // the lesson opened last
  std::vector<std::filesystem::path> recentLessons;       // lessons opened or saved, newest first, at most kMaxRecentLessons
  ViewToggles view = defaultViewToggles();  // the view options that have a settings field (view_options.h), in "view"
  std::map<std::string, quiz::LeitnerProgress> quizProgress;  // quiz file path -> its questions' boxes, in "quiz_progress"

  bool operator==(const Settings&) const = default;
};

// Puts `lesson` first in settings.recentLessons (once) and makes it the last lesson; keeps at most
// kMaxRecentLessons.
void rememberLesson(Settings& settings, const std::filesystem::path& lesson);

// $XDG_CONFIG_HOME/medius, else $HOME/.config/medius (the XDG base directory rules: a relative
// XDG_CONFIG_HOME is ignored). Nothing when neither gives an absolute folder. The values are
// passed in (normally std::getenv's) so that tests need not change the environment.
std::optional<std::filesystem::path> configDirectory(const char* xdgConfigHome, const char* home);
// The same, from the environment.
std::optional<std::filesystem::path> configDirectory();

std::filesystem::path settingsFile(const std::filesystem::path& configDirectory);  // .../settings.json
std::filesystem::path imguiIniFile(const std::filesystem::path& configDirectory);  // .../imgui.ini

struct LoadedSettings {
  Settings settings;
  std::optional<std::string> warning;  // the one line printed when the file was damaged
};

// Reads the settings file. A missing file gives the defaults silently. A damaged file (not JSON,
// a field of the wrong type or out of range) is renamed to FILE.bad (replacing an older one), a
// warning naming the file and the problem is logged, and the defaults are returned. Never throws.
LoadedSettings loadSettings(const std::filesystem::path& file);

// Writes the settings atomically, creating the folder if needed. Throws OutputError.
void saveSettings(const Settings& settings, const std::filesystem::path& file);

}  // namespace medius::ui
