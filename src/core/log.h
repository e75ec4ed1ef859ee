#pragma once
// Minimal logging to standard error. Messages for a person (errors) are printed by app/main;
// this is for progress and diagnostics, quiet unless verbose is switched on.
#include <string_view>

namespace medius::core {

enum class LogLevel { Debug, Info, Warning, Error };

void setLogLevel(LogLevel minimum);
void log(LogLevel level, std::string_view message);

inline void logDebug(std::string_view message) { log(LogLevel::Debug, message); }
inline void logInfo(std::string_view message) { log(LogLevel::Info, message); }
inline void logWarning(std::string_view message) { log(LogLevel::Warning, message); }

}  // namespace medius::core
