#include "muscle_fibre_router.h"

#include "curve.h"
#include "muscle_attachment.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

Polyline resampleEvenly(const Polyline& line, int count) {
  std::vector<float> arc(line.size(), 0.0f);
  for (size_t i = 1; i < line.size(); ++i) arc[i] = arc[i - 1] + glm::length(line[i] - line[i - 1]);
  Polyline out;
  out.reserve(count);
  size_t j = 0;
  for (int k = 0; k < count; ++k) {
    const float target = arc.back() * static_cast<float>(k) / static_cast<float>(count - 1);
    while (j + 2 < line.size() && arc[j + 1] < target) ++j;
    const float span = arc[j + 1] - arc[j];
    const float f = span > 0.0f ? std::clamp((target - arc[j]) / span, 0.0f, 1.0f) : 0.0f;
    out.push_back(glm::mix(line[j], line[j + 1], f));
  }
  out.front() = line.front();
  out.back() = line.back();
  return out;
}

float minimumAlong(const Polyline& line, const DistanceFunction& field, float step) {
  float lowest = field(line.front());
  for (size_t i = 1; i < line.size(); ++i) {
    const float l = glm::length(line[i] - line[i - 1]);
    const int n = std::max(1, static_cast<int>(std::ceil(l / step)));
    for (int k = 1; k <= n; ++k) lowest = std::min(lowest, field(glm::mix(line[i - 1], line[i], static_cast<float>(k) / n)));
  }
  return lowest;
}

namespace {
// Even next to its ends a fibre keeps this much clear of every obstacle (only the end points touch).
constexpr float kEndClearance = 0.0003f;

// One pass pushing the interior points out of every obstacle to their clearance.
void pushOut(Polyline& line, const std::vector<DistanceFunction>& obstacles, const std::function<float(float)>& clearance,
             float endRamp) {
  std::vector<float> arc(line.size(), 0.0f);
  for (size_t i = 1; i < line.size(); ++i) arc[i] = arc[i - 1] + glm::length(line[i] - line[i - 1]);
  const float total = arc.back();
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    const float fromEnd = std::min(arc[i], total - arc[i]);
    const float want = std::max(kEndClearance, clearance(arc[i] / total) * glm::smoothstep(0.0f, endRamp, fromEnd));
    for (const DistanceFunction& f : obstacles) {
      const float d = f(line[i]);
      if (d >= want) continue;
      line[i] += (want - d) * fieldGradient(f, line[i]);
    }
  }
}

// Where the middle of a chord dips into an obstacle (a segment cutting a convex bulge), inserts
// that middle pushed back to the obstacle's surface; repeats until no chord dips or 4 rounds.
void refineChords(Polyline& line, const std::vector<DistanceFunction>& obstacles) {
  for (int round = 0; round < 4; ++round) {
    Polyline out{line.front()};
    bool changed = false;
    for (size_t i = 1; i < line.size(); ++i) {
      glm::vec3 mid = 0.5f * (line[i - 1] + line[i]);
      bool dips = false;
      for (const DistanceFunction& f : obstacles) {
        const float d = f(mid);
        if (d < 0.0f) {
          mid += (0.0002f - d) * fieldGradient(f, mid);
          dips = true;
        }
      }
      if (dips) {
        out.push_back(mid);
        changed = true;
      }
      out.push_back(line[i]);
    }
    line.swap(out);
    if (!changed) break;
  }
}

void relax(Polyline& line) {
  Polyline next = line;
  for (size_t i = 1; i + 1 < line.size(); ++i) next[i] = glm::mix(line[i], 0.5f * (line[i - 1] + line[i + 1]), 0.5f);
  line.swap(next);
}
}  // namespace

Polyline routeFibre(glm::vec3 origin, glm::vec3 insertion, glm::vec3 outward, const std::vector<DistanceFunction>& obstacles,
                    const std::function<float(float)>& clearance, const RouteSettings& s) {
  const glm::vec3 bulge = glm::length(outward) > 0.0f ? glm::normalize(outward) * s.bow : glm::vec3(0.0f);
  const float chord = glm::length(insertion - origin);
  const int finalCount = std::max(8, static_cast<int>(std::ceil(chord / s.spacing)) + 1);
  // Coarse to fine: 9 points, then doubling until the wanted spacing, relaxing at each level.
  int count = 9;
  Polyline line(count);
  for (int i = 0; i < count; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(count - 1);
    line[i] = glm::mix(origin, insertion, t) + bulge * std::sin(3.14159265f * t);
  }
  while (true) {
    for (int it = 0; it < s.iterationsPerLevel; ++it) {
      relax(line);
      pushOut(line, obstacles, clearance, s.endRamp);
      if (it % 8 == 7) line = resampleEvenly(line, count);
    }
    if (count >= finalCount) break;
    count = std::min(finalCount, 2 * count - 1);
    line = resampleEvenly(line, count);
  }
  // Alternate pulling tight, even spacing and pushing out, ending with a push so every point keeps
  // its clearance (the pull irons out the kinks a push against a bumpy obstacle leaves).
  for (int round = 0; round < 12; ++round) {
    relax(line);
    line = resampleEvenly(line, count);
    for (int pass = 0; pass < 2; ++pass) pushOut(line, obstacles, clearance, s.endRamp);
  }
  refineChords(line, obstacles);
  return line;
}

}  // namespace medius::assetgen
