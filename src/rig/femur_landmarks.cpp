#include "rig/femur_landmarks.h"

#include "rig/bone_geometry.h"
#include "rig/sphere_fit.h"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// Proportions of an adult femur (length about 430-480 mm, head radius about 20-26 mm, the
// condyles and epicondyles within the distal 60-70 mm; Gray's Anatomy 41st ed., ch. 80), taken
// with wide margins and as fractions of the bone's own length so that any size or unit works.
constexpr double kEndFraction = 0.2;     // each end region: this part of the length
constexpr double kHeadRadiusMin = 0.03;  // femoral head radius range, fractions of the length
constexpr double kHeadRadiusMax = 0.08;
// A whole femur is 17-22 head radii long (the proportions above). A bone shorter than this many of
// its own head radii is a femur cut short; its head is then looked for up to a quarter of its length
// (a proximal femur at least 4 head radii long: the head, neck and trochanters).
constexpr double kWholeFemurHeadRadii = 14.0;
constexpr double kCutFemurHeadRadiusMax = 0.25;
constexpr double kCutFemurReach = 0.5;        // its head looked for in this part of its length
constexpr double kDistalFraction = 0.15;      // condyles and epicondyles
constexpr double kFlexionAgreement = 0.9397;  // cos 20°, our choice
constexpr double kCapFraction = 0.003;        // an epicondyle's top: 1.3 mm of a 450 mm femur, about a CT voxel (our choice)
constexpr int kAxisRefinements = 10;          // the epicondylar axis joining its own tops: at most this many steps
constexpr double kAxisSettled = 0.9999985;    // cos 0.1°: the axis has settled (our choice)

struct Along {
  double min = std::numeric_limits<double>::max(), max = std::numeric_limits<double>::lowest();
};

Along extentAlong(const std::vector<glm::dvec3>& points, const glm::dvec3& origin, const glm::dvec3& axis) {
  Along a;
  for (const glm::dvec3& p : points) {
    const double t = glm::dot(p - origin, axis);
    a.min = std::min(a.min, t), a.max = std::max(a.max, t);
  }
  return a;
}

// The farthest vertex from the shaft line among those within `fraction` of the length from the end.
std::pair<double, glm::dvec3> farthestFromShaft(const std::vector<glm::dvec3>& points, const glm::dvec3& origin,
                                                const glm::dvec3& axis, double endT, double reach) {
  double best = -1.0;
  glm::dvec3 bestPoint(0.0);
  for (const glm::dvec3& p : points) {
    if (glm::dot(p - origin, axis) < endT - reach) continue;
    const double d = distanceFromLine(p, origin, axis);
    if (d > best) best = d, bestPoint = p;
  }
  return {best, bestPoint};
}

