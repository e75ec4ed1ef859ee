#include "muscle_builder.h"

#include "muscle_volume.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace medius::assetgen {

namespace {
// Dense samples per compartment for the attachment regions (bone-vertex lists), across x deep.
constexpr int kRegionAcross = 24;
constexpr int kRegionDeep = 8;
// Smallest clearance a fibre keeps from the bones and deeper muscles away from its ends; the
// fibre otherwise runs at half its tube radius from them, so it sits inside its own muscle.
constexpr float kMinClearance = 0.0015f;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

template <class F>
void parallelFor(size_t count, int threads, F&& body) {
  const size_t n = static_cast<size_t>(std::max(1, threads));
  std::vector<std::thread> pool;
  for (size_t t = 0; t < n; ++t)
    pool.emplace_back([&, t] {
      for (size_t i = t; i < count; i += n) body(i);
    });
  for (std::thread& th : pool) th.join();
}
}  // namespace

float rightBonesDistance(const BoneFields& fields, glm::vec3 p) {
  const glm::vec3 hjc = fields.hipJointCentre(Side::Right);
  return std::min({fields.hipBoneDistance(p, Side::Right), fields.sacrumDistance(p), fields.femurDistance(p - hjc, Side::Right)});
}

std::vector<BuiltMuscle> buildMuscles(const std::vector<MuscleSpec>& specs, const BoneFields& fields,
                                      const MuscleBuildSettings& s) {
  const AttachmentSampler sampler(fields);
  const DistanceFunction bones = [&fields](glm::vec3 p) { return rightBonesDistance(fields, p); };
  std::vector<BuiltMuscle> muscles;
  std::vector<SdfGrid> volumes;  // of the muscles built so far (deeper layers); never reallocated
  volumes.reserve(specs.size());
  for (const MuscleSpec& spec : specs) {
    const auto start = std::chrono::steady_clock::now();
    BuiltMuscle m;
    m.spec = spec;
    std::vector<DistanceFunction> obstacles{bones};
    std::vector<const SdfGrid*> deeper;
    for (const SdfGrid& g : volumes) {
      obstacles.push_back([&g](glm::vec3 p) { return g.sample(p); });
      deeper.push_back(&g);
    }
    const ThicknessProfile thickness = spec.thickness;
    // Fibres across the whole muscle, compartments side by side in u order: a fibre's place across
    // the sheet sets its tube radius (thinner at the margins) and so its clearance.
    int fibresAcross = 0;
    for (const CompartmentSpec& c : spec.compartments) fibresAcross += c.fibresAcross;
    int acrossBefore = 0;

    for (const CompartmentSpec& c : spec.compartments) {
      BuiltCompartment bc{c, {}};
      const PatchSpec& op = spec.originPatches[c.origin.patch];
      const PatchSpec& ip = spec.insertionPatches[c.insertion.patch];
      const std::vector<AttachedPoint> origins = sampler.sampleGrid(op, c.origin, c.fibresAcross, c.fibresDeep);
      const std::vector<AttachedPoint> insertions = sampler.sampleGrid(ip, c.insertion, c.fibresAcross, c.fibresDeep);
      bc.fibres.resize(origins.size());
      parallelFor(origins.size(), s.threads, [&](size_t k) {
        const glm::vec3 o = origins[k].position, e = insertions[k].position;
        const glm::vec3 outward = fieldGradient(bones, o) + fieldGradient(bones, e);
        const float lift = spec.rowLift * static_cast<float>(k % c.fibresDeep);
        const float across = static_cast<float>(acrossBefore + static_cast<int>(k) / c.fibresDeep) /
                             static_cast<float>(std::max(1, fibresAcross - 1));
        const auto lifted = [&](float t) {
          return std::max(kMinClearance, 0.5f * thickness.radiusAt(t, across)) + lift * std::sin(3.14159265f * t);
        };
        bc.fibres[k] = {routeFibre(o, e, outward, obstacles, lifted), origins[k], insertions[k]};
      });
      for (const AttachedPoint& p : sampler.sampleGrid(op, c.origin, kRegionAcross, kRegionDeep)) m.originRegion.push_back(p);
      for (const AttachedPoint& p : sampler.sampleGrid(ip, c.insertion, kRegionAcross, kRegionDeep))
        m.insertionRegion.push_back(p);
      m.compartments.push_back(std::move(bc));
      acrossBefore += c.fibresAcross;
    }
    const double routed = secondsSince(start);

    // Rows of the sheet: fibres with the same v index, across all compartments in u order.
    FibreSheet sheet;
    for (const BuiltCompartment& bc : m.compartments) {
      const int deep = bc.spec.fibresDeep;
      sheet.rows.resize(std::max<size_t>(sheet.rows.size(), deep));
      for (size_t k = 0; k < bc.fibres.size(); ++k) sheet.rows[k % deep].push_back(bc.fibres[k].path);
    }
    const float gap = 0.0005f;  // between the muscle and the bones and deeper muscles (buildMuscleVolume)
    volumes.push_back(buildMuscleVolume(sheet, thickness, bones, deeper, {s.gridSpacing, gap, 4, s.threads}));
    m.mesh = meshMuscleVolume(volumes.back(), s.triangleBudget, &bones, gap);
    if (s.verbose)
      std::printf("%-18s %zu fibres routed in %.1f s, mesh %zu triangles, total %.1f s\n", spec.id.c_str(),
                  m.compartments.size() * m.compartments[0].fibres.size(), routed, m.mesh.triangleCount(), secondsSince(start));
    muscles.push_back(std::move(m));
  }
  return muscles;
}

}  // namespace medius::assetgen
