#include "core/log.h"

#include <atomic>
#include <cstdio>

namespace medius::core {
namespace {
std::atomic<LogLevel> minimumLevel{LogLevel::Warning};

const char* prefix(LogLevel level) {
  switch (level) {
    case LogLevel::Debug:
      return "debug";
    case LogLevel::Info:
      return "info";
    case LogLevel::Warning:
      return "warning";
    case LogLevel::Error:
      return "error";
  }
  return "";
}
}  // namespace

void setLogLevel(LogLevel minimum) { minimumLevel = minimum; }

void log(LogLevel level, std::string_view message) {
  if (level < minimumLevel.load()) return;
  std::fprintf(stderr, "medius: %s: %.*s\n", prefix(level), static_cast<int>(message.size()), message.data());
}

}  // namespace medius::core