void findEpicondyles(const std::vector<glm::dvec3>& points, const std::vector<glm::dvec3>& normals,
                     const std::vector<double>& areas, FemurLandmarks& femur, double distalT) {
  std::vector<glm::dvec3> distal, distalNormals;
  std::vector<double> distalAreas;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (glm::dot(points[i] - femur.shaftPoint, femur.towardsHead) < distalT + kDistalFraction * femur.length)
      distal.push_back(points[i]), distalNormals.push_back(normals[i]), distalAreas.push_back(areas[i]);
  if (distal.size() < 10) return;
  glm::dvec3 centre(0.0);
  for (const glm::dvec3& p : distal) centre += p;
  centre /= static_cast<double>(distal.size());
  std::vector<glm::dvec3> flat;
  for (const glm::dvec3& p : distal) flat.push_back(perpendicularPart(p - centre, femur.towardsHead));
  const PrincipalAxes across = principalAxes(flat);
  glm::dvec3 medialLateral = glm::normalize(perpendicularPart(across.axis[0], femur.towardsHead));
  if (glm::dot(medialLateral, femur.medial) < 0.0) medialLateral = -medialLateral;
  // The flexion axis through the centres of the two condyles' spheres runs close to the
  // transepicondylar axis (Eckhoff et al. 2005, JBJS 87-A Suppl 2:71; Churchill et al. 1998, Clin
  // Orthop 356:111): it is the medial-lateral direction when both fit.
  std::optional<Sphere> condyle[2];
  for (int half = 0; half < 2; ++half) {
    std::vector<glm::dvec3> p, n;
    std::vector<double> w;
    for (std::size_t i = 0; i < distal.size(); ++i)
      if ((glm::dot(distal[i] - centre, medialLateral) >= 0.0) == (half == 0))
        p.push_back(distal[i]), n.push_back(distalNormals[i]), w.push_back(distalAreas[i]);
    const auto voted = voteForSphere(p, n, w, SphereSurface::Ball, kHeadRadiusMin * femur.length, kHeadRadiusMax * femur.length);
    if (voted) condyle[half] = refineSphereOnSurface(p, n, *voted, SphereSurface::Ball);
  }
  if (condyle[0] && condyle[1]) {
    // ISB (Wu et al. 2002) measures the femur's medial-lateral axis across its mechanical axis
    // (hip centre to knee centre), not across the shaft, which leans a few degrees into valgus.
    const glm::dvec3 knee = 0.5 * (condyle[0]->centre + condyle[1]->centre);
    const glm::dvec3 mechanical = femur.head.centre - knee;
    const glm::dvec3 flexion = glm::length(mechanical) > 0.0
                                   ? perpendicularPart(condyle[0]->centre - condyle[1]->centre, glm::normalize(mechanical))
                                   : glm::dvec3(0.0);
    // A sphere that caught something other than a condyle (a synthetic or damaged distal end) tilts
    // the line between the centres far from the distal end's widest direction; the two agree within
    // about 10° on real femurs (LHDL: 9°), so beyond the limit the widest direction is kept.
    if (glm::length(flexion) > 0.0 && glm::dot(glm::normalize(flexion), medialLateral) > kFlexionAgreement)
      medialLateral = glm::normalize(flexion);
  }
  // Each prominence's top along the axis: the vertices within a cap of the extreme, taken as a
  // whole (their area-weighted centre, put back on the nearest of them), so that a broad, flat
  // prominence gives its middle rather than whichever vertex of it happens to stick out most.
  const double cap = kCapFraction * femur.length;
  // The least height along `direction` * `axis` at which a vertex still belongs to the cap.
  auto capFloor = [&](const glm::dvec3& axis, double direction) {
    double top = std::numeric_limits<double>::lowest();
    for (const glm::dvec3& p : distal) top = std::max(top, direction * glm::dot(p, axis));
    return top - cap;
  };
  auto topsAlong = [&](const glm::dvec3& axis) {
    std::optional<glm::dvec3> tops[2];  // medial, lateral
    for (int side = 0; side < 2; ++side) {
      const double direction = side == 0 ? 1.0 : -1.0;
      const double floor = capFloor(axis, direction);
      glm::dvec3 capCentre(0.0);
      double weight = 0.0;
      for (std::size_t i = 0; i < distal.size(); ++i)
        if (direction * glm::dot(distal[i], axis) >= floor) capCentre += distalAreas[i] * distal[i], weight += distalAreas[i];
      if (weight <= 0.0) continue;
      capCentre /= weight;
      for (const glm::dvec3& p : distal)
        if (direction * glm::dot(p, axis) >= floor &&
            (!tops[side] || glm::distance(p, capCentre) < glm::distance(*tops[side], capCentre)))
          tops[side] = p;
    }
    return std::pair{tops[0], tops[1]};
  };
  // The clinical transepicondylar axis joins the most prominent points of the two epicondyles
  // (Berger et al. 1993, Clin Orthop 286:40), each of them the top along that same line. On a
  // broad prominence the top slides a long way when the axis turns a little (the built-in femur:
  // 11 mm for the 11° by which its condyles' spheres turn the axis), so the axis is refined until
  // it joins its own tops, across the mechanical axis.
  auto tops = topsAlong(medialLateral);
  for (int i = 0; i < kAxisRefinements && tops.first && tops.second; ++i) {
    const glm::dvec3 knee = 0.5 * (*tops.first + *tops.second);
    const glm::dvec3 mechanical = femur.head.centre - knee;
    if (glm::length(mechanical) <= 0.0) break;
    const glm::dvec3 joining = perpendicularPart(*tops.first - *tops.second, glm::normalize(mechanical));
    if (glm::length(joining) <= 0.0) break;
    const glm::dvec3 refined = glm::normalize(joining);
    if (glm::dot(refined, medialLateral) > kAxisSettled) break;
    medialLateral = refined;
    tops = topsAlong(medialLateral);
  }
  femur.lateralEpicondyle = tops.second;
  femur.medialEpicondyle = tops.first;
  // The medial prominence's top runs proximally and backwards into the adductor tubercle, which
  // surmounts the medial epicondyle (Gray's Anatomy 41st ed., ch. 80): the epicondyle is the distal
  // end of that top, the cap's vertex farthest from the hip along the mechanical axis. The lateral
  // epicondyle has no tubercle above it and keeps the middle of its top.
  if (tops.first && tops.second) {
    const glm::dvec3 up = femur.head.centre - 0.5 * (*tops.first + *tops.second);
    const double floor = capFloor(medialLateral, 1.0);
    double lowest = std::numeric_limits<double>::max();
    for (const glm::dvec3& p : distal)
      if (glm::dot(p, medialLateral) >= floor && glm::dot(p, up) < lowest) lowest = glm::dot(p, up), femur.medialEpicondyle = p;
  }
}

}  // namespace

