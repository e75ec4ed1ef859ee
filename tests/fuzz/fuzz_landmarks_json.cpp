// Fuzz target: landmarks.json through the asset generator's LandmarkSet::parse.
// Contract: JSON that does not parse throws nlohmann's json::exception (LandmarkSet::load reports it);
// parsed JSON either loads or throws LandmarkError naming the entry; anything else is a bug.
#include "landmarks.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(data, data + size);
  } catch (const nlohmann::json::exception&) {  // parse_error, or out_of_range.406 for a number like 1e999
    return 0;
  }
  try {
    const medius::assetgen::LandmarkSet set = medius::assetgen::LandmarkSet::parse(document, "fuzz");
    for (const medius::assetgen::Landmark& landmark : set.all()) (void)set.get(landmark.id);
  } catch (const medius::assetgen::LandmarkError&) {}
  return 0;
}
