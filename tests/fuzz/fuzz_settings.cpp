// Fuzz target: settings.json through ui::loadSettings, which must never throw: a damaged file
// gives the defaults and a warning. Loaded settings must save and load back unchanged.
#include "ui/settings.h"

#include <cstdint>
#include <cstdlib>

#include "fuzz_input_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = medius::fuzz::writeInput(data, size, "settings.json");
  const medius::ui::LoadedSettings loaded = medius::ui::loadSettings(file);
  if (!loaded.warning) {
    medius::ui::saveSettings(loaded.settings, file);
    const medius::ui::LoadedSettings again = medius::ui::loadSettings(file);
    if (again.warning || !(again.settings == loaded.settings)) std::abort();
  }
  return 0;
}
