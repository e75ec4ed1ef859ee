#pragma once
// Debug counters of the GL layer, readable without GL: the mesh triangles drawn since the last
// reset and the GL objects alive now (every owner in render/gl/gl_object.h counts itself).
// `medius bench` reads them per frame; the soak run checks that live objects stay flat.
// Relaxed atomics: a counter costs one uncontended add per draw call or per GL object.
#include <cstdint>

namespace medius::render {

struct DrawStats {
  std::uint64_t drawCalls = 0;  // mesh draws (structures, IDs, outlines), not overlay or fibre ribbons
  std::uint64_t triangles = 0;  // triangles of those draws
};

DrawStats drawStats();  // since the last resetDrawStats()
void resetDrawStats();
std::int64_t liveGlObjects();  // GL names owned by gl::GlObject owners right now

namespace detail {
void countDraw(std::uint64_t triangles);
void countGlObject(int change);  // +1 created, -1 deleted
}  // namespace detail

}  // namespace medius::render
