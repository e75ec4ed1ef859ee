// Settings in the XDG config directory: where they live, a round trip, and damaged files that are
// reported, set aside and replaced by the defaults, never fatal. ImGui's layout through memory.
#include "ui/settings.h"
#include "core/error.h"
#include "support/temp_dir.h"
#include "ui/imgui_ini.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace medius {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Settings, LiveInTheXdgConfigDirectory) {
  EXPECT_EQ(ui::configDirectory("/x/config", "/home/ann"), std::filesystem::path("/x/config/medius"));
  EXPECT_EQ(ui::configDirectory(nullptr, "/home/ann"), std::filesystem::path("/home/ann/.config/medius"));
  EXPECT_EQ(ui::configDirectory("", "/home/ann"), std::filesystem::path("/home/ann/.config/medius"));
  EXPECT_EQ(ui::configDirectory("relative/config", "/home/ann"),
            std::filesystem::path("/home/ann/.config/medius"));  // XDG: ignored
  EXPECT_FALSE(ui::configDirectory(nullptr, nullptr));
  EXPECT_EQ(ui::settingsFile("/c/medius"), std::filesystem::path("/c/medius/settings.json"));
  EXPECT_EQ(ui::imguiIniFile("/c/medius"), std::filesystem::path("/c/medius/imgui.ini"));
}

TEST(Settings, SaveCreatesTheFolderAndLoadsBackTheSame) {
  const test::TempDir dir;
  ui::Settings settings;
  settings.presentationTheme = "light";
  settings.textScale = 1.5f;
  settings.screenshotFolder = "/home/ann/Pictures/lecture 3";
  settings.lastLesson = "/home/ann/lessons/trendelenburg.json";
  settings.recentLessons = {"/home/ann/lessons/trendelenburg.json", "/home/ann/lessons/clamshell.json"};
  settings.quizProgress["/home/ann/quizzes/trendelenburg.json"].boxes = {{"clinical|a|b|20", 3}, {"find|a|origin", 1}};
  const std::filesystem::path file = ui::settingsFile(dir / "config" / "medius");
  ui::saveSettings(settings, file);
  const ui::LoadedSettings loaded = ui::loadSettings(file);
  EXPECT_FALSE(loaded.warning);
  EXPECT_EQ(loaded.settings, settings);
  std::vector<std::string> entries;
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path()))
    entries.push_back(entry.path().filename().string());
  EXPECT_EQ(entries, std::vector<std::string>{"settings.json"});  // no temporary file left
}

TEST(Settings, AMissingFileGivesTheDefaultsSilently) {
  const test::TempDir dir;
  const ui::LoadedSettings loaded = ui::loadSettings(dir / "settings.json");
  EXPECT_FALSE(loaded.warning);
  EXPECT_EQ(loaded.settings, ui::Settings{});
  EXPECT_TRUE(dir.entries().empty());
}

TEST(Settings, UnknownFieldsAreIgnored) {
  const test::TempDir dir;
  std::ofstream(dir / "settings.json")
      << R"({"format": "medius-settings", "version": 2, "text_scale": 2, "future_option": [1, 2]})";
  const ui::LoadedSettings loaded = ui::loadSettings(dir / "settings.json");
  EXPECT_FALSE(loaded.warning);
  EXPECT_FLOAT_EQ(loaded.settings.textScale, 2.0f);
}

struct DamagedSettings {
  const char* name;
  const char* text;
  const char* problem;
};
void PrintTo(const DamagedSettings& damaged, std::ostream* out) { *out << damaged.name; }

class SettingsDamage : public testing::TestWithParam<DamagedSettings> {};

