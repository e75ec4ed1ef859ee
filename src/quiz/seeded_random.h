#pragma once
// Draws that give the same result on every platform for a seed: std::mt19937's sequence is fixed
// by the standard, but std::uniform_int_distribution and std::shuffle are not, so generated
// quizzes draw through these instead.
#include <cstdint>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

namespace medius::quiz {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint32_t seed) : engine_(seed) {}

  // Uniform in [0, n), n > 0 (rejection sampling on the engine's 32-bit output).
  std::size_t below(std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t limit = (std::uint64_t{1} << 32) / range * range;
    std::uint64_t value = 0;
    do value = engine_();
    while (value >= limit);
    return static_cast<std::size_t>(value % range);
  }

  // Fisher-Yates.
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937 engine_;
};

// FNV-1a of a text: a seed for a question stated in a file (its distractors and their order).
inline std::uint32_t seedOf(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

}  // namespace medius::quiz
