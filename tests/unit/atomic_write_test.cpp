#include "core/atomic_write.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace medius {
namespace {

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AtomicWrite, WritesTheBytesAndLeavesNoTemporaryFile) {
  test::TempDir dir;
  core::writeFileAtomically(dir / "out.txt", "hello hip");
  EXPECT_EQ(readAll(dir / "out.txt"), "hello hip");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

TEST(AtomicWrite, ReplacesAnExistingFileWhole) {
  test::TempDir dir;
  core::writeFileAtomically(dir / "out.txt", std::string(10000, 'a'));
  core::writeFileAtomically(dir / "out.txt", "short");
  EXPECT_EQ(readAll(dir / "out.txt"), "short");
}

TEST(AtomicWrite, MissingDirectoryIsAnOutputErrorNamingIt) {
  test::TempDir dir;
  try {
    core::writeFileAtomically(dir / "missing" / "out.txt", "x");
    FAIL() << "expected OutputError";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("missing"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicWrite, DestinationThatIsADirectoryIsRefused) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "folder");
  EXPECT_THROW(core::writeFileAtomically(dir / "folder", "x"), OutputError);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"folder"});
}

TEST(AtomicWrite, ParentThatIsAFileIsAnOutputErrorAndLeavesNothing) {
  test::TempDir dir;
  core::writeFileAtomically(dir / "plain", "x");
  EXPECT_THROW(core::writeFileAtomically(dir / "plain" / "out.txt", "x"), OutputError);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"plain"});
}

}  // namespace
}  // namespace medius
