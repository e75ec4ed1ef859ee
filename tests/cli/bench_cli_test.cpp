// `medius bench`: a tiny run writes the documented JSON keys (docs/BENCHMARKS.md); bad values exit 2 and write nothing.
// Timings are never asserted here (docs/BENCHMARKS.md has them).
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace medius {
namespace {

using BenchRun = test::RunResult;
using test::runMedius;

TEST(CliBench, JsonHasTheDocumentedKeys) {
  const test::TempDir dir;
  const std::string out = (dir / "bench.json").string();
  const BenchRun result = runMedius("bench --size 96x64 --frames 3 --json --out " + out);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  std::ifstream file(out);
  const nlohmann::json json = nlohmann::json::parse(file);
  for (const char* key : {"median_frame_ms", "p95_frame_ms", "update_ms", "triangles", "peak_rss_mb"}) {
    ASSERT_TRUE(json.contains(key)) << key;
    EXPECT_TRUE(json[key].is_number()) << key;
  }
  EXPECT_GT(json["median_frame_ms"].get<double>(), 0.0);
  EXPECT_GE(json["p95_frame_ms"].get<double>(), json["median_frame_ms"].get<double>());
  EXPECT_GT(json["triangles"].get<long long>(), 1000);  // the hip model's meshes were drawn
  EXPECT_GT(json["peak_rss_mb"].get<double>(), 1.0);
  EXPECT_EQ(json["frames"], 3);
  EXPECT_EQ(json["motion"], "hip_abduction");
  EXPECT_GT(json["activation_checksum"].get<double>(), 0.0);  // the activation was computed
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"bench.json"});
}

TEST(CliBench, TextToStandardOutputWithAnotherMotionAndMode) {
  const BenchRun result = runMedius("bench --size 64x48 --frames 2 --motion clamshell --mode action --samples 0");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("median"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("clamshell"), std::string::npos) << result.output;
}

TEST(CliBench, BadValuesExitTwoAndWriteNothing) {
  const test::TempDir dir;
  const std::string out = (dir / "b.json").string();
  for (const std::string& arguments :
       {"bench --motion nope --frames 1 --json --out " + out, "bench --size 0x10 --frames 1 --json --out " + out,
        "bench --mode lazy --frames 1 --out " + out, "bench --frames 0 --out " + out}) {
    const BenchRun result = runMedius(arguments);
    EXPECT_EQ(result.exitCode, 2) << arguments << "\n" << result.output;
    EXPECT_EQ(result.output.rfind("medius: ", 0), 0u) << result.output;
  }
  const BenchRun unwritable = runMedius("bench --size 32x32 --frames 1 --json --out /nonexistent-dir/b.json");
  EXPECT_EQ(unwritable.exitCode, 2) << unwritable.output;
  EXPECT_TRUE(dir.entries().empty());
}

}  // namespace
}  // namespace medius
