#include "muscle_builder.h"

#include "core/error.h"
#include "muscle_volume.h"
#include "rig/fibre_compartments.h"
#include "rig/harmonic_fibres.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace medius::assetgen {

namespace {
// Dense samples per compartment for the attachment regions (bone-vertex lists), across x deep.
constexpr int kRegionAcross = 24;
constexpr int kRegionDeep = 8;
// Smallest clearance a fibre keeps from the bones and deeper muscles away from its ends; the
// fibre otherwise runs at half its tube radius from them, so it sits inside its own muscle.
constexpr float kMinClearance = 0.0015f;

// Points of the traced fibres are about this far apart (as the routed ones), before model.json
// keeps only those needed (storedFibrePoints).
constexpr float kTracedSpacing = 0.0025f;

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
const AttachedPoint& nearestOf(const std::vector<AttachedPoint>& region, glm::vec3 p) {
  const AttachedPoint* best = &region.front();
  for (const AttachedPoint& a : region)
    if (glm::distance(a.position, p) < glm::distance(best->position, p)) best = &a;
  return *best;
}

// The fibres model.json gets: traced in the muscle's own mesh along the harmonic field between its
// origin and insertion regions (rig/harmonic_fibres.h, the code that gives a rigged muscle its
// fibres), as many as were routed, spread across the origin along the recipe's
// `compartments_across` and cut into its compartments by where they start (rig/fibre_compartments.h).
// The routed fibres only shaped the volume.
void traceFibres(BuiltMuscle& m) {
  const char* v = std::getenv("MEDIUS_TRACE_VARIANT");
  const std::string variant = v ? v : "spread";
  int count = 0;
  double length = 0.0;
  for (const BuiltCompartment& c : m.compartments)
    for (const BuiltFibre& f : c.fibres) {
      ++count;
      for (size_t i = 1; i < f.path.size(); ++i) length += glm::distance(f.path[i - 1], f.path[i]);
    }
  rig::FibreFieldOptions options;
  options.pointsPerFibre = std::max(16, static_cast<int>(std::lround(length / count / kTracedSpacing)) + 1);
  if (const char* cell = std::getenv("MEDIUS_TRACE_CELL")) options.cellSize = std::atof(cell);
  anatomy::TriangleMesh mesh = m.mesh;
  mesh.name = m.spec.id;
  if (variant == "percompartment" || variant == "percompartment_area") {
    const size_t chunk = static_cast<size_t>(kRegionAcross * kRegionDeep);
    for (size_t c = 0; c < m.compartments.size(); ++c) {
      std::vector<glm::vec3> origins, insertions;
      std::vector<AttachedPoint> oreg(m.originRegion.begin() + c * chunk, m.originRegion.begin() + (c + 1) * chunk);
      std::vector<AttachedPoint> ireg(m.insertionRegion.begin() + c * chunk, m.insertionRegion.begin() + (c + 1) * chunk);
      for (const AttachedPoint& p : oreg) origins.push_back(p.position);
      for (const AttachedPoint& p : ireg) insertions.push_back(p.position);
      options.fibreCount = static_cast<int>(m.compartments[c].fibres.size());
      options.spreadAcross = variant == "percompartment" ? m.spec.compartmentsAcross : glm::vec3(0.0f);
      const rig::TracedFibres traced = rig::traceHarmonicFibres(mesh, origins, insertions, options);
      m.compartments[c].fibres.clear();
      for (const auto& path : traced.fibres)
        m.compartments[c].fibres.push_back({path, nearestOf(oreg, path.front()), nearestOf(ireg, path.back())});
    }
    return;
  }
  std::vector<glm::vec3> origins, insertions;
  for (const AttachedPoint& p : m.originRegion) origins.push_back(p.position);
  for (const AttachedPoint& p : m.insertionRegion) insertions.push_back(p.position);
  options.fibreCount = count;
  if (variant == "spread") options.spreadAcross = m.spec.compartmentsAcross;
  const rig::TracedFibres traced = rig::traceHarmonicFibres(mesh, origins, insertions, options);
  if (static_cast<int>(traced.fibres.size()) != count)
    throw InputError(m.spec.id + ": " + std::to_string(traced.fibres.size()) + " fibres traced of the " + std::to_string(count) +
                     " wanted; the origin has too few places to start from");
  std::vector<glm::vec3> starts;
  for (const auto& fibre : traced.fibres) starts.push_back(fibre.front());
  const std::vector<int> group =
      rig::compartmentsAcross(starts, m.spec.compartmentsAcross, static_cast<int>(m.compartments.size()));
  for (BuiltCompartment& c : m.compartments) c.fibres.clear();
  for (size_t f = 0; f < traced.fibres.size(); ++f) {
    const Polyline& path = traced.fibres[f];
    m.compartments[static_cast<size_t>(group[f])].fibres.push_back(
        {path, nearestOf(m.originRegion, path.front()), nearestOf(m.insertionRegion, path.back())});
  }
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
    traceFibres(m);
    if (s.verbose)
      std::printf("%-18s %zu fibres routed in %.1f s, mesh %zu triangles, fibres traced, total %.1f s\n", spec.id.c_str(),
                  m.compartments.size() * m.compartments[0].fibres.size(), routed, m.mesh.triangleCount(), secondsSince(start));
    muscles.push_back(std::move(m));
  }
  return muscles;
}

}  // namespace medius::assetgen
