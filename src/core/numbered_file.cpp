#include "core/numbered_file.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>

namespace medius::core {

std::filesystem::path nextNumberedPath(const std::filesystem::path& folder, std::string_view prefix, std::string_view extension) {
  const std::string lead = std::string(prefix) + "-";
  unsigned long long highest = 0;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.size() <= lead.size() + extension.size() || name.compare(0, lead.size(), lead) != 0 ||
        name.compare(name.size() - extension.size(), extension.size(), extension) != 0)
      continue;
    const std::string_view digits(name.data() + lead.size(), name.size() - lead.size() - extension.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    unsigned long long number = 0;
    const auto [end_, problem] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (problem == std::errc()) highest = std::max(highest, number);
  }
  char digits[32];
  std::snprintf(digits, sizeof digits, "%04llu", highest + 1);
  return folder / (lead + digits + std::string(extension));
}

}  // namespace medius::core
