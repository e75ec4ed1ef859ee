#include "app/model_choice.h"

#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"

namespace medius::app {

anatomy::Model loadChosenModel(const std::optional<std::filesystem::path>& requested) {
  if (requested) return anatomy::loadModel(*requested);
  const std::filesystem::path builtIn = core::assetDirectory() / "hip" / "model.json";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(builtIn, ec))
    throw InputError(builtIn.string() + ": the built-in hip model is missing (set MEDIUS_ASSET_DIR, or pass --model FILE)");
  core::logInfo("built-in model: " + builtIn.string());
  return anatomy::loadModel(builtIn);
}

}  // namespace medius::app
