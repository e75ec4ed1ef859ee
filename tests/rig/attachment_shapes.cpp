#include "attachment_shapes.h"

namespace medius::rig::test {

anatomy::TriangleMesh gridBox(const glm::vec3& lo, const glm::vec3& hi, int n) {
  anatomy::TriangleMesh mesh;
  for (int axis = 0; axis < 3; ++axis)
    for (int sign = -1; sign <= 1; sign += 2) {
      const int u = (axis + 1) % 3, v = (axis + 2) % 3;
      const auto base = static_cast<std::uint32_t>(mesh.positions.size());
      for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i) {
          glm::vec3 p;
          p[axis] = sign < 0 ? lo[axis] : hi[axis];
          p[u] = lo[u] + (hi[u] - lo[u]) * float(i) / float(n);
          p[v] = lo[v] + (hi[v] - lo[v]) * float(j) / float(n);
          mesh.positions.push_back(p);
          glm::vec3 normal(0.0f);
          normal[axis] = float(sign);
          mesh.normals.push_back(normal);
        }
      for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
          const std::uint32_t a = base + std::uint32_t(j * (n + 1) + i), b = a + 1, c = a + std::uint32_t(n + 1), d = c + 1;
          // u × v points along +axis: keep that order on the + face, reverse it on the − face.
          if (sign > 0)
            mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
          else
            mesh.indices.insert(mesh.indices.end(), {a, d, b, a, c, d});
        }
    }
  return mesh;
}

}  // namespace medius::rig::test
