#include "app/video_export.h"

#include "core/error.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace medius::app {
namespace {

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

// The last non-empty line of a text (ffmpeg's error is its last line).
std::string lastLine(const std::string& text) {
  std::istringstream lines(text);
  std::string line, last;
  while (std::getline(lines, line))
    if (!line.empty()) last = line;
  return last;
}

// Runs the program with the arguments, its stdout and stderr into `log`. Returns the exit status
// (-1 when it could not be started or did not exit normally).
int runProcess(const std::vector<std::string>& arguments, const std::filesystem::path& log) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::optional<std::filesystem::path> findExecutable(std::string_view name, std::string_view searchPath) {
  std::size_t start = 0;
  while (start <= searchPath.size()) {
    const std::size_t end = std::min(searchPath.find(':', start), searchPath.size());
    const std::string_view folder = searchPath.substr(start, end - start);
    if (!folder.empty()) {
      const std::filesystem::path candidate = std::filesystem::path(folder) / name;
      struct stat info {};
      if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
        return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> findFfmpeg() {
  const char* path = std::getenv("PATH");
  return findExecutable("ffmpeg", path ? path : "");
}

void encodeVideo(const std::filesystem::path& ffmpeg, const std::filesystem::path& framePattern,
                 const std::filesystem::path& output, const VideoOptions& options) {
  const std::string extension = lowercase(output.extension().string());
  if (extension != ".mp4" && extension != ".gif")
    throw UsageError("'" + output.string() + "': a video must be an .mp4 or a .gif file");
  // ffmpeg chooses the container by the extension, so the temporary name keeps it.
  const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : std::filesystem::path(".");
  std::string stem(1, '.');  // hidden, and the process id keeps two exports apart
  stem += output.stem().string();
  stem += ".medius-";
  stem += std::to_string(::getpid());
  const std::filesystem::path temporary = folder / (stem + extension);
  const std::filesystem::path log = folder / (stem + ".log");

  std::vector<std::string> arguments = {
      ffmpeg.string(),      "-nostdin", "-y", "-loglevel", "error", "-framerate", std::to_string(options.framesPerSecond), "-i",
      framePattern.string()};
  if (extension == ".mp4") {
    // yuv420p plays everywhere and needs an even width and height.
    for (const char* argument : {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p", "-movflags", "+faststart"})
      arguments.push_back(argument);
  } else {
    // A palette made from the frames themselves keeps the anatomy's colours; loop for ever.
    for (const char* argument : {"-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse", "-loop", "0"})
      arguments.push_back(argument);
  }
  arguments.push_back(temporary.string());

  const int status = runProcess(arguments, log);
  std::string message;
  {
    std::ifstream in(log);
    std::ostringstream text;
    text << in.rdbuf();
    message = lastLine(text.str());
  }
  std::error_code ignored;
  std::filesystem::remove(log, ignored);
  if (status != 0 || !std::filesystem::is_regular_file(temporary, ignored)) {
    std::filesystem::remove(temporary, ignored);
    throw OutputError(
        "cannot write '" + output.string() + "': ffmpeg " +
        (status < 0 ? "could not be run (" + ffmpeg.string() + ")" : "failed (exit " + std::to_string(status) + ")") +
        (message.empty() ? "" : ": " + message));
  }
  std::error_code error;
  std::filesystem::rename(temporary, output, error);
  if (error) {
    std::filesystem::remove(temporary, ignored);
    throw OutputError("cannot write '" + output.string() + "': " + error.message());
  }
}

}  // namespace medius::app
