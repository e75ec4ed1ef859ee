#include "rig/attachment_finder.h"

#include "rig/principal_axes.h"
#include "rig/surface_graph.h"
#include "rig/triangle_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

// How a region is found, for each bone the muscle comes near:
//  1. The muscle's long axis (its principal axis) is oriented from the distal bones to the
//     proximal ones; s in [0, 1] measures a point along it (1: the proximal end).
//  2. Contact: bone vertices that face the muscle and lie within contactDistance of it are seeds;
//     the region grows from them over the bone's edges while the gap stays within
//     kGrowFactor · contactDistance (hysteresis, as in Canny's edge linking): the deep face of a
//     real muscle lies near but not everywhere on the bone, and only gaps connected to a real
//     contact count.
//  3. Ends only: a contact counts when the muscle point nearest to it lies in the part of the
//     muscle towards that bone's end (proximal bone: the proximal half; distal bone: the last
//     kInsertionPart). A bone the belly merely brushes further along is not an attachment.
//  4. Following the fibres: rays from the muscle's end face (its last kCapFraction of length)
//     along the centreline's direction at that end, and for a distal bone also along the end
//     face's outward normals, reach bone the segmentation stopped short of (a tendon not
//     segmented), up to kGapFraction of the muscle's length away; the bone around the hits (one
//     ring of edges) joins the region. followedFibres: the hits added more area than the contact.
//  5. Holes smaller than a tenth of the region's area are filled.
// The fractions are our choices, relative to the muscle's size (no length in them); none comes
// from a published source.
namespace medius::rig {
namespace {

constexpr float kGrowFactor = 1.5f;    // gap allowed while growing from a contact, × contactDistance
constexpr double kCapFraction = 0.12;  // the end face: this fraction of the muscle's length
// Origins of the hip muscles are fleshy and broad, insertions tendinous and short: contact counts
// on the proximal half of a muscle for its origin, within its last 15 % for its insertion.
constexpr double kOriginPart = 0.5;
constexpr double kInsertionPart = 0.15;
constexpr double kGapFraction = 0.15;  // farthest bone reached past an end, × the muscle's length

struct MuscleAxis {
  glm::dvec3 centroid{0.0};
  glm::dvec3 axis{0.0, 0.0, 1.0};
  double low = 0.0, length = 1.0;
  double s(const glm::vec3& p) const { return (glm::dot(glm::dvec3(p) - centroid, axis) - low) / length; }
};

struct BoneNear {
  std::vector<float> gap;          // distance to the muscle, infinity when beyond reach
  std::vector<glm::vec3> nearest;  // the nearest muscle point
  std::vector<char> facing;        // the bone's outside faces the muscle there
};

MuscleAxis muscleAxis(const anatomy::TriangleMesh& muscle) {
  const PrincipalAxes axes = principalAxes(muscle.positions);
  MuscleAxis result;
  result.centroid = axes.centroid;
  result.axis = axes.axes[0];
  double low = std::numeric_limits<double>::max(), high = -low;
  for (const glm::vec3& p : muscle.positions) {
    const double s = glm::dot(glm::dvec3(p) - result.centroid, result.axis);
    low = std::min(low, s);
    high = std::max(high, s);
  }
  result.low = low;
  result.length = std::max(high - low, 1e-9);
  return result;
}

void flip(MuscleAxis& axis) {
  axis.axis = -axis.axis;
  axis.low = -(axis.low + axis.length);
}

BoneNear measureNear(const anatomy::TriangleMesh& bone, const SurfaceGraph& graph, const TriangleGrid& muscleGrid, float reach) {
  BoneNear near;
  const std::size_t n = bone.positions.size();
  near.gap.assign(n, std::numeric_limits<float>::infinity());
  near.nearest.assign(n, glm::vec3(0.0f));
  near.facing.assign(n, 0);
  const glm::vec3 lo = muscleGrid.minCorner() - glm::vec3(reach), hi = muscleGrid.maxCorner() + glm::vec3(reach);
  for (std::size_t v = 0; v < n; ++v) {
    const glm::vec3 p = bone.positions[v];
    if (glm::any(glm::lessThan(p, lo)) || glm::any(glm::greaterThan(p, hi))) continue;
    const ClosestPoint q = muscleGrid.closest(p, reach);
    if (!q.found) continue;
    near.gap[v] = q.distance;
    near.nearest[v] = q.point;
    // Facing: the muscle lies on the outer side of the bone surface here (or touches it).
    near.facing[v] = q.distance < 1e-4f || glm::dot(q.point - p, graph.normals[v]) > 0.0f;
  }
  return near;
}

}  // namespace

std::vector<FoundAttachment> findAttachments(const anatomy::TriangleMesh& muscle, const std::vector<AttachmentBone>& bones,
                                             const AttachmentOptions& options) {
  std::vector<FoundAttachment> found;
  if (muscle.triangleCount() == 0) return found;
  const TriangleGrid muscleGrid(muscle);
  const SurfaceGraph muscleGraph = surfaceGraph(muscle);
  MuscleAxis axis = muscleAxis(muscle);
  const float contact = static_cast<float>(options.contactDistance);
  const float grown = contact * kGrowFactor;
  const float reach = std::max(grown, static_cast<float>(kGapFraction * axis.length));

  struct BoneWork {
    const AttachmentBone* bone;
    SurfaceGraph graph;
    BoneNear near;
  };
  std::vector<BoneWork> work;
  for (const AttachmentBone& bone : bones) {
    if (!bone.mesh || bone.mesh->triangleCount() == 0) continue;
    BoneWork w{&bone, surfaceGraph(*bone.mesh), {}};
    w.near = measureNear(*bone.mesh, w.graph, muscleGrid, grown);
    work.push_back(std::move(w));
  }

  // Orient the axis: proximal bones' near vertices at high s, distal ones at low s.
  double proximalSum = 0.0, distalSum = 0.0;
  std::size_t proximalCount = 0, distalCount = 0;
  for (const BoneWork& w : work)
    for (std::size_t v = 0; v < w.near.gap.size(); ++v) {
      if (!std::isfinite(w.near.gap[v])) continue;
      const double s = glm::dot(glm::dvec3(w.bone->mesh->positions[v]) - axis.centroid, axis.axis);
      (w.bone->proximal ? proximalSum : distalSum) += s;
      ++(w.bone->proximal ? proximalCount : distalCount);
    }
  if (proximalCount == 0 && distalCount == 0) return found;
  const double proximalMean = proximalCount ? proximalSum / double(proximalCount) : 0.0;
  const double distalMean = distalCount ? distalSum / double(distalCount) : 0.0;
  if (proximalMean < distalMean) flip(axis);

  for (BoneWork& w : work) {
    const anatomy::TriangleMesh& bone = *w.bone->mesh;
    const bool proximal = w.bone->proximal;
    const std::size_t n = bone.positions.size();
    const double endPart = proximal ? kOriginPart : kInsertionPart;
    auto atEnd = [&](double s) { return (proximal ? 1.0 - s : s) <= endPart; };
    // Along-axis position of each near vertex's nearest muscle point.
    std::vector<char> eligible(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
      if (!std::isfinite(w.near.gap[v]) || !w.near.facing[v]) continue;
      eligible[v] = atEnd(axis.s(w.near.nearest[v]));
    }
    // 2. Contact seeds, grown with hysteresis.
    std::vector<char> region(n, 0);
    std::vector<std::uint32_t> stack;
    for (std::size_t v = 0; v < n; ++v)
      if (eligible[v] && w.near.gap[v] <= contact) {
        region[v] = 1;
        stack.push_back(static_cast<std::uint32_t>(v));
      }
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      for (std::uint32_t k = w.graph.neighbourStart[v]; k < w.graph.neighbourStart[v + 1]; ++k) {
        const std::uint32_t u = w.graph.neighbours[k];
        if (region[u] || !eligible[u]) continue;
        region[u] = 1;
        stack.push_back(u);
      }
    }
    double contactArea = 0.0;
    for (std::size_t v = 0; v < n; ++v)
      if (region[v]) contactArea += w.graph.vertexArea[v];

    // 4. Follow the fibres on from the end face.
    const double capFrom = proximal ? 1.0 - kCapFraction : kCapFraction;
    glm::dvec3 capCentre(0.0), bodyCentre(0.0);
    std::size_t capCount = 0, bodyCount = 0;
    for (const glm::vec3& p : muscle.positions) {
      const double s = axis.s(p);
      const double fromEnd = proximal ? 1.0 - s : s;
      if (fromEnd <= kCapFraction) {
        capCentre += glm::dvec3(p);
        ++capCount;
      } else if (fromEnd <= 3.0 * kCapFraction) {
        bodyCentre += glm::dvec3(p);
        ++bodyCount;
      }
    }
    std::vector<char> hits(n, 0);
    std::vector<double> bridged;
    if (capCount > 0 && bodyCount > 0) {
      const glm::vec3 direction = glm::vec3(glm::normalize(capCentre / double(capCount) - bodyCentre / double(bodyCount)));
      const TriangleGrid boneGrid(bone);
      for (std::size_t m = 0; m < muscle.positions.size(); ++m) {
        const double s = axis.s(muscle.positions[m]);
        if (proximal ? s < capFrom : s > capFrom) continue;
        for (const glm::vec3 ray : {direction, muscleGraph.normals[m]}) {
          if (glm::dot(muscleGraph.normals[m], ray) <= 0.0f) continue;  // not on the end face
          if (ray != direction && proximal) continue;
          const RayHit hit = boneGrid.cast(muscle.positions[m], ray, reach);
          if (!hit.hit) continue;
          const std::uint32_t* tri = &bone.indices[3 * hit.triangle];
          const glm::vec3 a = bone.positions[tri[0]], b = bone.positions[tri[1]], c = bone.positions[tri[2]];
          if (glm::dot(glm::cross(b - a, c - a), ray) >= 0.0f) continue;  // entered from inside
          for (int k = 0; k < 3; ++k) hits[tri[k]] = 1;
          bridged.push_back(hit.t);
        }
      }
    }
    double hitArea = 0.0;
    if (!bridged.empty()) {
      dilate(w.graph, hits, 1);
      for (std::size_t v = 0; v < n; ++v)
        if (hits[v] && !region[v]) {
          hitArea += w.graph.vertexArea[v];
          region[v] = 1;
        }
    }
    double area = contactArea + hitArea;
    if (area <= 0.0) continue;
    fillHoles(w.graph, region, 0.1 * area);

    FoundAttachment attachment;
    attachment.structure = w.bone->structure;
    attachment.origin = proximal;
    attachment.areaSquareMetres = 0.0;
    for (std::size_t v = 0; v < n; ++v)
      if (region[v]) {
        attachment.vertices.push_back(static_cast<std::uint32_t>(v));
        attachment.areaSquareMetres += w.graph.vertexArea[v];
      }
    attachment.followedFibres = hitArea > contactArea;
    if (!bridged.empty()) {
      std::nth_element(bridged.begin(), bridged.begin() + bridged.size() / 2, bridged.end());
      attachment.bridgedGapMetres = bridged[bridged.size() / 2];
    }
    found.push_back(std::move(attachment));
  }
  return found;
}

}  // namespace medius::rig
