// `medius rig`: real meshes in, a model folder out that every command opens; `--model INPUT`
// rigs in memory and keeps the result in the cache. Bad input gets one clear message naming the
// file and the structure, exit code 2, and nothing written.
#include "rig/reference_data.h"
#include "rig/rigged_sets.h"
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace medius {
namespace {

using rig::test::lhdlFiles;
using rig::test::lhdlPath;

// A manifest of `meshes` (file, structure, side) in the folder.
std::filesystem::path manifest(const test::TempDir& dir, const std::vector<std::array<std::string, 3>>& meshes,
                               const std::string& extra = "") {
  nlohmann::json document = {{"format", "medius-rig"}, {"version", 1}, {"meshes", nlohmann::json::array()}};
  for (const auto& [file, structure, side] : meshes)
    document["meshes"].push_back({{"file", file}, {"structure", structure}, {"side", side}});
  std::string text = document.dump();
  if (!extra.empty()) text.insert(text.size() - 1, ", " + extra);
  std::ofstream(dir / "set.json") << text;
  return dir / "set.json";
}

std::vector<std::array<std::string, 3>> lhdlMeshes() {
  std::vector<std::array<std::string, 3>> meshes;
  for (const auto& file : lhdlFiles()) meshes.push_back({lhdlPath(file.file).string(), file.structure, file.side});
  return meshes;
}

void writeText(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// An ASCII STL of one tetrahedron, optionally with a NaN or with one face missing (not closed).
std::string tetrahedron(bool nan, bool open, float offset = 0.0f) {
  const float p[4][3] = {{offset, 0, 0}, {offset + 10, 0, 0}, {offset, 10, 0}, {offset, 0, 10}};
  const int faces[4][3] = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
  std::string text = "solid t\n";
  for (int f = 0; f < (open ? 3 : 4); ++f) {
    text += "facet normal 0 0 0\nouter loop\n";
    for (int v : faces[f])
      text += "vertex " + (nan && f == 0 && v == 0 ? std::string("nan") : std::to_string(p[v][0])) + " " +
              std::to_string(p[v][1]) + " " + std::to_string(p[v][2]) + "\n";
    text += "endloop\nendfacet\n";
  }
  return text + "endsolid t\n";
}

// Inputs go to one folder, the model to another, which must stay empty after a failure.
TEST(RigCli, UnreadableEmptyNanAndHugeMeshesNameTheFileAndStructure) {
  const test::TempDir dir, outDir;
  const std::filesystem::path out = outDir / "model";
  writeText(dir / "empty.stl", "");
  writeText(dir / "nan.stl", tetrahedron(true, false));
  writeText(dir / "garbage.obj", "this is not a mesh\x01\x02");
  {
    // A binary STL whose header claims 10 million triangles (a sparse file: no disk used).
    std::ofstream huge(dir / "huge.stl", std::ios::binary);
    char header[84] = {};
    const std::uint32_t count = 10'000'000;
    std::memcpy(header + 80, &count, 4);
    huge.write(header, sizeof(header));
  }
  std::filesystem::resize_file(dir / "huge.stl", 84 + 50ull * 10'000'000);
  const std::pair<const char*, const char*> cases[] = {{"empty.stl", "empty"},
                                                       {"nan.stl", "finite"},
                                                       {"garbage.obj", "garbage.obj"},
                                                       {"huge.stl", "10000000 triangles"},
                                                       {"missing.stl", "missing.stl"}};
  for (const auto& [file, expected] : cases) {
    const auto path = manifest(dir, {{(dir / file).string(), "gluteus_medius", "right"}});
    const test::RunResult result = test::runMedius("rig " + path.string() + " --out " + out.string());
    test::expectOneClearFailure(result, expected, outDir);
    EXPECT_NE(result.output.find("gluteus_medius"), std::string::npos) << file << ": " << result.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << file;
  }
}

TEST(RigCli, TwoMeshesClaimingOneStructureAreRefused) {
  const test::TempDir dir, outDir;
  writeText(dir / "a.stl", tetrahedron(false, false));
  writeText(dir / "b.stl", tetrahedron(false, false, 20.0f));
  const auto path = manifest(
      dir, {{(dir / "a.stl").string(), "gluteus_medius", "right"}, {(dir / "b.stl").string(), "gluteus_medius", "right"}});
  const test::RunResult result = test::runMedius("rig " + path.string() + " --out " + (outDir / "model").string());
  test::expectOneClearFailure(result, "b.stl", outDir);
  EXPECT_NE(result.output.find("a.stl"), std::string::npos) << result.output;
}

// What the whole set lacks (here: any bone to tell the axes and the hip from) names the set.
TEST(RigCli, ASetWithoutBonesNamesTheSet) {
  const test::TempDir dir, outDir;
  writeText(dir / "medius.stl", tetrahedron(false, false));
  const auto path = manifest(dir, {{(dir / "medius.stl").string(), "gluteus_medius", "right"}});
  const test::RunResult result = test::runMedius("rig " + path.string() + " --out " + (outDir / "model").string());
  test::expectOneClearFailure(result, path.string() + ": cannot tell which way is superior", outDir);
}

TEST(RigCli, LhdlRigsOpensRendersAndAnalyses) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const test::TempDir dir;
  const auto path = manifest(dir, lhdlMeshes());
  const std::filesystem::path out = dir / "lhdl-model";
  const test::RunResult rigged = test::runMedius("rig " + path.string() + " --out " + out.string());
  ASSERT_EQ(rigged.exitCode, 0) << rigged.output;
  EXPECT_NE(rigged.output.find("hip"), std::string::npos) << rigged.output;
  ASSERT_TRUE(std::filesystem::exists(out / "model.json"));

  const test::RunResult rendered =
      test::runMedius("render --model " + out.string() +
                      " --select gluteus_medius_r --highlight attachments --fibres --size 160x120 --samples 0 --out " +
                      (dir / "lhdl.png").string());
  EXPECT_EQ(rendered.exitCode, 0) << rendered.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "lhdl.png"));

  const test::RunResult analyzed = test::runMedius("analyze --model " + out.string() + " --motion hip_abduction --frames 3");
  ASSERT_EQ(analyzed.exitCode, 0) << analyzed.output;
  EXPECT_EQ(nlohmann::json::parse(analyzed.output)["frames"].size(), 3u);

  // Rigged in memory from the manifest, then from the cache.
  const std::string cache = "env XDG_CACHE_HOME=" + (dir / "cache").string();
  const std::string render =
      "render --model " + path.string() + " --size 96x72 --samples 0 --out " + (dir / "memory.png").string();
  const test::RunResult first = test::runMedius(render + " -v", cache);
  EXPECT_EQ(first.exitCode, 0) << first.output;
  const test::RunResult second = test::runMedius(render + " -v", cache);
  EXPECT_EQ(second.exitCode, 0) << second.output;
  EXPECT_NE(second.output.find("from the cache"), std::string::npos) << second.output;
}

