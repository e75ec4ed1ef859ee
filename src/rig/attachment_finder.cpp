#include "rig/attachment_finder.h"

#include "core/error.h"
#include "rig/bone_patch.h"
#include "rig/contact_region.h"
#include "rig/end_section.h"
#include "rig/fibre_following.h"
#include "rig/muscle_axis.h"
#include "rig/surface_graph.h"
#include "rig/tendon_spot.h"
#include "rig/triangle_grid.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <glm/geometric.hpp>

// How a region is found, for each bone the muscle comes near:
//  1. The muscle's long axis (muscle_axis.h) is oriented from its distal bones to its proximal
//     ones; s in [0, 1] says where a point lies along it (1: the proximal end).
//  2. Contact (contact_region.h): bone the muscle lies over (within 40° of the bone's normal) and
//     within contactDistance seeds the region, which grows while the gap stays within
//     kGrowFactor · contactDistance.
//  3. Ends only: a contact counts when the nearest muscle point lies in the part of the muscle
//     towards that bone's end: the proximal half for an origin (fleshy, broad), the last
//     kInsertionPart for an insertion (tendinous, short). A bone the belly merely brushes further
//     along is not an attachment.
//  4. Following the fibres (fibre_following.h) up to kGapFraction of the muscle's length past its
//     end faces; the bone around the hits (one ring of edges) joins the region. followedFibres:
//     the hits added more area than the contact did. For an insertion only where the muscle's end
//     makes no contact with the bone (the segmentation stopped short of it): where it does, the
//     fibres end on the contact, and rays from the end's sides would paint the bone beyond it.
//     A tendon's footprint: where the insertion's hits cover more bone than the muscle's end is
//     thick (the mean cross-section of its last kCapFraction, end_section.h), only the hits of
//     rays that meet the bone head-on and leave nearest the end are kept, up to that area (the
//     tendon carries on from the muscle's end, not from the sides of its belly), and no ring is
//     added (hits that many lie close together). The LHDL iliacus, which stops 4-9 mm short of
//     its 1 cm² footprint on the lesser trochanter, went from 13.8 to 3.1 times its outline's
//     area with it (all of the outline within 5 mm).
//  0. Insertions only: when the muscle's tip itself reaches the bone (tendon_spot.h: within
//     kTouchFactor · contactDistance), the tendon was segmented down to its footprint; the
//     insertion is the spot the tip rests on (bone within kSpotFactor · contactDistance of the tip)
//     and steps 2-4 are skipped (the belly lying along the bone further up is not the insertion).
//  5. Holes smaller than a tenth of the region's area are filled.
// The numbers below are our choices, relative to the muscle's size or to contactDistance (no
// length in them); none comes from a published source. Said plainly: kInsertionPart, kGrowFactor
// and the 40° of contact_region.cpp were chosen looking at the one body with dissected outlines
// (LHDL). The insertion part works there from 16 % to 18 % only: at 15 % the gluteus medius misses
// the tendon's reach to the tip of the greater trochanter, at 19 % the iliacus's contact where it
// crosses the femoral neck counts. A rule that needs no such window is open work (docs/RIG.md).
namespace medius::rig {
namespace {

constexpr float kGrowFactor = 2.0f;      // gap allowed while growing from a contact, × contactDistance
constexpr double kInsertionPart = 0.17;  // contact counted for an insertion: the last 17 % of the muscle
constexpr double kCapFraction = 0.12;    // an end of the muscle: its last 12 % of length
constexpr double kGapFraction = 0.15;    // farthest bone reached past an end, × the muscle's length
constexpr double kHoleFraction = 0.1;    // holes filled up to this fraction of the region's area
constexpr float kTouchFactor = 0.1f;     // the tip touches the bone: within this × contactDistance
constexpr float kSpotFactor = 0.5f;      // a tendon spot: bone within this × contactDistance of the tip

struct BoneWork {
  const AttachmentBone* bone;
  BonePatch patch;  // the bone within reach of the muscle
  SurfaceGraph graph;
  BoneGaps gaps;
};

// Throws InputError naming `what` when the mesh cannot be measured.
void validate(const anatomy::TriangleMesh& mesh, const std::string& what) {
  for (const glm::vec3& p : mesh.positions)
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
      throw InputError(what + ": a vertex coordinate is not a finite number");
  if (mesh.indices.size() % 3 != 0) throw InputError(what + ": the index count is not a multiple of three");
  for (std::uint32_t i : mesh.indices)
    if (i >= mesh.positions.size()) throw InputError(what + ": a triangle refers to a vertex that does not exist");
}

// Proximal bones' near vertices should lie at high s and distal ones at low s; flips the axis if not.
void orient(MuscleAxis& axis, const std::vector<BoneWork>& work) {
  double sum[2] = {0.0, 0.0};
  std::size_t count[2] = {0, 0};
  for (const BoneWork& w : work)
    for (std::size_t v = 0; v < w.gaps.gap.size(); ++v) {
      if (!std::isfinite(w.gaps.gap[v])) continue;
      const int k = w.bone->proximal ? 1 : 0;
      sum[k] += axis.s(w.patch.mesh.positions[v]) - 0.5;
      ++count[k];
    }
  const double distal = count[0] ? sum[0] / double(count[0]) : 0.0;
  const double proximal = count[1] ? sum[1] / double(count[1]) : 0.0;
  if (proximal < distal) axis.flip();
}

}  // namespace

std::vector<FoundAttachment> findAttachments(const anatomy::TriangleMesh& muscle, const std::vector<AttachmentBone>& bones,
                                             const AttachmentOptions& options) {
  std::vector<FoundAttachment> found;
  validate(muscle, "muscle " + muscle.name);
  for (const AttachmentBone& bone : bones) {
    if (!bone.mesh) throw InputError("bone " + bone.structure + ": no mesh given");
    validate(*bone.mesh, "bone " + bone.structure + " (" + bone.mesh->name + ")");
  }
  if (muscle.triangleCount() == 0) return found;
  const TriangleGrid muscleGrid(muscle);
  const SurfaceGraph muscleGraph = surfaceGraph(muscle);
  MuscleAxis axis = muscleAxis(muscle);
  const float contact = static_cast<float>(options.contactDistance);
  const float grown = contact * kGrowFactor;
  const float reach = std::max(grown, static_cast<float>(kGapFraction * axis.length));

  std::vector<BoneWork> work;
  for (const AttachmentBone& bone : bones) {
    if (bone.mesh->triangleCount() == 0) continue;
    const glm::vec3 margin(reach);
    BoneWork w{&bone, bonePatch(*bone.mesh, muscleGrid.minCorner() - margin, muscleGrid.maxCorner() + margin), {}, {}};
    if (w.patch.mesh.indices.empty()) continue;
    w.graph = surfaceGraph(w.patch.mesh);
    w.gaps = measureGaps(w.patch.mesh, w.graph, muscleGrid, grown);
    work.push_back(std::move(w));
  }
  orient(axis, work);
  const std::vector<FibreRay> toOrigin = originRays(muscle, muscleGraph, axis, kCapFraction);
  const std::vector<FibreRay> toInsertion = insertionRays(muscle, muscleGraph, axis, kCapFraction);
  const MuscleTip tip = muscleTip(muscle, axis, kCapFraction);
  const double endSection = endCrossSection(muscle, axis, kCapFraction);

  for (const BoneWork& w : work) {
    const anatomy::TriangleMesh& bone = w.patch.mesh;
    const bool proximal = w.bone->proximal;
    const std::size_t n = bone.positions.size();
    auto atEnd = [&](const glm::vec3& p) { return proximal ? axis.s(p) >= 0.5 : axis.s(p) <= kInsertionPart; };
    std::vector<char> region;
    bool spot = false;
    if (!proximal) {
      region = tendonSpot(bone, w.graph, tip, kTouchFactor * contact, kSpotFactor * contact);
      spot = std::find(region.begin(), region.end(), 1) != region.end();
    }
    if (!spot) region = contactRegion(w.gaps, w.graph, contact, grown, atEnd);
    double contactArea = 0.0;
    for (std::size_t v = 0; v < n; ++v)
      if (region[v]) contactArea += w.graph.vertexArea[v];

    const std::vector<FibreRay>& rays = proximal ? toOrigin : toInsertion;
    FibreHits hits;
    if (!rays.empty() && !spot && (proximal || contactArea <= 0.0)) hits = castOnto(rays, TriangleGrid(bone), reach);
    double hitArea = 0.0;
    if (!hits.distances.empty()) {
      const bool footprint = !proximal && keepLowestRanks(hits, w.graph.vertexArea, endSection);
      if (!footprint) dilate(w.graph, hits.vertices, 1);
      for (std::size_t v = 0; v < n; ++v)
        if (hits.vertices[v] && !region[v]) {
          hitArea += w.graph.vertexArea[v];
          region[v] = 1;
        }
    }
    if (contactArea + hitArea <= 0.0) continue;
    fillHoles(w.graph, region, kHoleFraction * (contactArea + hitArea));

    FoundAttachment attachment;
    attachment.structure = w.bone->structure;
    attachment.origin = proximal;
    for (std::size_t v = 0; v < n; ++v)
      if (region[v]) {
        attachment.vertices.push_back(w.patch.original[v]);
        attachment.areaSquareMetres += w.graph.vertexArea[v];
      }
    attachment.followedFibres = hitArea > contactArea;
    if (!hits.distances.empty()) {
      auto middle = hits.distances.begin() + static_cast<std::ptrdiff_t>(hits.distances.size() / 2);
      std::nth_element(hits.distances.begin(), middle, hits.distances.end());
      attachment.bridgedGapMetres = *middle;
    }
    found.push_back(std::move(attachment));
  }
  return found;
}

}  // namespace medius::rig
