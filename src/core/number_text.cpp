#include "core/number_text.h"

#include <array>
#include <charconv>

namespace medius::core {
namespace {

// Plain decimals ("0.0001", not "1e-04") where a person writes them so; exponents beyond.
template <typename T>
std::string shortest(T value) {
  std::array<char, 64> text{};
  const T magnitude = value < 0 ? -value : value;
  const bool plain = magnitude == 0 || (magnitude >= T(1e-6) && magnitude < T(1e15));
  const auto [end, error] = plain ? std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed)
                                  : std::to_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() ? std::string(text.data(), end) : std::to_string(value);
}

}  // namespace

std::string shortestText(double value) { return shortest(value); }
std::string shortestText(float value) { return shortest(value); }

double nearestDouble(float value) {
  const std::string text = shortest(value);
  double result = value;
  std::from_chars(text.data(), text.data() + text.size(), result);  // no locale: always a point
  return result;
}

}  // namespace medius::core
