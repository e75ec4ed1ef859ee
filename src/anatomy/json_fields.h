#pragma once
// Reading required fields from JSON with errors that name the file and the field's path, e.g.
// "assets/hip/model.json: structures[3].mesh: expected a string".
#include <nlohmann/json.hpp>

#include <glm/vec3.hpp>

#include <string>

namespace medius::anatomy {

class JsonFields {
 public:
  JsonFields(std::string file, const nlohmann::json& object, std::string path);

  JsonFields object(const std::string& key) const;            // a required object
  const nlohmann::json& array(const std::string& key) const;  // a required array
  JsonFields element(const nlohmann::json& array, std::size_t index, const std::string& key) const;
  std::string string(const std::string& key) const;
  std::string optionalString(const std::string& key, const std::string& fallback) const;
  double number(const std::string& key) const;
  glm::vec3 vec3(const std::string& key) const;
  // "#rrggbb" (sRGB, as colour pickers and style sheets write it) as linear RGB.
  glm::vec3 colour(const std::string& key) const;
  bool has(const std::string& key) const;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;
  const std::string& path() const { return path_; }

 private:
  const nlohmann::json& field(const std::string& key) const;

  std::string file_;
  const nlohmann::json& object_;
  std::string path_;
};

}  // namespace medius::anatomy
