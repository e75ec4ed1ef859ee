#include "render/draw_stats.h"

#include <atomic>

namespace medius::render {
namespace {
std::atomic<std::uint64_t> drawCalls{0};
std::atomic<std::uint64_t> triangles{0};
std::atomic<std::int64_t> glObjects{0};
}  // namespace

DrawStats drawStats() { return {drawCalls.load(std::memory_order_relaxed), triangles.load(std::memory_order_relaxed)}; }

void resetDrawStats() {
  drawCalls.store(0, std::memory_order_relaxed);
  triangles.store(0, std::memory_order_relaxed);
}

std::int64_t liveGlObjects() { return glObjects.load(std::memory_order_relaxed); }

namespace detail {
void countDraw(std::uint64_t count) {
  drawCalls.fetch_add(1, std::memory_order_relaxed);
  triangles.fetch_add(count, std::memory_order_relaxed);
}
void countGlObject(int change) { glObjects.fetch_add(change, std::memory_order_relaxed); }
}  // namespace detail

}  // namespace medius::render
