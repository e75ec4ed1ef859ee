#pragma once
// Landmarks found on a hip bone (os coxae) mesh: the acetabulum's sphere and which way the socket
// opens, the bone's own superior direction (iliac crest above the acetabulum), and ASIS and PSIS
// once the body's axes are roughly known.
#include "anatomy/triangle_mesh.h"
#include "rig/bone_frames.h"

#include <optional>

#include <glm/vec3.hpp>

namespace medius::rig {

struct Acetabulum {
  Sphere sphere;             // fitted to the lunate (articular) surface around the socket
  glm::dvec3 opening{0.0};   // unit: from the socket's floor out through its mouth (lateral, down, forward)
  glm::dvec3 superior{0.0};  // unit: the bone's long axis, pointing to the iliac crest
};

// Nullopt when no socket-shaped patch is found.
std::optional<Acetabulum> findAcetabulum(const anatomy::TriangleMesh& hipBone);

struct IliacSpines {
  glm::dvec3 asis{0.0}, psis{0.0};
};

// ASIS: the most anterior point of the bone above the hip centre; PSIS: the most posterior point
// of the ilium above it. `anterior` and `superior` are the body's (approximate) unit axes.
IliacSpines findIliacSpines(const anatomy::TriangleMesh& hipBone, const glm::dvec3& hipCentre, const glm::dvec3& anterior,
                            const glm::dvec3& superior);

}  // namespace medius::rig
