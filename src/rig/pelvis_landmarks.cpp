#include "rig/pelvis_landmarks.h"

#include "rig/bone_geometry.h"
#include "rig/sphere_fit.h"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// The acetabulum's radius is about 25 mm in adults (22-30 mm) on a hip bone about 200-230 mm
// long (Gray's Anatomy 41st ed., ch. 79); as fractions of the bone's length, with wide margins.
constexpr double kSocketRadiusMin = 0.06;
constexpr double kSocketRadiusMax = 0.2;

}  // namespace

std::optional<Acetabulum> findAcetabulum(const anatomy::TriangleMesh& mesh) {
  const std::vector<glm::dvec3> points = vertexPositions(mesh);
  if (points.size() < 100) return std::nullopt;
  const std::vector<glm::dvec3> normals = outwardVertexNormals(mesh);
  const PrincipalAxes axes = principalAxes(points);
  double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
  for (const glm::dvec3& p : points) {
    const double t = glm::dot(p - axes.centroid, axes.axis[0]);
    low = std::min(low, t), high = std::max(high, t);
  }
  const double length = high - low;
  const std::optional<Sphere> voted = voteForSphere(points, normals, vertexAreas(mesh), SphereSurface::Socket,
                                                    kSocketRadiusMin * length, kSocketRadiusMax * length);
  if (!voted) return std::nullopt;
  const std::optional<Sphere> sphere = refineSphereOnSurface(points, normals, *voted, SphereSurface::Socket);
  if (!sphere) return std::nullopt;
  Acetabulum socket;
  socket.sphere = *sphere;
  // The lunate surface lies on the bone's side of the centre: its mean offset points into the bone.
  glm::dvec3 inwards(0.0);
  const double tolerance = std::max(3.0 * sphere->rmsResidual, 0.02 * sphere->radius);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const glm::dvec3 d = points[i] - sphere->centre;
    const double distance = glm::length(d);
    if (std::abs(distance - sphere->radius) < tolerance && glm::dot(d, normals[i]) < 0.0) inwards += d / distance;
  }
  if (glm::length(inwards) > 0.0) socket.opening = -glm::normalize(inwards);
  // The iliac crest is much farther from the socket (about 120-140 mm) than the ischial
  // tuberosity or the pubis (60-80 mm): the long axis points to the end farther from the centre.
  const double c = glm::dot(sphere->centre - axes.centroid, axes.axis[0]);
  socket.superior = (high - c) >= (c - low) ? axes.axis[0] : -axes.axis[0];
  return socket;
}

IliacSpines findIliacSpines(const anatomy::TriangleMesh& mesh, const glm::dvec3& hipCentre, const glm::dvec3& anterior,
                            const glm::dvec3& superior) {
  IliacSpines spines;
  double front = std::numeric_limits<double>::lowest(), back = std::numeric_limits<double>::max();
  for (const glm::vec3& q : mesh.positions) {
    const glm::dvec3 p(q);
    if (glm::dot(p - hipCentre, superior) <= 0.0) continue;
    const double a = glm::dot(p - hipCentre, anterior);
    if (a > front) front = a, spines.asis = p;
    if (a < back) back = a, spines.psis = p;
  }
  return spines;
}

}  // namespace medius::rig
