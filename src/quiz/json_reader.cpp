#include "quiz/json_reader.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace medius::quiz {

using Json = nlohmann::json;

Json readJsonFile(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path.string() + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot be read (missing or no permission)");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& parseError) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 5, column 9: ...".
    std::string what = parseError.what();
    const std::size_t at = what.find(" at line ");
    if (at != std::string::npos) what = what.substr(at + 4);
    throw InputError(path.string() + ": not valid JSON: " + what);
  }
}

std::string describeJson(const Json& value) {
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

void requireFormat(const Json& document, const std::string& where, const std::string& format, const std::string& what) {
  if (!document.is_object()) throw InputError(where + ": the document: expected an object, got " + describeJson(document));
  const auto found = document.find("format");
  if (found == document.end()) throw InputError(where + ": format: missing (required)");
  if (!found->is_string() || found->get_ref<const std::string&>() != format)
    throw InputError(where + ": format: " + (found->is_string() ? "'" + found->get<std::string>() + "'" : describeJson(*found)) +
                     " is not " + what + " (expected \"" + format + "\")");
}

std::string formatNumber(double value) {
  if (std::abs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  return Json(value).dump();
}

JsonReader::JsonReader(std::string where, const Json& object, std::string path, const std::vector<std::string_view>& known)
    : where_(std::move(where)), object_(object), path_(std::move(path)) {
  if (!object_.is_object()) failHere("expected an object, got " + describeJson(object_));
  for (const auto& [key, value] : object_.items())
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (const std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
      fail(key, "unknown field; the fields here are " + list);
    }
}

std::string JsonReader::placeOf(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

void JsonReader::fail(const std::string& key, const std::string& what) const {
  throw InputError(where_ + ": " + placeOf(key) + ": " + what);
}

void JsonReader::failHere(const std::string& what) const {
  throw InputError(where_ + ": " + (path_.empty() ? "the document" : path_) + ": " + what);
}

bool JsonReader::has(const std::string& key) const { return object_.contains(key) && !object_.at(key).is_null(); }

const Json& JsonReader::required(const std::string& key) const {
  if (!has(key)) fail(key, "missing (required)");
  return object_.at(key);
}

std::string JsonReader::string(const std::string& key) const {
  const Json& value = required(key);
  if (!value.is_string()) fail(key, "expected a string, got " + describeJson(value));
  if (value.get_ref<const std::string&>().empty()) fail(key, "must not be empty");
  return value.get<std::string>();
}

std::string JsonReader::stringOr(const std::string& key, const std::string& fallback) const {
  return has(key) ? string(key) : fallback;
}

double JsonReader::numberIn(const std::string& key, double low, double high) const {
  const Json& value = required(key);
  if (!value.is_number()) fail(key, "expected a number, got " + describeJson(value));
  const double number = value.get<double>();
  if (!std::isfinite(number) || number < low || number > high)
    fail(key, "must be between " + formatNumber(low) + " and " + formatNumber(high) + ", got " + formatNumber(number));
  return number;
}

int JsonReader::integerIn(const std::string& key, int low, int high) const {
  const double number = numberIn(key, low, high);
  if (number != std::floor(number)) fail(key, "expected a whole number, got " + formatNumber(number));
  return static_cast<int>(number);
}

std::vector<std::string> JsonReader::strings(const std::string& key) const {
  const Json& value = required(key);
  if (!value.is_array()) fail(key, "expected an array of strings, got " + describeJson(value));
  std::vector<std::string> result;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string place = key + "[" + std::to_string(i) + "]";
    if (!value[i].is_string()) fail(place, "expected a string, got " + describeJson(value[i]));
    if (value[i].get_ref<const std::string&>().empty()) fail(place, "must not be empty");
    result.push_back(value[i].get<std::string>());
  }
  return result;
}

std::vector<double> JsonReader::numbersIn(const std::string& key, double low, double high) const {
  const Json& value = required(key);
  if (!value.is_array()) fail(key, "expected an array of numbers, got " + describeJson(value));
  std::vector<double> result;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string place = key + "[" + std::to_string(i) + "]";
    if (!value[i].is_number()) fail(place, "expected a number, got " + describeJson(value[i]));
    const double number = value[i].get<double>();
    if (!std::isfinite(number) || number < low || number > high)
      fail(place, "must be between " + formatNumber(low) + " and " + formatNumber(high) + ", got " + formatNumber(number));
    result.push_back(number);
  }
  return result;
}

JsonReader JsonReader::object(const std::string& key, const std::vector<std::string_view>& known) const {
  return JsonReader(where_, required(key), placeOf(key), known);
}

JsonReader JsonReader::element(const std::string& key, std::size_t index, const std::vector<std::string_view>& known) const {
  const Json& array = required(key);
  if (!array.is_array()) fail(key, "expected an array, got " + describeJson(array));
  return JsonReader(where_, array.at(index), placeOf(key) + "[" + std::to_string(index) + "]", known);
}

}  // namespace medius::quiz
