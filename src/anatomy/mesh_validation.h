#pragma once
// Checks a mesh before anything draws it, so bad data becomes a clear message, not a crash.
#include "anatomy/triangle_mesh.h"

#include <string>

namespace medius::anatomy {

// Throws InputError("<source>: mesh '<name>': <what>") when the mesh has no triangles, a
// non-finite vertex (naming its index), an index out of range (naming it), or normals whose count
// differs from the positions'.
void validateMesh(const TriangleMesh& mesh, const std::string& source);

}  // namespace medius::anatomy
