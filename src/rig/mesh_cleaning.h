#pragma once
// Cleaning a real mesh before rigging, with what was done counted for the report: identical and
// near-identical vertices welded, degenerate faces and unused vertices dropped, winding made
// consistent and outward (a mirrored mesh comes inside out), small holes capped, and the unit
// guessed from the size.
#include "anatomy/triangle_mesh.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace medius::rig {

struct CleaningSummary {
  std::size_t weldedVertices = 0;
  std::size_t degenerateFaces = 0;
  std::size_t unusedVertices = 0;
  std::size_t flippedFaces = 0;      // faces turned to agree with their neighbours
  std::size_t nonManifoldEdges = 0;  // edges of three or more faces, left as they are (not crossed by the winding walk)
  std::size_t openEdges = 0;         // edges of one face (a hole's rim), before holes were filled
  std::size_t filledHoles = 0;       // small holes capped (under a fifth of the mesh's diagonal across)
  double widestFilledHole = 0.0;     // the widest capped hole, as a fraction of the mesh's diagonal
  bool turnedOutward = false;        // the mesh (or its larger part) was inside out (negative volume)
  bool closed = false;               // every edge shared by exactly two faces
  double volume = 0.0;               // signed volume after cleaning, in the mesh's units cubed
  std::string describe() const;      // "welded 12 vertices, dropped 3 degenerate faces, ..."
};

// Cleans `mesh` in place (positions in any unit; welding tolerance relative to its size) and
// recomputes its normals. Throws InputError naming `source` when nothing usable is left.
CleaningSummary cleanMesh(anatomy::TriangleMesh& mesh, const std::string& source);

// Metres per unit of a set of meshes of one body from their size: a hip bone, femur or gluteal
// muscle measures 0.05 to 0.6 m, so the largest extent tells millimetres (0.001), centimetres
// (0.01) or metres (1). `why` receives a sentence for the report.
double detectMetresPerUnit(const std::vector<const anatomy::TriangleMesh*>& meshes, std::string& why);

// A mesh of the set in a unit of its own (an OpenSim .vtp in metres among STLs in millimetres):
// when its extent in the set's unit is no size a structure of a hip has (0.01 to 0.7 m) and
// another of millimetres, centimetres or metres gives it one, that unit (the one nearest the
// middle of the range); otherwise nullopt. `why` receives a sentence for the report.
std::optional<double> ownMetresPerUnit(const anatomy::TriangleMesh& mesh, double setMetresPerUnit, std::string& why);

}  // namespace medius::rig
