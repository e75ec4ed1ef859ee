#include "sdf_grid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace medius::assetgen {

namespace {
constexpr int kBlock = 4;  // samples per block edge for the narrow-band test
}

float SdfGrid::sample(glm::vec3 p) const {
  const glm::vec3 g = glm::clamp((p - origin) / spacing, glm::vec3(0.0f), glm::vec3(size - 1) - 1e-4f);
  const glm::ivec3 i0(g);
  const glm::vec3 f = g - glm::vec3(i0);
  auto v = [&](int dx, int dy, int dz) { return at(i0.x + dx, i0.y + dy, i0.z + dz); };
  const float c00 = glm::mix(v(0, 0, 0), v(1, 0, 0), f.x), c10 = glm::mix(v(0, 1, 0), v(1, 1, 0), f.x);
  const float c01 = glm::mix(v(0, 0, 1), v(1, 0, 1), f.x), c11 = glm::mix(v(0, 1, 1), v(1, 1, 1), f.x);
  return glm::mix(glm::mix(c00, c10, f.y), glm::mix(c01, c11, f.y), f.z);
}

SdfGrid sampleGrid(const DistanceFunction& field, glm::vec3 lo, glm::vec3 hi, float spacing, int threads) {
  if (spacing <= 0.0f) throw std::invalid_argument("sampleGrid: spacing must be positive");
  SdfGrid grid;
  grid.origin = lo;
  grid.spacing = spacing;
  grid.size = glm::ivec3(glm::ceil((hi - lo) / spacing)) + 1;
  grid.values.assign(static_cast<size_t>(grid.size.x) * grid.size.y * grid.size.z, 0.0f);
  const glm::ivec3 blocks = (grid.size + kBlock - 1) / kBlock;
  const float halfDiagonal = 0.5f * std::sqrt(3.0f) * spacing * kBlock;

  auto work = [&](int bzBegin, int bzEnd) {
    for (int bz = bzBegin; bz < bzEnd; ++bz)
      for (int by = 0; by < blocks.y; ++by)
        for (int bx = 0; bx < blocks.x; ++bx) {
          const glm::ivec3 b0 = glm::ivec3(bx, by, bz) * kBlock;
          const glm::ivec3 b1 = glm::min(b0 + kBlock, grid.size);
          const glm::vec3 centre = grid.position(b0.x, b0.y, b0.z) + 0.5f * spacing * glm::vec3(b1 - b0 - 1);
          const float dc = field(centre);
          const bool far = std::fabs(dc) > 1.5f * halfDiagonal + 2.0f * spacing;
          for (int k = b0.z; k < b1.z; ++k)
            for (int j = b0.y; j < b1.y; ++j)
              for (int i = b0.x; i < b1.x; ++i) {
                const glm::vec3 p = grid.position(i, j, k);
                float v;
                if (far) {
                  const float r = glm::length(p - centre);
                  v = dc > 0.0f ? dc - r : dc + r;
                } else {
                  v = field(p);
                }
                grid.values[grid.index(i, j, k)] = v;
              }
        }
  };
  const int n = std::max(1, std::min(threads, blocks.z));
  std::vector<std::thread> pool;
  for (int t = 0; t < n; ++t) {
    const int b = blocks.z * t / n, e = blocks.z * (t + 1) / n;
    pool.emplace_back(work, b, e);
  }
  for (std::thread& t : pool) t.join();
  return grid;
}

}  // namespace medius::assetgen
