#pragma once
// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
// same directory, which is flushed to disk and then renamed over the destination. A symbolic
// link is followed (the link stays, its file is replaced); a destination that is a device, pipe
// or socket (/dev/stdout, a FIFO) is written in place, since it cannot be renamed over.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>

namespace medius::core {

// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
// (missing directory, permission, full disk, path is a directory); on failure nothing is
// left behind: neither the temporary file nor a partial destination.
void writeFileAtomically(const std::filesystem::path& path, std::span<const std::byte> bytes);
void writeFileAtomically(const std::filesystem::path& path, std::string_view text);

// A command's text output: to `out` atomically when given, else to standard output (OutputError
// when standard output cannot take it).
void writeFileOrStandardOutput(const std::optional<std::filesystem::path>& out, std::string_view text);

}  // namespace medius::core
