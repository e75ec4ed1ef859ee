// Screenshot names that count up, finding ffmpeg on PATH and turning a PNG sequence into a video
// (with a stand-in ffmpeg always; with the real one when it is installed).
#include "app/video_export.h"
#include "core/error.h"
#include "core/numbered_file.h"
#include "render/image.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace medius {
namespace {

void touch(const std::filesystem::path& path) { std::ofstream(path) << "x"; }

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeScript(const std::filesystem::path& path, const std::string& body) {
  std::ofstream(path) << "#!/bin/sh\n" << body;
  ::chmod(path.c_str(), 0755);
}

TEST(NumberedFile, StartsAtOneAndCountsOnFromTheHighest) {
  const test::TempDir dir;
  EXPECT_EQ(core::nextNumberedPath(dir.path()), dir / "medius-0001.png");
  EXPECT_EQ(core::nextNumberedPath(dir / "missing"), dir / "missing" / "medius-0001.png");
  touch(dir / "medius-0001.png");
  EXPECT_EQ(core::nextNumberedPath(dir.path()), dir / "medius-0002.png");
  // A gap (0003 deleted) is not refilled; look-alike names do not count.
  for (const char* name : {"medius-0007.png", "medius-0002.png", "medius-0009-copy.png", "medius-abc.png", "medius-0100.jpg",
                           "other-0500.png", "medius-.png"})
    touch(dir / name);
  EXPECT_EQ(core::nextNumberedPath(dir.path()), dir / "medius-0008.png");
  touch(dir / "medius-9999.png");
  EXPECT_EQ(core::nextNumberedPath(dir.path()), dir / "medius-10000.png");
  EXPECT_EQ(core::nextNumberedPath(dir.path(), "frame", ".jpg"), dir / "frame-0001.jpg");
}

TEST(VideoExport, FindsAnExecutableOnAPathList) {
  const test::TempDir dir;
  writeScript(dir / "fakeprog", "exit 0\n");
  touch(dir / "notexec");
  const std::string path = "/nonexistent-medius:" + dir.path().string() + ":/usr/bin";
  EXPECT_EQ(app::findExecutable("fakeprog", path), dir / "fakeprog");
  EXPECT_FALSE(app::findExecutable("notexec", path));
  EXPECT_FALSE(app::findExecutable("fakeprog", ""));
  EXPECT_FALSE(app::findExecutable("fakeprog", "::"));
}

// A stand-in for ffmpeg: records its arguments and writes its last argument (the output).
void writeFakeFfmpeg(const test::TempDir& dir) {
  writeScript(dir / "ffmpeg",
              "echo \"$@\" > \"$(dirname \"$0\")/arguments.txt\"\nfor last; do :; done\necho video > \"$last\"\n");
}

TEST(VideoExport, RunsFfmpegWithTheFramesAndRenamesItsOutput) {
  const test::TempDir dir;
  writeFakeFfmpeg(dir);
  std::filesystem::create_directory(dir / "out");
  app::encodeVideo(dir / "ffmpeg", dir / "frames" / "frame_%04d.png", dir / "out" / "clamshell.mp4", {24.0});
  EXPECT_EQ(readFile(dir / "out" / "clamshell.mp4"), "video\n");
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"clamshell.mp4"});  // no temporary video or log
  const std::string arguments = readFile(dir / "arguments.txt");
  EXPECT_NE(arguments.find("-framerate 24"), std::string::npos) << arguments;
  EXPECT_NE(arguments.find("-i " + (dir / "frames" / "frame_%04d.png").string()), std::string::npos) << arguments;
  EXPECT_NE(arguments.find("yuv420p"), std::string::npos) << arguments;

  app::encodeVideo(dir / "ffmpeg", dir / "frames" / "frame_%04d.png", dir / "out" / "clamshell.GIF");
  EXPECT_NE(readFile(dir / "arguments.txt").find("palettegen"), std::string::npos);
}

TEST(VideoExport, AFailingFfmpegIsAnOutputErrorWithItsMessageAndLeavesNothing) {
  const test::TempDir dir;
  writeScript(dir / "ffmpeg", "echo 'frame_%04d.png: No such file or directory' >&2\nexit 1\n");
  try {
    app::encodeVideo(dir / "ffmpeg", dir / "frame_%04d.png", dir / "out.mp4");
    FAIL() << "no error";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("ffmpeg failed (exit 1): frame_%04d.png: No such file or directory"),
              std::string::npos)
        << error.what();
  }
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"ffmpeg"});
  EXPECT_THROW(app::encodeVideo(dir / "no-ffmpeg-here", dir / "frame_%04d.png", dir / "out.mp4"), OutputError);
  EXPECT_THROW(app::encodeVideo(dir / "ffmpeg", dir / "frame_%04d.png", dir / "out.avi"), UsageError);
}

TEST(VideoExport, RealFfmpegMakesAnMp4AndAGif) {
  const std::optional<std::filesystem::path> ffmpeg = app::findFfmpeg();
  if (!ffmpeg) GTEST_SKIP() << "ffmpeg is not installed (optional)";
  const test::TempDir dir;
  for (int frame = 1; frame <= 6; ++frame) {
    render::Image image{63, 40, std::vector<std::uint8_t>(63 * 40 * 4, 255)};  // odd width on purpose
    for (int x = 0; x < 63; ++x) image.rgba[static_cast<std::size_t>(20 * 63 + x) * 4] = static_cast<std::uint8_t>(frame * 40);
    char name[32];
    std::snprintf(name, sizeof name, "frame_%04d.png", frame);
    render::savePng(image, dir / name);
  }
  app::encodeVideo(*ffmpeg, dir / "frame_%04d.png", dir / "motion.mp4");
  app::encodeVideo(*ffmpeg, dir / "frame_%04d.png", dir / "motion.gif");
  EXPECT_EQ(readFile(dir / "motion.mp4").substr(4, 4), "ftyp");
  EXPECT_EQ(readFile(dir / "motion.gif").substr(0, 6), "GIF89a");
}

}  // namespace
}  // namespace medius
