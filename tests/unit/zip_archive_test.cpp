// A zip archive of stored files (the page's download of an animation's PNG frames): headers, the
// CRC-32 every unzip tool checks, and the central directory that lists the files.
#include "core/zip_archive.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>

namespace medius {
namespace {

std::uint32_t read32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int k = 3; k >= 0; --k) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(k)]);
  return value;
}

TEST(ZipArchive, StoresEachFileWithItsCrcAndListsThemAtTheEnd) {
  const std::string zip = core::storedZip({{"frames/a.txt", "123456789"}, {"frames/b.txt", ""}});
  EXPECT_EQ(read32(zip, 0), 0x04034b50u);
  EXPECT_EQ(read32(zip, 14), 0xcbf43926u);  // CRC-32 of "123456789", the standard check value
  EXPECT_EQ(read32(zip, 18), 9u);
  EXPECT_EQ(zip.substr(30, 12), "frames/a.txt");
  EXPECT_EQ(zip.substr(42, 9), "123456789");
  const std::size_t end = zip.size() - 22;
  EXPECT_EQ(read32(zip, end), 0x06054b50u);
  EXPECT_EQ(read32(zip, end + 8) & 0xffffu, 2u);  // entries
  const std::size_t directory = read32(zip, end + 16);
  EXPECT_EQ(read32(zip, directory), 0x02014b50u);
  EXPECT_EQ(read32(zip, directory + 42), 0u);  // the first file's local header is at the start
  EXPECT_EQ(zip.substr(directory + 46, 12), "frames/a.txt");
}

TEST(ZipArchive, AFolderIsZippedUnderItsName) {
  test::TempDir temp;
  std::filesystem::create_directories(temp / "anim");
  std::ofstream(temp / "anim" / "frame_0002.png", std::ios::binary) << "two";
  std::ofstream(temp / "anim" / "frame_0001.png", std::ios::binary) << "one";
  const std::string zip = core::zipFolder(temp / "anim");
  EXPECT_EQ(zip.substr(30, 19), "anim/frame_0001.png");  // sorted
  EXPECT_NE(zip.find("anim/frame_0002.png"), std::string::npos);
}

}  // namespace
}  // namespace medius