TEST(RigCli, LhdlMuscleAwayFromTheBonesOpenMuscleAndWrongAxes) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const test::TempDir dir, outDir;
  const std::filesystem::path out = outDir / "model";
  // A muscle moved 0.5 m away touches no bone.
  {
    nlohmann::json document = nlohmann::json::parse(std::ifstream(manifest(dir, lhdlMeshes())));
    for (auto& mesh : document["meshes"])
      if (mesh["structure"] == "gluteus_medius") mesh["transform"] = {{"translation", {500.0, 0.0, 0.0}}};
    std::ofstream(dir / "away.json") << document.dump();
    const test::RunResult result = test::runMedius("rig " + (dir / "away.json").string() + " --out " + out.string());
    test::expectOneClearFailure(result, "gluteus_medius_r", outDir);
    EXPECT_NE(result.output.find("touches no bone"), std::string::npos) << result.output;
  }
  // A muscle surface with a hole has no inside to trace fibres through.
  {
    writeText(dir / "open.stl", tetrahedron(false, true));
    nlohmann::json document = nlohmann::json::parse(std::ifstream(manifest(dir, lhdlMeshes())));
    for (auto& mesh : document["meshes"])
      if (mesh["structure"] == "gluteus_medius") mesh["file"] = (dir / "open.stl").string();
    std::ofstream(dir / "open.json") << document.dump();
    const test::RunResult result = test::runMedius("rig " + (dir / "open.json").string() + " --out " + out.string());
    test::expectOneClearFailure(result, "not closed", outDir);
    EXPECT_NE(result.output.find("gluteus_medius_r"), std::string::npos) << result.output;
  }
  // The manifest says superior is where the anatomy says anterior.
  {
    const auto path =
        manifest(dir, lhdlMeshes(), R"("units": "mm", "axes": {"anterior": "+z", "superior": "+y", "right": "-x"})");
    const test::RunResult result = test::runMedius("rig " + path.string() + " --out " + out.string());
    test::expectOneClearFailure(result, "axes", outDir);
  }
}

}  // namespace
}  // namespace medius