TEST_P(SettingsDamage, IsReportedSetAsideAndReplacedByTheDefaults) {
  const test::TempDir dir;
  const std::filesystem::path file = dir / "settings.json";
  std::ofstream(file) << GetParam().text;
  const ui::LoadedSettings loaded = ui::loadSettings(file);
  EXPECT_EQ(loaded.settings, ui::Settings{});
  ASSERT_TRUE(loaded.warning);
  EXPECT_EQ(loaded.warning->rfind(file.string() + ": ", 0), 0u) << *loaded.warning;
  EXPECT_NE(loaded.warning->find(GetParam().problem), std::string::npos) << *loaded.warning;
  EXPECT_NE(loaded.warning->find("set aside as settings.json.bad"), std::string::npos) << *loaded.warning;
  EXPECT_EQ(loaded.warning->find('\n'), std::string::npos);
  // The damaged file is kept for the person to look at; the next save writes a fresh one.
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"settings.json.bad"});
  EXPECT_EQ(readFile(dir / "settings.json.bad"), GetParam().text);
  ui::saveSettings(loaded.settings, file);
  EXPECT_FALSE(ui::loadSettings(file).warning);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, SettingsDamage,
    testing::Values(
        DamagedSettings{"NotJson", "{\"format\": \"medius-settings\", \"text_scale\": ", "not valid JSON"},
        DamagedSettings{"Empty", "", "not valid JSON"}, DamagedSettings{"NotAnObject", "[1, 2, 3]", "expected a JSON object"},
        DamagedSettings{"OtherFormat", R"({"format": "medius-lesson"})", "format: expected \"medius-settings\""},
        DamagedSettings{"WrongType", R"({"format": "medius-settings", "text_scale": "big"})", "text_scale: expected a number"},
        DamagedSettings{"OutOfRange", R"({"format": "medius-settings", "text_scale": 40})", "from 0.5 to 4"},
        DamagedSettings{"UnknownTheme", R"({"format": "medius-settings", "presentation_theme": "neon"})", "presentation_theme"},
        DamagedSettings{"PathNotAString", R"({"format": "medius-settings", "last_lesson": 7})", "last_lesson: expected a path"},
        DamagedSettings{"RecentNotAList", R"({"format": "medius-settings", "recent_lessons": "a.json"})",
                        "recent_lessons: expected a list"},
        DamagedSettings{"QuizProgressNotAnObject", R"({"format": "medius-settings", "quiz_progress": [1]})",
                        "quiz_progress: expected an object"},
        DamagedSettings{"QuizBoxOutOfRange",
                        R"({"format": "medius-settings", "quiz_progress": {"q.json": {"find|a|origin": 9}}})",
                        "quiz_progress.q.json.find|a|origin: expected a box from 1 to 5"}),
    [](const testing::TestParamInfo<DamagedSettings>& param) { return std::string(param.param.name); });

TEST(Settings, RememberedLessonsComeFirstOnceAndAreCapped) {
  ui::Settings settings;
  for (int i = 0; i < 12; ++i) ui::rememberLesson(settings, "lesson" + std::to_string(i) + ".json");
  ui::rememberLesson(settings, "lesson9.json");
  ASSERT_EQ(settings.recentLessons.size(), ui::kMaxRecentLessons);
  EXPECT_EQ(settings.recentLessons[0], std::filesystem::path("lesson9.json"));
  EXPECT_EQ(settings.recentLessons[1], std::filesystem::path("lesson11.json"));
  EXPECT_EQ(std::count(settings.recentLessons.begin(), settings.recentLessons.end(), std::filesystem::path("lesson9.json")), 1);
  EXPECT_EQ(settings.lastLesson, std::filesystem::path("lesson9.json"));
}

TEST(Settings, SavingWhereNoFolderCanBeMadeIsAnOutputError) {
  EXPECT_THROW(ui::saveSettings(ui::Settings{}, "/proc/medius-cannot-be-here/settings.json"), OutputError);
}

// One bare ImGui frame (the example_null pattern) with a window, optionally placed.
ImVec2 frameWithWindow(std::optional<ImVec2> place) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(800, 600);
  io.DeltaTime = 1.0f / 60.0f;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ImGui::NewFrame();
  if (place) ImGui::SetNextWindowPos(*place);
  ImGui::Begin("Lesson steps");
  const ImVec2 position = ImGui::GetWindowPos();
  ImGui::End();
  ImGui::Render();
  return position;
}

TEST(ImGuiLayout, IsSavedAtomicallyAndRestored) {
  const test::TempDir dir;
  const std::filesystem::path file = ui::imguiIniFile(dir / "medius");
  ImGui::CreateContext();
  frameWithWindow(ImVec2(123, 45));
  EXPECT_TRUE(ui::saveImGuiLayout(file, true));
  ImGui::DestroyContext();
  EXPECT_NE(readFile(file).find("[Window][Lesson steps]"), std::string::npos) << readFile(file);

  ImGui::CreateContext();
  ui::loadImGuiLayout(file);
  const ImVec2 restored = frameWithWindow(std::nullopt);
  EXPECT_FLOAT_EQ(restored.x, 123.0f);
  EXPECT_FLOAT_EQ(restored.y, 45.0f);
  EXPECT_FALSE(ui::saveImGuiLayout(file));  // nothing changed: no write asked for
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace medius
