#pragma once
// Binary STL read directly, without Assimp: an 80-byte header, a little-endian uint32 triangle
// count, then 50 bytes per triangle (a facet normal, three vertices as 3 x float32, a 16-bit
// attribute). Assimp's general path (join identical vertices, then normals) takes about half of
// `medius render` on a million-triangle file; this one reads the file in large blocks, merges
// identical vertices with meshoptimizer and computes area-weighted smooth vertex normals
// (anatomy/mesh_normals.h). The facet normals in the file are ignored: many writers leave them
// zero, and the viewer shades smoothly. Units are whatever the file holds (see triangle_mesh.h).
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace medius::anatomy {

enum class StlEncoding { Binary, Ascii };

// Which encoding an .stl file uses. Binary when its size is exactly 84 + 50 x the triangle count
// in bytes 80..83 (the only reliable test: some binary writers start the header with "solid");
// otherwise ASCII when it starts with "solid" and looks like text. Throws InputError naming the
// file for anything else: shorter than a binary header, or a binary header whose triangle count
// does not match the file's size (truncated, or bytes left over).
StlEncoding stlEncoding(const std::filesystem::path& path);

// Reads a binary STL (stlEncoding() == Binary) as one mesh named `name`, with identical vertices
// merged (bit for bit, after -0 is made +0) in order of first use and smooth normals. Throws
// InputError naming the file and the problem: not a binary STL, no triangles, more triangles than
// 32-bit indices can address, a non-finite coordinate (naming the triangle and its vertex), or a
// read error. The result still goes through validateMesh in importMeshes.
TriangleMesh readBinaryStl(const std::filesystem::path& path, const std::string& name);

// The bytes of `mesh` as a binary STL: `header` (at most 80 characters) at the start, each
// triangle with its unit facet normal (zero for a triangle without area). Little-endian, as the
// format is, on a little-endian machine.
std::string binaryStlBytes(const TriangleMesh& mesh, const std::string& header);

}  // namespace medius::anatomy
