#pragma once
// What the libc++ of Debian's emscripten 3.1.6 does not have yet of the C++20 that Medius uses:
// std::to_chars and std::from_chars for float and double (it has the integer ones) and
// std::bit_cast. The browser build includes this header in every C++ file
// (cmake/WebDependencies.cmake); the native build uses libstdc++'s own.
//
// to_chars without a precision gives the shortest text that reads back to the same value, as the
// standard asks; from_chars reads what the standard's pattern allows (no leading space or '+',
// "inf", "nan"), always with a decimal point, in the "C" locale the page runs in.
#include <bit>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

namespace medius::web_charconv {

template <typename T>
T readBack(const char* text) {
  if constexpr (sizeof(T) == sizeof(float))
    return std::strtof(text, nullptr);
  else
    return std::strtod(text, nullptr);
}

inline std::to_chars_result copyOut(char* first, char* last, const char* text, int length) {
  if (length < 0 || length > last - first) return {last, std::errc::value_too_large};
  std::memcpy(first, text, static_cast<std::size_t>(length));
  return {first + length, std::errc()};
}

// snprintf with "%.*<conversion>".
inline int print(char* text, std::size_t size, char conversion, int precision, double value) {
  switch (conversion) {
    case 'f':
      return std::snprintf(text, size, "%.*f", precision, value);
    case 'e':
      return std::snprintf(text, size, "%.*e", precision, value);
    case 'a':
      return std::snprintf(text, size, "%.*a", precision, value);
    default:
      return std::snprintf(text, size, "%.*g", precision, value);
  }
}

// The shortest "%.*<conversion>" text of value that reads back to it.
template <typename T>
std::to_chars_result shortest(char* first, char* last, T value, char conversion) {
  char text[512];
  const int most = conversion == 'f' ? 400 : (sizeof(T) == sizeof(float) ? 9 : 17);
  int length = 0;
  for (int precision = conversion == 'g' ? 1 : 0; precision <= most; ++precision) {
    length = print(text, sizeof text, conversion, precision, static_cast<double>(value));
    if (readBack<T>(text) == value || value != value) break;
  }
  return copyOut(first, last, text, length);
}

inline char conversionOf(std::chars_format format) {
  if (format == std::chars_format::fixed) return 'f';
  if (format == std::chars_format::scientific) return 'e';
  if (format == std::chars_format::hex) return 'a';
  return 'g';
}

template <typename T>
std::from_chars_result read(const char* first, const char* last, T& value, std::chars_format format) {
  // The longest prefix of the standard's pattern: [-] (digits [. digits] [e [+-] digits] | inf | nan).
  const char* p = first;
  if (p < last && *p == '-') ++p;
  const auto word = [&](const char* name) {
    const std::size_t n = std::strlen(name);
    if (static_cast<std::size_t>(last - p) < n) return false;
    for (std::size_t i = 0; i < n; ++i)
      if (std::tolower(static_cast<unsigned char>(p[i])) != name[i]) return false;
    return true;
  };
  if (word("inf") || word("nan")) {
    p += word("infinity") ? 8 : 3;
  } else {
    const char* digitsStart = p;
    while (p < last && std::isdigit(static_cast<unsigned char>(*p))) ++p;
    bool any = p > digitsStart;
    if (p < last && *p == '.') {
      const char* fraction = ++p;
      while (p < last && std::isdigit(static_cast<unsigned char>(*p))) ++p;
      any = any || p > fraction;
    }
    if (!any) return {first, std::errc::invalid_argument};
    if (format != std::chars_format::fixed && p < last && (*p == 'e' || *p == 'E')) {
      const char* exponent = p + 1;
      if (exponent < last && (*exponent == '+' || *exponent == '-')) ++exponent;
      const char* exponentDigits = exponent;
      while (exponent < last && std::isdigit(static_cast<unsigned char>(*exponent))) ++exponent;
      if (exponent > exponentDigits) p = exponent;
    }
  }
  const std::string text(first, p);
  errno = 0;
  const T parsed = readBack<T>(text.c_str());
  if (errno == ERANGE) return {p, std::errc::result_out_of_range};
  value = parsed;
  return {p, std::errc()};
}

}  // namespace medius::web_charconv

namespace std {

inline to_chars_result to_chars(char* first, char* last, double value) {
  return medius::web_charconv::shortest(first, last, value, 'g');
}
inline to_chars_result to_chars(char* first, char* last, float value) {
  return medius::web_charconv::shortest(first, last, value, 'g');
}
inline to_chars_result to_chars(char* first, char* last, double value, chars_format format) {
  return medius::web_charconv::shortest(first, last, value, medius::web_charconv::conversionOf(format));
}
inline to_chars_result to_chars(char* first, char* last, float value, chars_format format) {
  return medius::web_charconv::shortest(first, last, value, medius::web_charconv::conversionOf(format));
}
inline to_chars_result to_chars(char* first, char* last, double value, chars_format format, int precision) {
  char text[512];
  const int length = medius::web_charconv::print(text, sizeof text, medius::web_charconv::conversionOf(format), precision, value);
  return medius::web_charconv::copyOut(first, last, text, length);
}
inline to_chars_result to_chars(char* first, char* last, float value, chars_format format, int precision) {
  return to_chars(first, last, static_cast<double>(value), format, precision);
}
inline from_chars_result from_chars(const char* first, const char* last, double& value,
                                    chars_format format = chars_format::general) {
  return medius::web_charconv::read(first, last, value, format);
}
inline from_chars_result from_chars(const char* first, const char* last, float& value,
                                    chars_format format = chars_format::general) {
  return medius::web_charconv::read(first, last, value, format);
}

#ifndef __cpp_lib_bit_cast
template <class To, class From>
constexpr To bit_cast(const From& from) noexcept {
  return __builtin_bit_cast(To, from);
}
#endif

}  // namespace std
