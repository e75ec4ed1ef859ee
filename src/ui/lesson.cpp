#include "ui/lesson.h"

#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "core/atomic_write.h"
#include "core/error.h"
#include "core/number_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace medius::ui {
namespace {

// Ordered: fields are written, and read back, in the order a person reads them.
using Json = nlohmann::ordered_json;

std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "a number";
  }
}

// A number for a message: "1" rather than "1.0".
std::string formatNumber(double value) {
  if (std::abs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  return Json(value).dump();
}

// Reads one JSON object's fields; every complaint names the file, the step and the field path.
class Fields {
 public:
  Fields(const std::string& where, const Json& object, std::string path, const std::vector<std::string_view>& known)
      : where_(where), object_(object), path_(std::move(path)) {
    if (!object_.is_object()) failHere("expected an object, got " + describe(object_));
    for (const auto& [key, value] : object_.items())
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (const std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(key, "unknown field; the fields here are " + list);
      }
  }

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw InputError(where_ + ": " + (path_.empty() ? key : path_ + "." + key) + ": " + what);
  }
  [[noreturn]] void failHere(const std::string& what) const {
    throw InputError(where_ + ": " + (path_.empty() ? "the document" : path_) + ": " + what);
  }

  bool has(const std::string& key) const { return object_.contains(key) && !object_.at(key).is_null(); }

  const Json& required(const std::string& key) const {
    if (!object_.contains(key)) fail(key, "missing (required)");
    return object_.at(key);
  }

  std::string string(const std::string& key, bool allowEmpty = false) const {
    const Json& value = required(key);
    if (!value.is_string()) fail(key, "expected a string, got " + describe(value));
    if (!allowEmpty && value.get_ref<const std::string&>().empty()) fail(key, "must not be empty");
    return value.get<std::string>();
  }
  std::optional<std::string> optionalString(const std::string& key) const {
    return has(key) ? std::optional<std::string>(string(key)) : std::nullopt;
  }

  double number(const std::string& key) const {
    const Json& value = required(key);
    if (!value.is_number()) fail(key, "expected a number, got " + describe(value));
    const double number = value.get<double>();
    if (!std::isfinite(number)) fail(key, "expected a finite number");
    return number;
  }
  double numberIn(const std::string& key, double low, double high) const {
    const double value = number(key);
    if (value < low || value > high)
      fail(key, "must be between " + formatNumber(low) + " and " + formatNumber(high) + ", got " + formatNumber(value));
    return value;
  }
  float floatIn(const std::string& key, float low, float high) const {
    const double value = number(key);
    if (value < low || value > high)  // the bounds are floats: printed as floats ("0.0001", not its double)
      fail(key,
           "must be between " + core::shortestText(low) + " and " + core::shortestText(high) + ", got " + formatNumber(value));
    return static_cast<float>(value);
  }

  bool boolean(const std::string& key, bool fallback) const {
    if (!object_.contains(key)) return fallback;
    const Json& value = object_.at(key);
    if (!value.is_boolean()) fail(key, "expected true or false, got " + describe(value));
    return value.get<bool>();
  }

  // An array of `count` finite numbers.
  std::vector<float> numbers(const std::string& key, std::size_t count) const {
    const std::vector<double> values = doubles(key, count);
    return std::vector<float>(values.begin(), values.end());
  }
  std::vector<double> doubles(const std::string& key, std::size_t count) const {
    const Json& value = required(key);
    const std::string expected = "expected an array of " + std::to_string(count) + " numbers";
    if (!value.is_array()) fail(key, expected + ", got " + describe(value));
    if (value.size() != count) fail(key, expected + ", got " + std::to_string(value.size()) + " elements");
    std::vector<double> result;
    for (const Json& element : value) {
      if (!element.is_number()) fail(key, expected + ", got " + describe(element) + " among them");
      result.push_back(element.get<double>());
      if (!std::isfinite(static_cast<float>(result.back()))) fail(key, "expected finite numbers");
    }
    return result;
  }

  // One of `choices` (a string), for fields such as a mode.
  std::string choice(const std::string& key, std::initializer_list<std::string_view> choices) const {
    const std::string value = string(key);
    std::string list;
    for (const std::string_view name : choices) {
      if (value == name) return value;
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    fail(key, "'" + value + "' is not one of " + list);
  }

  Fields object(const std::string& key, const std::vector<std::string_view>& known) const {
    return Fields(where_, required(key), path_.empty() ? key : path_ + "." + key, known);
  }
  const Json& json() const { return object_; }

 private:
  std::string where_;
  const Json& object_;
  std::string path_;
};

// The shortest decimal that reads back as the same float, as a double for the JSON writer.
double shortest(float value) {
  if (value == 0.0f) return 0.0;  // no "-0.0"
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::strtod(std::string(text, result.ptr).c_str(), nullptr);
}

render::Camera readCamera(const Fields& step) {
  const Fields camera = step.object("camera", {"target", "distance", "orientation", "vertical_fov_degrees", "scene_radius"});
  render::Camera result;
  const std::vector<float> target = camera.numbers("target", 3);
  result.target = {target[0], target[1], target[2]};
  result.distance = camera.floatIn("distance", 1e-4f, 1e4f);
  const std::vector<float> q = camera.numbers("orientation", 4);
  result.orientation = glm::quat(q[0], q[1], q[2], q[3]);
  const float length = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  if (std::abs(length - 1.0f) > 1e-3f)
    camera.fail("orientation", "expected a unit quaternion [w, x, y, z], got one of length " + formatNumber(length));
  result.verticalFovDegrees = camera.floatIn("vertical_fov_degrees", 1.0f, 170.0f);
  result.sceneRadius = camera.floatIn("scene_radius", 1e-4f, 1e4f);
  return result;
}

// A step's activation: version 1 names only the mode; version 2 has the whole setting, every field
// optional (a missing one takes its default). A bare mode name is accepted in version 2 as well.
LessonActivation readActivation(const Fields& step) {
  LessonActivation activation;
  const Json& json = step.required("activation");
  if (json.is_string()) {
    activation.mode = step.choice("activation", {"none", "action", "load"});
    return activation;
  }
  const Fields fields = step.object("activation", {"mode", "person", "band", "strength_percent", "colour_map"});
  if (fields.has("mode")) activation.mode = fields.choice("mode", {"none", "action", "load"});
  if (fields.has("colour_map")) activation.colourMap = fields.choice("colour_map", {"heat", "cividis"});
  if (fields.has("person")) {
    const Fields person = fields.object("person", {"body_mass_kg", "height_m", "sex"});
    if (person.has("body_mass_kg")) activation.bodyMassKg = person.numberIn("body_mass_kg", 10.0, 500.0);
    if (person.has("height_m")) activation.heightM = person.numberIn("height_m", 0.5, 2.5);
    if (person.has("sex")) activation.sex = person.choice("sex", {"male", "female"});
  }
  if (fields.has("band")) {
    const Fields band = fields.object("band", {"newtons", "anchor", "joint"});
    if (band.has("newtons")) activation.bandNewtons = band.numberIn("newtons", 0.0, 10000.0);
    if (band.has("anchor")) {
      const std::vector<double> anchor = band.doubles("anchor", 3);
      activation.bandAnchor = {anchor[0], anchor[1], anchor[2]};
    }
    if (band.has("joint")) activation.bandJoint = band.string("joint");
  }
  if (fields.has("strength_percent")) {
    // Muscle id -> percent; the ids are checked against the model by checkLesson.
    const Json& strengths = fields.required("strength_percent");
    if (!strengths.is_object())
      fields.fail("strength_percent", "expected an object (muscle id -> percent, 0 to 100), got " + describe(strengths));
    for (const auto& [id, value] : strengths.items()) {
      const std::string key = "strength_percent." + id;
      if (!value.is_number()) fields.fail(key, "expected a number (percent, 0 to 100), got " + describe(value));
      const double percent = value.get<double>();
      if (!(percent >= 0.0 && percent <= 100.0)) fields.fail(key, "must be between 0 and 100, got " + formatNumber(percent));
      activation.strengthPercent[id] = percent;
    }
  }
  return activation;
}

Json writeActivation(const LessonActivation& activation) {
  Json band{{"newtons", activation.bandNewtons},
            {"anchor", {activation.bandAnchor[0], activation.bandAnchor[1], activation.bandAnchor[2]}}};
  if (!activation.bandJoint.empty()) band["joint"] = activation.bandJoint;  // empty: the motion's band leg
  Json strengths = Json::object();
  for (const auto& [id, percent] : activation.strengthPercent) strengths[id] = percent;
  Json json{{"mode", activation.mode},
            {"person", Json{{"body_mass_kg", activation.bodyMassKg}, {"height_m", activation.heightM}, {"sex", activation.sex}}},
            {"band", band},
            {"strength_percent", strengths}};
  // Written only when not the default, so that files without it stay as they were (and readable
  // by a Medius that predates it).
  if (activation.colourMap != LessonActivation{}.colourMap) json["colour_map"] = activation.colourMap;
  return json;
}

// "SOURCE: step N ('TITLE')": every message names the step by its title, when it has a usable one.
std::string stepWhere(const Json& json, std::size_t number, const std::string& source) {
  std::string where = source + ": step " + std::to_string(number);
  if (json.is_object() && json.contains("title") && json.at("title").is_string() &&
      !json.at("title").get_ref<const std::string&>().empty())
    where += " ('" + json.at("title").get<std::string>() + "')";
  return where;
}

LessonStep readStep(const Json& json, const std::string& where) {
  const Fields fields(
      where, json, "",
      {"title", "caption", "camera", "structures", "selected", "highlights", "motion", "time", "activation", "pose"});
  LessonStep step;
  step.title = fields.string("title");
  step.caption = fields.has("caption") ? fields.string("caption", true) : "";
  step.camera = readCamera(fields);
  if (fields.has("structures")) {
    // Structure id -> look; the ids are checked against the model by checkLesson.
    const Json& structures = fields.required("structures");
    if (!structures.is_object())
      fields.fail("structures", "expected an object (structure id -> visible, opacity), got " + describe(structures));
    for (const auto& [id, look] : structures.items()) {
      const Fields entry(where, look, "structures." + id, {"visible", "opacity"});
      LessonStructure structure{id, entry.boolean("visible", true),
                                entry.has("opacity") ? entry.floatIn("opacity", 0.0f, 1.0f) : 1.0f};
      step.structures.push_back(std::move(structure));
    }
  }
  step.selected = fields.optionalString("selected");
  if (fields.has("highlights")) {
    std::vector<std::string_view> names;
    for (const ViewOption& option : viewOptions()) names.push_back(option.lessonField);
    const Fields highlights = fields.object("highlights", names);
    for (const ViewOption& option : viewOptions())
      step.highlights[option.toggle] = highlights.boolean(std::string(option.lessonField), option.defaultValue);
  }
  step.motion = fields.optionalString("motion");
  if (fields.has("time")) {
    step.time = fields.number("time");
    if (step.time < 0.0) fields.fail("time", "must not be negative (seconds into the motion), got " + formatNumber(step.time));
  }
  if (fields.has("activation")) step.activation = readActivation(fields);
  step.pose = fields.optionalString("pose");
  return step;
}

Json writeStep(const LessonStep& step) {
  Json json;
  json["title"] = step.title;
  json["caption"] = step.caption;
  const render::Camera& c = step.camera;
  Json camera;
  camera["target"] = {shortest(c.target.x), shortest(c.target.y), shortest(c.target.z)};
  camera["distance"] = shortest(c.distance);
  camera["orientation"] = {shortest(c.orientation.w), shortest(c.orientation.x), shortest(c.orientation.y),
                           shortest(c.orientation.z)};
  camera["vertical_fov_degrees"] = shortest(c.verticalFovDegrees);
  camera["scene_radius"] = shortest(c.sceneRadius);
  json["camera"] = camera;
  Json structures = Json::object();
  for (const LessonStructure& structure : step.structures)
    structures[structure.id] = Json{{"visible", structure.visible}, {"opacity", shortest(structure.opacity)}};
  json["structures"] = structures;
  json["selected"] = step.selected ? Json(*step.selected) : Json(nullptr);
  Json highlights = Json::object();
  for (const ViewOption& option : viewOptions()) highlights[std::string(option.lessonField)] = step.highlights[option.toggle];
  json["highlights"] = highlights;
  json["motion"] = step.motion ? Json(*step.motion) : Json(nullptr);
  json["time"] = step.time;
  json["activation"] = writeActivation(step.activation);
  json["pose"] = step.pose ? Json(*step.pose) : Json(nullptr);
  return json;
}

// nlohmann writes every array element on its own line; arrays of numbers (positions,
// quaternions) read better on one line: "[0.1, -0.2, 0.0]". Strings are skipped, so brackets
// inside captions are left alone.
std::string compactNumberArrays(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      out += c;
      if (c == '\\' && i + 1 < text.size())
        out += text[++i];
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') inString = true;
    if (c == '[') {
      const std::size_t close = text.find(']', i);
      const std::string inside = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
      const bool numbers = !inside.empty() && inside.find_first_not_of("0123456789.eE+-, \n") == std::string::npos &&
                           inside.find_first_of("0123456789") != std::string::npos;
      if (numbers) {
        std::string joined;
        std::istringstream elements(inside);
        for (std::string element; std::getline(elements, element, ',');) {
          element.erase(0, element.find_first_not_of(" \n"));
          element.erase(element.find_last_not_of(" \n") + 1);
          joined += (joined.empty() ? "" : ", ") + element;
        }
        out += "[" + joined + "]";
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// "line L, column C" of a byte offset (1-based, as editors count).
std::string lineAndColumn(std::string_view text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < std::min(byte, text.size()); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string stepName(const LessonStep& step, std::size_t index) {
  return "step " + std::to_string(index + 1) + " ('" + step.title + "')";
}

std::string structureIds(const anatomy::Model& model) {
  std::string ids;
  for (const anatomy::Structure& structure : model.structures) ids += (ids.empty() ? "" : ", ") + structure.id;
  return ids;
}

std::string muscleIds(const anatomy::Model& model) {
  std::string ids;
  for (const anatomy::Muscle& muscle : model.muscles) ids += (ids.empty() ? "" : ", ") + muscle.id;
  return ids.empty() ? "(none)" : ids;
}

std::string jointIds(const anatomy::Model& model) {
  std::string ids;
  for (const auto& joint : model.joints) ids += (ids.empty() ? "" : ", ") + joint.id;
  return ids.empty() ? "(none)" : ids;
}

// Parses JSON text; malformed text is reported with its line and column after `source`.
Json parseJson(std::string_view text, const std::string& source) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line L, column C: ..."
    std::string what = error.what();
    const std::size_t colon = what.find(": ", what.find("parse error"));
    const std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    throw InputError(source + ": " + lineAndColumn(text, error.byte > 0 ? error.byte - 1 : 0) + ": not valid JSON: " + reason);
  } catch (const Json::exception& error) {  // e.g. out_of_range.406, a number too large for a double (1e999)
    throw InputError(source + ": not valid JSON: " + error.what());
  }
}

// Leaves out of a written step what its reader takes as the default anyway.
void dropDefaults(Json& step) {
  const LessonStep defaults;
  const Json plain = writeStep(defaults);
  for (const char* key : {"caption", "structures", "selected", "motion", "time", "pose"})
    if (step[key] == plain[key]) step.erase(key);
  Json& highlights = step["highlights"];
  for (auto it = highlights.begin(); it != highlights.end();) it = it.value() == false ? highlights.erase(it) : std::next(it);
  if (highlights.empty()) step.erase("highlights");
  Json& activation = step["activation"];
  for (const char* key : {"mode", "person", "band", "strength_percent"})
    if (activation[key] == plain["activation"][key]) activation.erase(key);
  if (activation.empty()) step.erase("activation");
}

}  // namespace

std::string lessonStepToJson(const LessonStep& step) {
  Json json = writeStep(step);
  dropDefaults(json);
  return json.dump();
}

LessonStep lessonStepFromJson(std::string_view text, const std::string& where) { return readStep(parseJson(text, where), where); }

bool isActivationMode(std::string_view mode) { return mode == "none" || mode == "action" || mode == "load"; }

std::string lessonToJson(const Lesson& lesson) {
  Json json;
  json["format"] = kLessonFormat;
  json["version"] = kLessonFormatVersion;
  json["title"] = lesson.title;
  json["steps"] = Json::array();
  for (const LessonStep& step : lesson.steps) json["steps"].push_back(writeStep(step));
  return compactNumberArrays(json.dump(2)) + "\n";
}

Lesson lessonFromJson(std::string_view text, const std::string& source) {
  const Json json = parseJson(text, source);
  const std::string& where = source;
  const Fields top(where, json, "", {"format", "version", "title", "steps"});
  if (top.string("format") != kLessonFormat)
    top.fail("format",
             "expected \"" + std::string(kLessonFormat) + "\" (is this a lesson file?), got \"" + top.string("format") + "\"");
  const double version = top.number("version");
  if (version != 1 && version != kLessonFormatVersion)
    top.fail("version", "this Medius reads versions 1 to " + std::to_string(kLessonFormatVersion) + ", the file is version " +
                            formatNumber(version));
  Lesson lesson;
  lesson.title = top.string("title");
  const Json& steps = top.required("steps");
  if (!steps.is_array()) top.fail("steps", "expected an array, got " + describe(steps));
  for (std::size_t i = 0; i < steps.size(); ++i) lesson.steps.push_back(readStep(steps[i], stepWhere(steps[i], i + 1, source)));
  return lesson;
}

void checkLesson(const Lesson& lesson, const anatomy::Model& model, const std::string& source) {
  for (std::size_t i = 0; i < lesson.steps.size(); ++i)
    checkLessonStep(lesson.steps[i], model, source + ": " + stepName(lesson.steps[i], i));
}

void checkLessonStep(const LessonStep& step, const anatomy::Model& model, const std::string& source) {
  const std::string where = source + ": ";
  std::set<std::string> seen;
  for (const LessonStructure& structure : step.structures) {
    if (!seen.insert(structure.id).second) throw InputError(where + "structures." + structure.id + ": listed twice");
    // A structure the step hides may be missing: there is nothing to hide, and one lesson serves
    // models with and without it (the built-in hip's iliotibial tract, which a rigged set lacks).
    if (model.findStructure(structure.id) == nullptr && structure.visible)
      throw InputError(where + "structures." + structure.id + ": unknown structure '" + structure.id +
                       "'; the model has: " + structureIds(model));
  }
  if (step.selected && model.findStructure(*step.selected) == nullptr)
    throw InputError(where + "selected: unknown structure '" + *step.selected + "'; the model has: " + structureIds(model));
  if (step.motion && biomech::findMotion(*step.motion) == nullptr)
    throw InputError(where + "motion: unknown motion '" + *step.motion + "'; the motions are: " + biomech::motionIds());
  if (step.pose) {
    try {
      biomech::parsePose(*step.pose, model.joints);
    } catch (const Error& error) {
      throw InputError(where + "pose: " + error.what());
    }
  }
  const LessonActivation& activation = step.activation;
  if (!isActivationMode(activation.mode))
    throw InputError(where + "activation.mode: '" + activation.mode + "' is not one of none, action, load");
  if (!model.joints.empty() && !activation.bandJoint.empty() &&  // a plain mesh file has no joints
      std::none_of(model.joints.begin(), model.joints.end(), [&](const auto& joint) { return joint.id == activation.bandJoint; }))
    throw InputError(where + "activation.band.joint: unknown joint '" + activation.bandJoint +
                     "'; the model has: " + jointIds(model));
  for (const auto& strength : activation.strengthPercent) {
    const std::string& id = strength.first;
    if (std::none_of(model.muscles.begin(), model.muscles.end(), [&](const anatomy::Muscle& muscle) { return muscle.id == id; }))
      throw InputError(where + "activation.strength_percent." + id + ": unknown muscle '" + id +
                       "'; the muscles are: " + muscleIds(model));
  }
}

Lesson loadLesson(const std::filesystem::path& path, const anatomy::Model& model) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path.string() + ": is a directory, not a lesson file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": no such file or not readable");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) throw InputError(path.string() + ": the file is empty");
  Lesson lesson = lessonFromJson(text.str(), path.string());
  checkLesson(lesson, model, path.string());
  return lesson;
}

void saveLesson(const Lesson& lesson, const std::filesystem::path& path) {
  core::writeFileAtomically(path, lessonToJson(lesson));
}

}  // namespace medius::ui
