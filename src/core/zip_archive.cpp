#include "core/zip_archive.h"

#include "core/error.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <limits>

namespace medius::core {
namespace {

// CRC-32 as zip uses it (the IEEE polynomial, reflected).
std::uint32_t crc32(const std::string& bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> entries{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      entries[n] = c;
    }
    return entries;
  }();
  std::uint32_t c = 0xffffffffu;
  for (const char byte : bytes) c = table[(c ^ static_cast<unsigned char>(byte)) & 0xffu] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

void put16(std::string& out, std::uint32_t value) {
  out.push_back(static_cast<char>(value & 0xffu));
  out.push_back(static_cast<char>((value >> 8) & 0xffu));
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value & 0xffffu);
  put16(out, value >> 16);
}

constexpr std::uint32_t kDate = (0u << 9) | (1u << 5) | 1u;  // 1980-01-01, the format's first day: no clock in the page

std::uint32_t checkedSize(std::size_t size) {
  if (size > std::numeric_limits<std::uint32_t>::max()) throw OutputError("a zip archive without zip64 holds at most 4 GB");
  return static_cast<std::uint32_t>(size);
}

}  // namespace

std::string storedZip(const std::vector<ZipEntry>& entries) {
  if (entries.size() > 0xffffu) throw OutputError("a zip archive without zip64 holds at most 65535 files");
  std::string archive, directory;
  for (const ZipEntry& entry : entries) {
    const std::uint32_t crc = crc32(entry.bytes), size = checkedSize(entry.bytes.size());
    const std::uint32_t offset = checkedSize(archive.size());
    // The local header, then the file; the central directory's entry repeats it with the offset.
    put32(archive, 0x04034b50u);
    for (std::string* out : {&archive, &directory}) {
      if (out == &directory) {
        put32(directory, 0x02014b50u);
        put16(directory, 20);  // made by: zip 2.0
      }
      put16(*out, 20);  // needed: zip 2.0
      put16(*out, 0);   // flags
      put16(*out, 0);   // stored
      put16(*out, 0);   // time
      put16(*out, kDate);
      put32(*out, crc);
      put32(*out, size);
      put32(*out, size);
      put16(*out, checkedSize(entry.name.size()));
      put16(*out, 0);  // extra field
    }
    archive += entry.name;
    archive += entry.bytes;
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const std::uint32_t directoryOffset = checkedSize(archive.size());
  archive += directory;
  put32(archive, 0x06054b50u);
  put16(archive, 0);
  put16(archive, 0);
  put16(archive, static_cast<std::uint32_t>(entries.size()));
  put16(archive, static_cast<std::uint32_t>(entries.size()));
  put32(archive, checkedSize(directory.size()));
  put32(archive, directoryOffset);
  put16(archive, 0);  // comment
  return archive;
}

std::string zipFolder(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.is_regular_file(ec)) files.push_back(entry.path());
  if (ec) throw OutputError("cannot list '" + folder.string() + "': " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<ZipEntry> entries;
  const std::string prefix = folder.filename().string() + "/";
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw OutputError("cannot read '" + file.string() + "'");
    entries.push_back({prefix + file.filename().string(), std::string(std::istreambuf_iterator<char>(in), {})});
  }
  return storedZip(entries);
}

}  // namespace medius::core
