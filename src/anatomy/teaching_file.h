#pragma once
// The teaching text file (assets/hip/teaching.json, format "medius-teaching"): one card per
// structure, keyed by its id without the side ("gluteus_medius"). The generator copies the cards
// of the structures it builds into model.json; `medius rig` gives a known structure the built-in
// model lacks (piriformis, iliacus, ...) its card from here.
#include "anatomy/json_fields.h"
#include "anatomy/teaching.h"

#include <filesystem>
#include <map>
#include <string>

namespace medius::anatomy {

// One card as model.json and the teaching file write it; errors name the file and the field.
Teaching parseTeaching(const JsonFields& fields);

// Every card of a teaching file. Throws InputError naming the file for unreadable or malformed
// text.
std::map<std::string, Teaching> loadTeachingFile(const std::filesystem::path& path);

}  // namespace medius::anatomy
