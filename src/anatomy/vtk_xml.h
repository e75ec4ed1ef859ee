#pragma once
// Reader of VTK XML PolyData files (.vtp, as OpenSim and VTK write them): <VTKFile type="PolyData">,
// each <Piece>'s <Points> and its <Polys> and <Strips> (connectivity + offsets), polygons
// fan-triangulated, strips alternating. Data arrays ascii, binary (base64, optionally compressed
// by vtkZLibDataCompressor) or appended (raw or base64); Verts, Lines and point/cell data skipped.
// Coordinates are returned as written (OpenSim's are in metres, CT segmentations in millimetres).
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <string>

namespace medius::anatomy {

// True when the file starts (after an optional <?xml ...?> line) with a <VTKFile element.
bool isVtkXmlFile(const std::filesystem::path& path);

// All pieces as one mesh named `name`, with area-weighted smooth normals. Throws InputError naming
// the file and what is wrong (not PolyData, damaged markup or data, counts that disagree with the
// arrays, an index out of range, no triangles).
TriangleMesh readVtkXmlPolyData(const std::filesystem::path& path, const std::string& name);

}  // namespace medius::anatomy
