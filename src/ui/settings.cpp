#include "ui/settings.h"

#include "core/atomic_write.h"
#include "core/error.h"
#include "core/log.h"
#include "core/number_text.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace medius::ui {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFormat = "medius-settings";
constexpr int kVersion = 1;

// A problem with the file's content; becomes the warning.
struct Damage {
  std::string what;
};

std::optional<std::filesystem::path> optionalPath(const Json& json, const char* key) {
  if (!json.contains(key) || json.at(key).is_null()) return std::nullopt;
  if (!json.at(key).is_string()) throw Damage{std::string(key) + ": expected a path (string) or null"};
  return std::filesystem::path(json.at(key).get<std::string>());
}

Settings parse(const std::string& text) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw Damage{"not valid JSON (" + std::string(error.what()).substr(std::string(error.what()).find("parse error")) + ")"};
  } catch (const Json::exception& error) {  // e.g. out_of_range.406, a number too large (1e999)
    throw Damage{std::string("not valid JSON (") + error.what() + ")"};
  }
  if (!json.is_object()) throw Damage{"expected a JSON object"};
  if (json.value("format", std::string()) != kFormat) throw Damage{"format: expected \"" + std::string(kFormat) + "\""};
  // Fields it does not know are ignored: a newer Medius may have written them.
  Settings settings;
  if (json.contains("presentation_theme")) {
    const Json& theme = json.at("presentation_theme");
    if (!theme.is_string() || (theme != "dark" && theme != "light"))
      throw Damage{"presentation_theme: expected \"dark\" or \"light\""};
    settings.presentationTheme = theme.get<std::string>();
  }
  if (json.contains("text_scale")) {
    const Json& scale = json.at("text_scale");
    if (!scale.is_number() || scale.get<double>() < 0.5 || scale.get<double>() > 4.0)
      throw Damage{"text_scale: expected a number from 0.5 to 4"};
    settings.textScale = scale.get<float>();
  }
  settings.screenshotFolder = optionalPath(json, "screenshot_folder");
  settings.lastLesson = optionalPath(json, "last_lesson");
  if (json.contains("recent_lessons")) {
    const Json& recent = json.at("recent_lessons");
    if (!recent.is_array()) throw Damage{"recent_lessons: expected a list of paths"};
    for (const Json& path : recent) {
      if (!path.is_string()) throw Damage{"recent_lessons: expected a list of paths (strings)"};
      if (settings.recentLessons.size() < kMaxRecentLessons) settings.recentLessons.emplace_back(path.get<std::string>());
    }
  }
  if (json.contains("view")) {  // the view options with a settings field; others are ignored
    const Json& view = json.at("view");
    if (!view.is_object()) throw Damage{"view: expected an object (view option -> true or false)"};
    for (const ViewOption& option : viewOptions()) {
      const std::string field(option.settingsField);
      if (field.empty() || !view.contains(field)) continue;
      if (!view.at(field).is_boolean()) throw Damage{"view." + field + ": expected true or false"};
      settings.view[option.toggle] = view.at(field).get<bool>();
    }
  }
  if (json.contains("quiz_progress")) {  // quiz file -> question key -> Leitner box
    const Json& quizzes = json.at("quiz_progress");
    if (!quizzes.is_object()) throw Damage{"quiz_progress: expected an object (quiz file -> question -> box)"};
    for (const auto& [file, boxes] : quizzes.items()) {
      if (!boxes.is_object()) throw Damage{"quiz_progress." + file + ": expected an object (question -> box)"};
      quiz::LeitnerProgress& progress = settings.quizProgress[file];
      for (const auto& [key, box] : boxes.items()) {
        if (!box.is_number_integer() || box.get<int>() < 1 || box.get<int>() > quiz::kLeitnerBoxes)
          throw Damage{"quiz_progress." + file + "." + key + ": expected a box from 1 to " + std::to_string(quiz::kLeitnerBoxes)};
        progress.boxes[key] = box.get<int>();
      }
    }
  }
  return settings;
}

}  // namespace

void rememberLesson(Settings& settings, const std::filesystem::path& lesson) {
  std::vector<std::filesystem::path>& recent = settings.recentLessons;
  std::erase(recent, lesson);
  recent.insert(recent.begin(), lesson);
  if (recent.size() > kMaxRecentLessons) recent.resize(kMaxRecentLessons);
  settings.lastLesson = lesson;
}

std::optional<std::filesystem::path> configDirectory(const char* xdgConfigHome, const char* home) {
  if (xdgConfigHome && *xdgConfigHome && std::filesystem::path(xdgConfigHome).is_absolute())
    return std::filesystem::path(xdgConfigHome) / "medius";
  if (home && *home && std::filesystem::path(home).is_absolute()) return std::filesystem::path(home) / ".config" / "medius";
  return std::nullopt;
}

std::optional<std::filesystem::path> configDirectory() {
  return configDirectory(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
}

std::filesystem::path settingsFile(const std::filesystem::path& configDirectory) { return configDirectory / "settings.json"; }
std::filesystem::path imguiIniFile(const std::filesystem::path& configDirectory) { return configDirectory / "imgui.ini"; }

LoadedSettings loadSettings(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return {};
  std::string problem;
  try {
    if (std::filesystem::is_directory(file, error)) throw Damage{"is a directory"};
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Damage{"cannot be read"};
    std::ostringstream text;
    text << in.rdbuf();
    return {parse(text.str()), std::nullopt};
  } catch (const Damage& damage) {
    problem = damage.what;
  }
  std::filesystem::path aside = file;
  aside += ".bad";
  std::filesystem::rename(file, aside, error);
  const std::string warning =
      file.string() + ": " + problem + "; " +
      (error ? "could not set it aside (" + error.message() + ")" : "set aside as " + aside.filename().string()) +
      ", using the default settings";
  core::logWarning(warning);
  return {Settings{}, warning};
}

void saveSettings(const Settings& settings, const std::filesystem::path& file) {
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  if (error) throw OutputError("cannot create the settings folder '" + file.parent_path().string() + "': " + error.message());
  Json json;
  json["format"] = kFormat;
  json["version"] = kVersion;
  json["presentation_theme"] = settings.presentationTheme;
  json["text_scale"] = core::nearestDouble(settings.textScale);  // 1.2, not the float's 1.2000000476837158
  json["screenshot_folder"] = settings.screenshotFolder ? Json(settings.screenshotFolder->string()) : Json(nullptr);
  json["last_lesson"] = settings.lastLesson ? Json(settings.lastLesson->string()) : Json(nullptr);
  json["recent_lessons"] = Json::array();
  for (const std::filesystem::path& path : settings.recentLessons) json["recent_lessons"].push_back(path.string());
  Json view = Json::object();
  for (const ViewOption& option : viewOptions())
    if (!option.settingsField.empty()) view[std::string(option.settingsField)] = settings.view[option.toggle];
  if (!view.empty()) json["view"] = view;  // only when an option is remembered: older files stay byte for byte
  if (!settings.quizProgress.empty()) {    // only once a quiz was taken, for the same reason
    Json quizzes = Json::object();
    for (const auto& [quizFile, progress] : settings.quizProgress) {
      Json boxes = Json::object();
      for (const auto& [key, box] : progress.boxes) boxes[key] = box;
      quizzes[quizFile] = std::move(boxes);
    }
    json["quiz_progress"] = std::move(quizzes);
  }
  core::writeFileAtomically(file, json.dump(2) + "\n");
}

}  // namespace medius::ui
