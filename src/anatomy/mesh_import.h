#pragma once
// Reads meshes from any file format Assimp understands (glTF/GLB, OBJ, STL, PLY, FBX, ...);
// binary STL through its own faster reader (anatomy/stl_binary.h).
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <vector>

namespace medius::anatomy {

// Loads every mesh in the file, with node transforms applied, triangulated, with smooth normals
// where the file has none. Throws InputError naming the file and the problem: missing, a
// directory, empty, unreadable by Assimp (its message is passed through), no triangle meshes, or
// a mesh that fails validateMesh. Legacy VTK POLYDATA files (anatomy/vtk_legacy.h) and VTK XML
// PolyData files (anatomy/vtk_xml.h) are read by our own readers. Never returns an empty list.
// A file named *.stl (any case) that is a binary STL by its size is read by readBinaryStl: one
// mesh named after the file, identical vertices merged, area-weighted smooth normals; a damaged
// one (size and triangle count disagree, NaN coordinates, no triangles) throws InputError too.
// `withOcclusion`: a mesh with vertex colours (glTF COLOR_0) gets its baked ambient visibility
// from their red channel (TriangleMesh::occlusion, docs/FORMATS.md); otherwise colours are ignored.
std::vector<TriangleMesh> importMeshes(const std::filesystem::path& path, bool withOcclusion = false);

// The general path alone, through Assimp, for any file (ASCII or binary STL included, with smooth
// normals made for STL). Same contract as importMeshes. importMeshes uses it for everything but
// binary STL; tests compare the two readers with it.
std::vector<TriangleMesh> importMeshesWithAssimp(const std::filesystem::path& path, bool withOcclusion = false);

}  // namespace medius::anatomy
