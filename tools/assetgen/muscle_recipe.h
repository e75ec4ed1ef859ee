// Reading the muscle recipes (assets/hip/muscles/*.json, "format": "medius-muscle-recipes",
// "version": 1; docs/ASSETGEN.md "Muscle recipes"): each file lists right-side muscles with their
// layer, colour, attachment patches (curves built from the landmarks by name), compartments
// (OpenSim parameters with their source) and thickness profile. The left side is the mirror.
#pragma once

#include "landmarks.h"
#include "muscle_spec.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace medius::assetgen {

// The muscles of one recipe document; `file` names it in errors. Throws InputError naming the
// file, the field and what is wrong (unknown field, missing landmark, bad range...).
std::vector<MuscleSpec> parseMuscleRecipes(const nlohmann::json& document, const std::string& file, const LandmarkSet& landmarks);

// Every *.json file of `folder`, deepest layer first (then by muscle id). Throws InputError for a
// missing folder, a file that is not JSON, a bad recipe, or two muscles with the same id.
std::vector<MuscleSpec> loadMuscleRecipes(const std::string& folder, const LandmarkSet& landmarks);

}  // namespace medius::assetgen
