// Points and curves of a muscle recipe (assets/hip/muscles/*.json, docs/ASSETGEN.md "Muscle
// recipes"), built from the landmarks by name. A recipe may name its own points and curves; a
// name is looked up among those first, then among the landmarks.
//
// Point:  [x, y, z] | "name" | {"point": P} | {"mix": [P, Q], "t": t} | {"curve": "name", "index": i}
//         (i < 0 counts from the end), each object form with an optional "offset": [dx, dy, dz].
// Curve:  "name" | a piece | an array of points and pieces, joined in order.
// Piece:  {"curve": C, "from": i, "to": j (inclusive, < 0 from the end), "x_below": P, "x_above": P,
//          "profile_offsets": [{"profile": "name", "scale": [sx, sy, sz]}], "offset": [dx, dy, dz]}:
//         the points of C from i to j whose x lies below P's x and above P's x, each moved by the
//         profiles' values at its index times their scale, then by the offset.
// Frames and units: those of the landmarks (metres; the segment the recipe's patch names).
#pragma once

#include "landmarks.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace medius::assetgen {

class RecipeShapes {
 public:
  // `file`: the recipe's path, for error messages.
  RecipeShapes(const LandmarkSet& landmarks, std::string file);

  // Evaluate an expression; `path` is the field's place in the file (e.g. muscles[0].points.top).
  // Throw InputError naming the file, the place and what is wrong.
  glm::vec3 point(const nlohmann::json& expression, const std::string& path) const;
  std::vector<glm::vec3> curve(const nlohmann::json& expression, const std::string& path) const;

  // Names a point (isPoint) or a curve for the expressions of the same recipe; definitions may
  // use each other in any order (evaluated when used). checkDefinitions() evaluates every one, so
  // a bad definition is reported even when nothing uses it, and a cycle is an error.
  void define(bool isPoint, const std::string& name, const nlohmann::json& expression, const std::string& path);
  void checkDefinitions() const;

 private:
  class Guard;
  [[noreturn]] void fail(const std::string& path, const std::string& what) const;
  glm::vec3 vec3(const nlohmann::json& value, const std::string& path) const;
  glm::vec3 namedPoint(const std::string& name, const std::string& path) const;
  std::vector<glm::vec3> namedCurve(const std::string& name, const std::string& path) const;
  std::vector<glm::vec3> piece(const nlohmann::json& expression, const std::string& path) const;
  void checkKeys(const nlohmann::json& object, std::initializer_list<const char*> allowed, const std::string& path) const;

  const LandmarkSet& landmarks_;
  std::string file_;
  struct Definition {
    nlohmann::json expression;
    std::string path;
  };
  std::map<std::string, Definition> points_;
  std::map<std::string, Definition> curves_;
  mutable std::vector<std::string> evaluating_;  // names being evaluated, to report cycles
};

}  // namespace medius::assetgen
