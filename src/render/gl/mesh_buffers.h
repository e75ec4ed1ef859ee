#pragma once
// A triangle mesh on the GPU: interleaved positions and normals plus indices.
#include "anatomy/triangle_mesh.h"
#include "render/gl/gl_object.h"

namespace medius::render::gl {

class MeshBuffers {
public:
  // Uploads the mesh (normals computed from the triangles if the mesh has none).
  explicit MeshBuffers(const anatomy::TriangleMesh& mesh);
  void draw() const;

private:
  VertexArray vertexArray_;
  Buffer vertices_;
  Buffer indices_;
  GLsizei indexCount_ = 0;
};

}  // namespace medius::render::gl
