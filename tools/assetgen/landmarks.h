// Reading assets/hip/landmarks.json: named anatomical landmarks with their sources.
// Frames: pelvis frame (X anterior, Y superior, Z right; origin midway between the ASIS) and
// femur frame (origin at the hip joint centre, axes parallel to the pelvis frame at neutral
// pose). Right side only; the left side is the mirror in Z. Lengths in metres, angles in degrees.
#pragma once

#include "core/error.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace medius::assetgen {

// A problem with the landmarks file (an input error: exit code 2).
struct LandmarkError : InputError {
  using InputError::InputError;
};

struct Landmark {
  std::string id;
  std::string name;
  std::string bone;
  std::string segment;
  std::string kind;               // point, curve, sphere, scalar, direction, profile
  std::vector<glm::vec3> points;  // point: 1, curve: n, sphere: centre, direction: the unit vector
  std::vector<float> values;      // scalar: 1, sphere: radius, profile: n
  std::string unit;
  std::string source;
  nlohmann::ordered_json raw;  // the entry as read, for copying into model.json
};

class LandmarkSet {
 public:
  // Throws LandmarkError with the file name and the reason on any problem (missing file, bad
  // JSON, an entry without id/kind/source, wrong kind for its data).
  static LandmarkSet load(const std::string& path);
  static LandmarkSet parse(const nlohmann::ordered_json& document, const std::string& origin);

  const Landmark& get(const std::string& id) const;
  const Landmark* find(const std::string& id) const;          // nullptr when there is none
  glm::vec3 point(const std::string& id) const;               // kind point (or sphere centre)
  std::vector<glm::vec3> curve(const std::string& id) const;  // kind curve
  glm::vec3 direction(const std::string& id) const;           // kind direction (unit)
  float scalar(const std::string& id) const;                  // kind scalar or sphere radius
  std::vector<float> profile(const std::string& id) const;    // kind profile

  const std::vector<Landmark>& all() const { return ordered_; }
  const nlohmann::ordered_json& document() const { return document_; }

 private:
  std::vector<Landmark> ordered_;
  std::map<std::string, size_t> index_;
  nlohmann::ordered_json document_;
  std::string origin_;
};

}  // namespace medius::assetgen
