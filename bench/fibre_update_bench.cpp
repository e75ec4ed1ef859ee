// Times what the viewer does for fibre wrapping: building the bone distance grids once at load,
// and updating every fibre (carry, resample, push out of the bones) once per frame, over the
// built-in motions; then the whole per-frame pose update of PosedModel (kinematics, fibres, fibre
// frames, muscle volume keeping) and its one-off build (grids, vertex bindings). Prints one line per measurement;
// docs/BENCHMARKS.md holds the results. Usage: fibre_update_bench [model.json] [frames per motion]
#include "anatomy/model.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_paths.h"
#include "biomech/kinematics.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using namespace medius;

namespace {
double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : MEDIUS_HIP_MODEL;
  const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 600;
  const anatomy::Model model = anatomy::loadModel(path);

  // Grid build: each bone on one thread, then all bones as the viewer builds them.
  for (const anatomy::Structure& s : model.structures) {
    if (s.kind != anatomy::StructureKind::Bone) continue;
    const auto start = Clock::now();
    const biomech::BoneDistanceGrid grid = biomech::BoneDistanceGrid::build(s.mesh, 0.0025f, 0.01f);
    const glm::ivec3 n = grid.dimensions();
    std::printf("grid %-11s %6zu triangles  %3dx%3dx%3d voxels  %7.1f ms (one thread)\n", s.id.c_str(), s.mesh.triangleCount(),
                n.x, n.y, n.z, millisecondsSince(start));
  }
  auto start = Clock::now();
  std::vector<biomech::BoneField> bones = biomech::buildBoneFields(model);
  std::printf("grids all bones: %.1f ms (buildBoneFields, all cores)\n", millisecondsSince(start));

  const biomech::Kinematics kinematics(model);
  biomech::FibrePaths paths(model, std::move(bones));
  std::vector<double> all;
  for (const biomech::Motion& motion : biomech::motionLibrary()) {
    std::vector<double> times;
    for (int f = 0; f < frames; ++f) {
      const double t = motion.durationSeconds * f / frames;
      const biomech::SegmentTransforms transforms = kinematics.transforms(motion.sample(t));
      start = Clock::now();
      paths.update(transforms, motion.durationSeconds / frames);
      times.push_back(millisecondsSince(start));
    }
    std::sort(times.begin(), times.end());
    std::printf("update %-25s median %.3f ms  p95 %.3f ms  max %.3f ms\n", motion.id.c_str(), times[times.size() / 2],
                times[times.size() * 95 / 100], times.back());
    all.insert(all.end(), times.begin(), times.end());
  }
  std::sort(all.begin(), all.end());
  std::printf("update all motions (%zu fibres x %zu points): median %.3f ms  p95 %.3f ms  max %.3f ms\n", paths.fibreCount(),
              paths.samplesPerFibre(), all[all.size() / 2], all[all.size() * 95 / 100], all.back());

  start = Clock::now();
  biomech::PosedModel posed(model);
  std::printf("PosedModel build (grids, fibres, frames, vertex bindings, volume proxies): %.1f ms\n", millisecondsSince(start));
  all.clear();
  for (const biomech::Motion& motion : biomech::motionLibrary())
    for (int f = 0; f < frames; ++f) {
      const biomech::Pose pose = motion.sample(motion.durationSeconds * f / frames);
      start = Clock::now();
      posed.setPose(pose, motion.durationSeconds / frames);
      all.push_back(millisecondsSince(start));
    }
  std::sort(all.begin(), all.end());
  std::printf("setPose all motions (kinematics, fibres, frames, volumes): median %.3f ms  p95 %.3f ms  max %.3f ms\n",
              all[all.size() / 2], all[all.size() * 95 / 100], all.back());
  return 0;
}
