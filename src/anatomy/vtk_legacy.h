#pragma once
// Reader of legacy VTK files (`# vtk DataFile Version x.y`) holding a POLYDATA dataset, ASCII or
// BINARY (big-endian, as VTK writes it): POINTS (float or double) and POLYGONS or TRIANGLE_STRIPS,
// polygons fan-triangulated; counted cells or, as VTK 9 writes (version 5.1), OFFSETS and
// CONNECTIVITY arrays; FIELD data before the points and METADATA blocks are skipped. Other sections (VERTICES, LINES, POINT_DATA,
// ...) are skipped. Coordinates are returned as written: the file has no units (real CT data is in millimetres).
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <string>

namespace medius::anatomy {

// True when the file starts with the legacy VTK signature.
bool isLegacyVtkFile(const std::filesystem::path& path);

// One mesh named `name`, with area-weighted smooth normals. Throws InputError naming the file and
// what is wrong (not POLYDATA, truncated, an index out of range, a count beyond the file's size,
// NaN coordinates, no triangles).
TriangleMesh readLegacyVtk(const std::filesystem::path& path, const std::string& name);

}  // namespace medius::anatomy
