// Hip bone geometry measured from meshes (pelvis frame): ASIS and acetabulum.
#pragma once

#include "landmarks.h"
#include "mesh_analysis.h"

namespace medius::assetgen::test {

// Most anterior vertex of the ilium (y above -30 mm, so the pubis cannot win).
glm::vec3 measureAsis(const anatomy::TriangleMesh& hipBone);

// Vertices of the articular cup: within 3 mm of the landmark cup sphere, facing its centre.
std::vector<glm::vec3> cupVertices(const anatomy::TriangleMesh& hipBone, glm::vec3 centre, float radius);

}  // namespace medius::assetgen::test
