#pragma once
// Sphere fits for joint surfaces: the plain least-squares fit (declared in rig/bone_frames.h), a
// robust one that grows and trims the set of surface points that belong to the sphere, and a
// search by normal voting that finds a spherical patch on a bone without knowing where it is.
#include "rig/bone_frames.h"

#include <optional>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

// Which way the surface's outward normals face the sphere's centre: a ball (femoral head)
// faces away from it, a socket (acetabulum) towards it; Either accepts both (a cartilage shell).
enum class SphereSurface { Ball, Socket, Either };

// Starting from `start`, repeatedly takes the vertices whose distance from the centre is within a
// tolerance of the radius (and whose normal faces the right way) and refits, shrinking the
// tolerance towards three times the residual. Vertices of a neck or of a fossa, off the sphere,
// drop out. Returns nullopt when fewer than `minPoints` vertices stay.
std::optional<Sphere> refineSphereOnSurface(const std::vector<glm::dvec3>& points, const std::vector<glm::dvec3>& normals,
                                            Sphere start, SphereSurface surface, std::size_t minPoints = 30);

// Finds the strongest spherical patch with radius in [minRadius, maxRadius]: every vertex votes for
// the points one radius along its normal (inwards for a ball, outwards for a socket), weighted by
// its area; the cell with most votes is the centre, the median distance of its voters the radius.
// A cylinder or saddle spreads its votes along a line or surface; a sphere gathers them in a point.
std::optional<Sphere> voteForSphere(const std::vector<glm::dvec3>& points, const std::vector<glm::dvec3>& normals,
                                    const std::vector<double>& areas, SphereSurface surface, double minRadius, double maxRadius);

}  // namespace medius::rig
