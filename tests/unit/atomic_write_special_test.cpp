// Atomic writes to destinations that are not plain files (docs/ROBUSTNESS.md): a
// device is written in place (never replaced by a plain file, even as root), a full device
// reports the error, a symbolic link survives and its file gets the bytes.
#include "core/atomic_write.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace medius {
namespace {

std::string contentsOf(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AtomicWriteSpecial, AFullDeviceReportsTheErrorAndStaysADevice) {
  if (!std::filesystem::is_character_file("/dev/full")) GTEST_SKIP() << "no /dev/full";
  try {
    core::writeFileAtomically("/dev/full", std::string_view("hello"));
    FAIL() << "writing to /dev/full succeeded";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("No space left on device"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/full"));
}

TEST(AtomicWriteSpecial, ANullDeviceTakesTheBytesInPlace) {
  if (!std::filesystem::is_character_file("/dev/null")) GTEST_SKIP() << "no /dev/null";
  core::writeFileAtomically("/dev/null", std::string_view("hello"));
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

TEST(AtomicWriteSpecial, ASymbolicLinkStaysAndItsFileIsReplaced) {
  const test::TempDir dir;
  std::ofstream(dir / "real.json") << "old";
  std::filesystem::create_symlink(dir / "real.json", dir / "link.json");
  core::writeFileAtomically(dir / "link.json", std::string_view("new"));
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "link.json"));
  EXPECT_EQ(contentsOf(dir / "real.json"), "new");
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"link.json", "real.json"}));
}

}  // namespace
}  // namespace medius
