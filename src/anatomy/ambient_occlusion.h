#pragma once
// Ambient occlusion baked per vertex: how much of the sky each vertex of a set of meshes sees when
// all of them stand together (a muscle over a bone darkens the bone under it). Plain geometry,
// shared by the generator (tools/assetgen) and the loader of rigged models (docs/FORMATS.md).
// Units: whatever the meshes are in (metres for a Medius model); `maxDistance` in the same unit.
#include "anatomy/triangle_mesh.h"

#include <vector>

#include <glm/mat4x4.hpp>

namespace medius::anatomy {

// A mesh and the transform that places it among the others (e.g. its segment at the neutral pose).
struct PlacedMesh {
  const TriangleMesh* mesh = nullptr;
  glm::mat4 placement{1.0f};
};

struct OcclusionSettings {
  // Rays per vertex over the hemisphere around its normal, cosine-distributed (a fixed Fibonacci
  // set, turned about the normal by a fixed amount per vertex): the same input gives the same output.
  int rays = 40;
  // Occluders further than this do not darken; nearer ones darken more (linear fall-off), so a
  // crease or a muscle lying on a bone shades and a distant structure does not. Metres: a rendering
  // choice at the scale of the gaps between hip muscles and bones, not an anatomical number.
  float maxDistance = 0.04f;
  int threads = 2;  // the result does not depend on it
};

// Per mesh, per vertex: the visibility in [0, 1] (1 open sky, 0 enclosed), in `meshes`' order.
// Vertex normals are the mesh's own, or computed from its triangles when it has none. A vertex
// inside another closed mesh sees nothing and gets about 0 (it is hidden anyway).
std::vector<std::vector<float>> bakeAmbientOcclusion(const std::vector<PlacedMesh>& meshes,
                                                     const OcclusionSettings& settings = {});

}  // namespace medius::anatomy
