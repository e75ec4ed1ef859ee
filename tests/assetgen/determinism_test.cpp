// Same landmarks in, same bytes out: the generator run twice (on a coarse grid, for speed) writes
// byte-identical meshes and model.json.
#include "generate_assets.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace medius::assetgen::test {
namespace {

std::string readBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Determinism, TwoRunsWriteIdenticalBytes) {
  const auto base = std::filesystem::temp_directory_path() / ("medius_assetgen_det_" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  GenerateOptions o;
  o.landmarksPath = assetPath("landmarks.json");
  o.gridSpacing = 0.004f;
  o.outputDirectory = (base / "a").string();
  o.threads = 2;
  generateAssets(o);
  o.outputDirectory = (base / "b").string();
  o.threads = 1;  // a different thread count must not change the result either
  generateAssets(o);
  for (const char* f : {"hip_bone_r.glb", "hip_bone_l.glb", "sacrum.glb", "femur_r.glb", "femur_l.glb", "model.json"}) {
    const std::string a = readBytes(base / "a" / f), b = readBytes(base / "b" / f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_TRUE(a == b) << f << " differs between two runs";
  }
  std::filesystem::remove_all(base);
}

TEST(Determinism, BadLandmarksAreRejectedWithTheReason) {
  const auto dir = std::filesystem::temp_directory_path() / ("medius_assetgen_bad_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "landmarks.json";
  std::ofstream(path) << R"({"format": "medius-landmarks", "version": 1, "landmarks": [
        {"id": "asis", "segment": "pelvis", "kind": "point", "position": [0, 0, 0.128]}]})";
  try {
    LandmarkSet::load(path.string());
    FAIL() << "a landmark without a source was accepted";
  } catch (const LandmarkError& e) {
    EXPECT_NE(std::string(e.what()).find("source"), std::string::npos) << e.what();
  }
  std::ofstream(path) << R"({"format": "medius-landmarks", "version": 1, "landmarks": []})";
  GenerateOptions o;
  o.landmarksPath = path.string();
  o.outputDirectory = (dir / "out").string();
  EXPECT_THROW(generateAssets(o), LandmarkError);
  EXPECT_FALSE(std::filesystem::exists(dir / "out" / "model.json"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace medius::assetgen::test
