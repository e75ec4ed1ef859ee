// Copies the teaching text (assets/hip/teaching.json, written by people) into model.json, one
// entry per structure: "gluteus_medius" serves gluteus_medius_r and gluteus_medius_l.
#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace medius::assetgen {

// A problem with the teaching text file (an input error: exit code 2).
struct TeachingError : InputError {
  using InputError::InputError;
};

// Adds "teaching" to every structure of `model` that has an entry in the teaching file. Throws
// TeachingError naming the file and the problem (missing, not JSON, wrong format, a structure
// without an entry).
void attachTeaching(nlohmann::ordered_json& model, const std::string& teachingPath);

}  // namespace medius::assetgen
