// Fuzz target: model.json through anatomy::loadModel (descriptions, fields, mesh references).
// Contract: any input either loads or throws medius::InputError; anything else is a bug.
#include "anatomy/model.h"
#include "core/error.h"
#include "fuzz_input_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = medius::fuzz::writeInput(data, size, "model.json");
  try {
    const medius::anatomy::Model model = medius::anatomy::loadModel(file);
    (void)model.bounds();
  } catch (const medius::InputError&) {}
  return 0;
}
