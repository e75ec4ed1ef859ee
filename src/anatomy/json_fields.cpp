#include "anatomy/json_fields.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace medius::anatomy {

JsonFields::JsonFields(std::string file, const nlohmann::json& object, std::string path)
    : file_(std::move(file)), object_(object), path_(std::move(path)) {
  if (!object_.is_object()) throw InputError(file_ + ": " + (path_.empty() ? "the document" : path_) + ": expected an object");
}

void JsonFields::fail(const std::string& key, const std::string& what) const {
  const std::string where = path_.empty() ? key : (key.empty() ? path_ : path_ + "." + key);
  throw InputError(file_ + ": " + where + ": " + what);
}

bool JsonFields::has(const std::string& key) const { return object_.contains(key) && !object_.at(key).is_null(); }

const nlohmann::json& JsonFields::field(const std::string& key) const {
  if (!object_.contains(key)) fail(key, "missing");
  return object_.at(key);
}

JsonFields JsonFields::object(const std::string& key) const {
  const nlohmann::json& value = field(key);
  if (!value.is_object()) fail(key, "expected an object");
  return JsonFields(file_, value, path_.empty() ? key : path_ + "." + key);
}

const nlohmann::json& JsonFields::array(const std::string& key) const {
  const nlohmann::json& value = field(key);
  if (!value.is_array()) fail(key, "expected an array");
  return value;
}

JsonFields JsonFields::element(const nlohmann::json& array, std::size_t index, const std::string& key) const {
  const std::string elementPath = (path_.empty() ? key : path_ + "." + key) + "[" + std::to_string(index) + "]";
  return JsonFields(file_, array.at(index), elementPath);
}

std::string JsonFields::string(const std::string& key) const {
  const nlohmann::json& value = field(key);
  if (!value.is_string()) fail(key, "expected a string");
  if (value.get_ref<const std::string&>().empty()) fail(key, "must not be empty");
  return value.get<std::string>();
}

std::string JsonFields::optionalString(const std::string& key, const std::string& fallback) const {
  return has(key) ? string(key) : fallback;
}

double JsonFields::number(const std::string& key) const {
  const nlohmann::json& value = field(key);
  if (!value.is_number()) fail(key, "expected a number");
  const double number = value.get<double>();
  if (!std::isfinite(number)) fail(key, "expected a finite number");
  return number;
}

glm::vec3 JsonFields::vec3(const std::string& key) const {
  const nlohmann::json& value = field(key);
  if (!value.is_array() || value.size() != 3) fail(key, "expected an array of 3 numbers");
  glm::vec3 result;
  for (int i = 0; i < 3; ++i) {
    if (!value[static_cast<std::size_t>(i)].is_number()) fail(key, "expected an array of 3 numbers");
    result[i] = value[static_cast<std::size_t>(i)].get<float>();
    if (!std::isfinite(result[i])) fail(key, "expected finite numbers");
  }
  return result;
}

glm::vec3 JsonFields::colour(const std::string& key) const {
  const std::string text = string(key);
  const bool hex = text.size() == 7 && text[0] == '#' && std::all_of(text.begin() + 1, text.end(), [](char c) {
                     return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                   });
  if (!hex) fail(key, "'" + text + "' is not a colour written #rrggbb");
  glm::vec3 linear;
  for (int c = 0; c < 3; ++c) {
    const float srgb = static_cast<float>(std::stoi(text.substr(1 + 2 * c, 2), nullptr, 16)) / 255.0f;
    linear[c] = srgb <= 0.04045f ? srgb / 12.92f : std::pow((srgb + 0.055f) / 1.055f, 2.4f);  // the sRGB curve
  }
  return linear;
}

}  // namespace medius::anatomy