std::optional<FemurLandmarks> findFemurLandmarks(const anatomy::TriangleMesh& mesh) {
  const std::vector<glm::dvec3> points = vertexPositions(mesh);
  if (points.size() < 100) return std::nullopt;
  const PrincipalAxes whole = principalAxes(points);
  // A long bone: its length spread far exceeds its width.
  if (whole.variance[0] < 4.0 * whole.variance[1]) return std::nullopt;
  const Along wholeExtent = extentAlong(points, whole.centroid, whole.axis[0]);
  const double length0 = wholeExtent.max - wholeExtent.min;
  // The shaft's axis from its middle half, free of the ends' bulk.
  std::vector<glm::dvec3> middle;
  for (const glm::dvec3& p : points) {
    const double t = glm::dot(p - whole.centroid, whole.axis[0]);
    if (t > wholeExtent.min + 0.25 * length0 && t < wholeExtent.max - 0.25 * length0) middle.push_back(p);
  }
  if (middle.size() < 20) return std::nullopt;
  const PrincipalAxes shaft = principalAxes(middle);
  FemurLandmarks femur;
  femur.shaftPoint = shaft.centroid;
  glm::dvec3 axis = shaft.axis[0];
  Along extent = extentAlong(points, femur.shaftPoint, axis);
  femur.length = extent.max - extent.min;
  const double reach = kEndFraction * femur.length;
  // The head sticks out of the shaft's line farther than anything at the knee.
  const auto top = farthestFromShaft(points, femur.shaftPoint, axis, extent.max, reach);
  const auto bottom = farthestFromShaft(points, femur.shaftPoint, -axis, -extent.min, reach);
  if (bottom.first > top.first) {
    axis = -axis;
    extent = Along{-extent.max, -extent.min};
  }
  femur.towardsHead = axis;

  const std::vector<glm::dvec3> normals = outwardVertexNormals(mesh);
  const std::vector<double> areas = vertexAreas(mesh);
  const auto voteForHead = [&](double endReach, double largestRadius) -> std::optional<Sphere> {
    std::vector<glm::dvec3> proximal, proximalNormals;
    std::vector<double> proximalAreas;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (glm::dot(points[i] - femur.shaftPoint, axis) < extent.max - endReach) continue;
      proximal.push_back(points[i]);
      proximalNormals.push_back(normals[i]);
      proximalAreas.push_back(areas[i]);
    }
    std::optional<Sphere> voted = voteForSphere(proximal, proximalNormals, proximalAreas, SphereSurface::Ball,
                                                kHeadRadiusMin * femur.length, largestRadius * femur.length);
    // The head is the top of the femur: a sphere whose top lies more than its radius below the
    // bone's end is something else (the greater trochanter of a femur cut short, whose head is
    // larger than a whole femur's proportions allow and reaches below the end region).
    if (!voted || extent.max - (glm::dot(voted->centre - femur.shaftPoint, axis) + voted->radius) > voted->radius)
      return std::nullopt;
    return refineSphereOnSurface(proximal, proximalNormals, *voted, SphereSurface::Ball);
  };
  std::optional<Sphere> head = voteForHead(reach, kHeadRadiusMax);
  if (!head) head = voteForHead(kCutFemurReach * femur.length, kCutFemurHeadRadiusMax);
  if (!head) return std::nullopt;
  femur.head = *head;
  const glm::dvec3 headOffset = perpendicularPart(femur.head.centre - femur.shaftPoint, axis);
  if (glm::length(headOffset) <= 0.0) return std::nullopt;
  femur.medial = glm::normalize(headOffset);
  femur.whole = femur.length >= kWholeFemurHeadRadii * femur.head.radius;
  if (!femur.whole) return femur;

  // The condyles bulge behind the shaft: the distal end's centroid lies posterior of its line.
  glm::dvec3 distalCentre(0.0);
  std::size_t distalCount = 0;
  for (const glm::dvec3& p : points)
    if (glm::dot(p - femur.shaftPoint, axis) < extent.min + kDistalFraction * femur.length) distalCentre += p, ++distalCount;
  if (distalCount > 0) {
    const glm::dvec3 offset = perpendicularPart(distalCentre / static_cast<double>(distalCount) - femur.shaftPoint, axis);
    const glm::dvec3 across = perpendicularPart(offset, femur.medial);
    if (glm::length(across) > 0.0) femur.posterior = glm::normalize(across);
  }
  if (glm::length(femur.posterior) > 0.0) findEpicondyles(points, normals, areas, femur, extent.min);
  return femur;
}

}  // namespace medius::rig
