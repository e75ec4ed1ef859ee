// Times the harmonic fibre field of one muscle: voxelising, choosing the attachment cells, the
// Laplace solve, the tracing, and the whole of traceHarmonicFibres (median of several runs).
// docs/BENCHMARKS.md holds the results.
// Usage: rig_fibres_bench [MUSCLE [ORIGIN_BONE INSERTION_BONE]] [--runs N]
//   no MUSCLE: the LHDL right gluteus medius between the hip bone and the femur (reference data);
//   MUSCLE alone: fibres between the muscle's own ends; with bones: between the bone vertices
//   within 5 mm of the muscle. Meshes larger than 5 units across are taken as millimetres.
#include "anatomy/mesh_import.h"
#include "rig/attachment_cells.h"
#include "rig/closed_mesh.h"
#include "rig/harmonic_fibres.h"
#include "rig/laplace_solver.h"
#include "rig/muscle_ends.h"
#include "rig/muscle_voxels.h"
#include "rig/streamline_tracer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <glm/glm.hpp>

using Clock = std::chrono::steady_clock;
using namespace medius;

namespace {

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

anatomy::TriangleMesh loadMetres(const std::filesystem::path& path) {
  anatomy::TriangleMesh mesh = anatomy::importMeshes(path).front();
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  if (glm::length(bounds.max - bounds.min) > 5.0f)
    for (glm::vec3& p : mesh.positions) p *= 0.001f;
  return mesh;
}

// Vertices of `bone` within `distance` of a vertex of `muscle`.
std::vector<glm::vec3> boneNear(const anatomy::TriangleMesh& bone, const anatomy::TriangleMesh& muscle, float distance) {
  std::map<std::tuple<int, int, int>, std::vector<glm::vec3>> buckets;
  for (const glm::vec3& p : muscle.positions) {
    const glm::ivec3 c = glm::ivec3(glm::floor(p / distance));
    buckets[{c.x, c.y, c.z}].push_back(p);
  }
  std::vector<glm::vec3> near;
  for (const glm::vec3& p : bone.positions) {
    const glm::ivec3 c = glm::ivec3(glm::floor(p / distance));
    bool found = false;
    for (int n = 0; n < 27 && !found; ++n) {
      const auto it = buckets.find({c.x + n % 3 - 1, c.y + (n / 3) % 3 - 1, c.z + n / 9 - 1});
      if (it == buckets.end()) continue;
      for (const glm::vec3& q : it->second) found = found || glm::length(q - p) <= distance;
    }
    if (found) near.push_back(p);
  }
  return near;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int runs = 11;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--runs" && a + 1 < argc)
      runs = std::max(1, std::atoi(argv[++a]));
    else
      files.push_back(arg);
  }
  const std::filesystem::path lhdl = std::filesystem::path(MEDIUS_REFERENCE_DIR) / "lhdl-hip-right";
  if (files.empty()) {
    files = {(lhdl / "_LHDL_hip_r_dataset.334.vtk").string(), (lhdl / "_LHDL_hip_r_dataset.525.vtk").string(),
             (lhdl / "_LHDL_hip_r_dataset.123.vtk").string()};
    std::printf("LHDL right gluteus medius, hip bone and femur from %s\n", lhdl.string().c_str());
  }
  anatomy::TriangleMesh muscle = loadMetres(files[0]);
  std::vector<glm::vec3> origin, insertion;
  if (files.size() >= 3) {
    origin = boneNear(loadMetres(files[1]), muscle, 0.005f);
    insertion = boneNear(loadMetres(files[2]), muscle, 0.005f);
  } else {
    const rig::MuscleEnds ends = rig::muscleOwnEnds(muscle, 0.08);
    origin = ends.low;
    insertion = ends.high;
  }
  std::printf("%s: %zu triangles, %zu origin points, %zu insertion points, %d runs\n", files[0].c_str(), muscle.triangleCount(),
              origin.size(), insertion.size(), runs);

  // Stage by stage, as traceHarmonicFibres does them.
  std::map<std::string, std::vector<double>> stages;
  std::vector<double> total, field, trace;
  int cells = 0, iterations = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    const bool closed = rig::detail::isClosedMesh(muscle);
    const double volume = rig::detail::enclosedVolume(muscle);
    stages["closed check + volume"].push_back(millisecondsSince(start));
    start = Clock::now();
    const rig::detail::FibreGrid grid = rig::detail::voxeliseMuscle(muscle, std::cbrt(volume / 20000.0));
    stages["voxelise"].push_back(millisecondsSince(start));
    start = Clock::now();
    const rig::detail::AttachmentCells attach = rig::detail::attachmentCells(grid, origin, insertion, 48, muscle.name);
    stages["attachment cells"].push_back(millisecondsSince(start));
    start = Clock::now();
    const rig::detail::HarmonicField harmonic = rig::detail::solveHarmonicField(grid, attach);
    stages["Laplace solve (CG)"].push_back(millisecondsSince(start));
    start = Clock::now();
    const rig::detail::StreamlineTracer tracer(grid, attach, harmonic);
    stages["tracer set-up (extend field, gradient)"].push_back(millisecondsSince(start));
    iterations = harmonic.iterations;
    if (run == 0) std::printf("grid %d x %d x %d cells of %.2f mm\n", grid.nx, grid.ny, grid.nz, grid.cell * 1000.0);
    if (!closed) std::printf("warning: the muscle is not closed\n");

    const rig::TracedFibres traced = rig::traceHarmonicFibres(muscle, origin, insertion);
    total.push_back(traced.fieldMilliseconds + traced.traceMilliseconds);
    field.push_back(traced.fieldMilliseconds);
    trace.push_back(traced.traceMilliseconds);
    cells = traced.gridCells;
    if (run == 0) std::printf("%zu fibres, %d cells inside, %d CG iterations\n", traced.fibres.size(), cells, iterations);
  }
  for (const auto& [name, times] : stages) std::printf("  %-40s median %7.2f ms\n", name.c_str(), median(times));
  std::printf("traceHarmonicFibres: field median %.1f ms, tracing median %.1f ms, total median %.1f ms (min %.1f, max %.1f)\n",
              median(field), median(trace), median(total), *std::min_element(total.begin(), total.end()),
              *std::max_element(total.begin(), total.end()));
  return 0;
}
