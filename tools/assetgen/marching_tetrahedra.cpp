#include "marching_tetrahedra.h"

#include <algorithm>
#include <array>

namespace medius::assetgen {

namespace {
// Cube corners c = x + 2y + 4z. Six tetrahedra around the main diagonal 0-7; every edge used
// goes from a corner to a corner with a superset of its bits, so neighbouring cells agree.
constexpr std::array<std::array<int, 4>, 6> kTets{
    {{0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7}}};
// Edge directions as corner-bit differences: 1, 2, 4, 3, 5, 6, 7 -> slot 0..6.
int edgeSlot(int diff) {
  switch (diff) {
    case 1:
      return 0;
    case 2:
      return 1;
    case 4:
      return 2;
    case 3:
      return 3;
    case 5:
      return 4;
    case 6:
      return 5;
    default:
      return 6;
  }
}
}  // namespace

anatomy::TriangleMesh extractSurface(const SdfGrid& g) {
  anatomy::TriangleMesh mesh;
  const glm::ivec3 n = g.size;
  std::vector<int32_t> edgeVertex(g.values.size() * 7, -1);
  auto inside = [](float v) { return v < 0.0f; };  // zero counts as outside: no degenerate cases

  auto vertexOnEdge = [&](glm::ivec3 a, int ca, int cb) -> uint32_t {
    // a is the cube's corner 0; ca, cb corners with cb's bits a superset of ca's (or swapped).
    if ((ca & cb) != std::min(ca, cb) || ca > cb) std::swap(ca, cb);
    const glm::ivec3 pa = a + glm::ivec3(ca & 1, (ca >> 1) & 1, (ca >> 2) & 1);
    const glm::ivec3 pb = a + glm::ivec3(cb & 1, (cb >> 1) & 1, (cb >> 2) & 1);
    const size_t key = g.index(pa.x, pa.y, pa.z) * 7 + edgeSlot(cb - ca);
    if (edgeVertex[key] >= 0) return static_cast<uint32_t>(edgeVertex[key]);
    const float va = g.at(pa.x, pa.y, pa.z), vb = g.at(pb.x, pb.y, pb.z);
    const float t = std::clamp(va / (va - vb), 0.02f, 0.98f);
    mesh.positions.push_back(glm::mix(g.position(pa.x, pa.y, pa.z), g.position(pb.x, pb.y, pb.z), t));
    edgeVertex[key] = static_cast<int32_t>(mesh.positions.size() - 1);
    return static_cast<uint32_t>(edgeVertex[key]);
  };

  auto emit = [&](uint32_t a, uint32_t b, uint32_t c, glm::vec3 outward) {
    const glm::vec3 nrm = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::dot(nrm, outward) < 0.0f) std::swap(b, c);
    mesh.indices.insert(mesh.indices.end(), {a, b, c});
  };

  for (int k = 0; k + 1 < n.z; ++k)
    for (int j = 0; j + 1 < n.y; ++j)
      for (int i = 0; i + 1 < n.x; ++i) {
        const glm::ivec3 base(i, j, k);
        std::array<float, 8> v;
        std::array<glm::vec3, 8> p;
        int insideCount = 0;
        for (int c = 0; c < 8; ++c) {
          const glm::ivec3 q = base + glm::ivec3(c & 1, (c >> 1) & 1, (c >> 2) & 1);
          v[c] = g.at(q.x, q.y, q.z);
          p[c] = g.position(q.x, q.y, q.z);
          insideCount += inside(v[c]);
        }
        if (insideCount == 0 || insideCount == 8) continue;
        for (const auto& tet : kTets) {
          std::array<int, 4> in{}, out{};
          int ni = 0, no = 0;
          for (int c : tet) (inside(v[c]) ? in[ni++] : out[no++]) = c;
          if (ni == 0 || no == 0) continue;
          glm::vec3 ci(0.0f), co(0.0f);
          for (int a = 0; a < ni; ++a) ci += p[in[a]];
          for (int a = 0; a < no; ++a) co += p[out[a]];
          const glm::vec3 outward = co / static_cast<float>(no) - ci / static_cast<float>(ni);
          if (ni == 1 || no == 1) {
            const int lone = ni == 1 ? in[0] : out[0];
            const std::array<int, 4>& others = ni == 1 ? out : in;
            emit(vertexOnEdge(base, lone, others[0]), vertexOnEdge(base, lone, others[1]), vertexOnEdge(base, lone, others[2]),
                 outward);
          } else {
            const uint32_t a = vertexOnEdge(base, in[0], out[0]);
            const uint32_t b = vertexOnEdge(base, in[0], out[1]);
            const uint32_t c = vertexOnEdge(base, in[1], out[1]);
            const uint32_t d = vertexOnEdge(base, in[1], out[0]);
            emit(a, b, c, outward);
            emit(a, c, d, outward);
          }
        }
      }
  return mesh;
}

}  // namespace medius::assetgen
