// The committed model is the generator's output: assets/hip/ regenerated from landmarks.json into
// a temporary folder (at the committed grid spacing, as `make assets` does) is byte for byte the
// same, so a change of the generator or of the landmarks without `make assets` fails here.
#include "generate_assets.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace medius::assetgen::test {
namespace {

std::string fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(Regenerate, TheCommittedModelIsWhatTheGeneratorWrites) {
  const auto folder = std::filesystem::temp_directory_path() / ("medius_assetgen_regen_" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  GenerateOptions options;
  options.landmarksPath = assetPath("landmarks.json");
  options.outputDirectory = folder.string();
  generateAssets(options);
  std::size_t compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    const std::string written = fileBytes(entry.path()), committed = fileBytes(assetPath(name));
    EXPECT_FALSE(committed.empty()) << name << " is written by the generator but not committed in assets/hip";
    EXPECT_TRUE(written == committed) << name << " differs from the generator's output: run `make assets`";
    ++compared;
  }
  EXPECT_GE(compared, 12u) << "bones, muscles and model.json";
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace medius::assetgen::test
