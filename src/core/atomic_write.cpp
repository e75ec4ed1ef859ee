#include "core/atomic_write.h"

#include "core/error.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace medius::core {
namespace {

std::string describeErrno(int error) { return std::strerror(error); }

// Closes a file descriptor and removes the temporary file unless released.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_) ::unlink(path_.c_str());
  }
  void open(int fd) { fd_ = fd; }
  int fd() const { return fd_; }
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }
  void release() { released_ = true; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool released_ = false;
};

// Writes all bytes to an open descriptor; false with errno set on failure.
bool writeAll(int fd, std::span<const std::byte> bytes) {
  const auto* data = reinterpret_cast<const char*>(bytes.data());
  std::size_t remaining = bytes.size();
  while (remaining > 0) {
    const ssize_t written = ::write(fd, data, remaining);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    remaining -= static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& requested, std::span<const std::byte> bytes) {
  const auto fail = [&](const std::string& reason) { throw OutputError("cannot write '" + requested.string() + "': " + reason); };
  std::error_code ec;
  // A symbolic link stays a link: the file it points to is replaced. A device, pipe or socket
  // (/dev/stdout, a FIFO, /dev/full) cannot be replaced by renaming over it (as root that would
  // swap the device node for a plain file): it is written in place, errors still reported.
  std::filesystem::path path = requested;
  if (std::filesystem::is_symlink(requested, ec)) {
    const std::filesystem::path target = std::filesystem::weakly_canonical(requested, ec);
    if (!ec) path = target;
  }
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(describeErrno(errno));
    const bool written = writeAll(fd, bytes);
    const int error = errno;
    if (::close(fd) != 0 && written) fail(describeErrno(errno));
    if (!written) fail(describeErrno(error));
    return;
  }
  if (std::filesystem::is_directory(path, ec)) fail("it is a directory");
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  if (!std::filesystem::is_directory(directory, ec)) fail("directory '" + directory.string() + "' does not exist");

  // The temporary name lives beside the destination so that rename() stays on one file system.
  TemporaryFile temporary(std::filesystem::path(path.string() + ".tmp-" + std::to_string(::getpid())));
  temporary.open(::open(temporary.path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (temporary.fd() < 0) fail(describeErrno(errno));

  if (!writeAll(temporary.fd(), bytes)) fail(describeErrno(errno));
  if (::fsync(temporary.fd()) != 0) fail(describeErrno(errno));
  if (temporary.close() != 0) fail(describeErrno(errno));
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail(describeErrno(errno));
  temporary.release();
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view text) {
  writeFileAtomically(path, std::as_bytes(std::span(text.data(), text.size())));
}

void writeFileOrStandardOutput(const std::optional<std::filesystem::path>& out, std::string_view text) {
  if (out) {
    writeFileAtomically(*out, text);
    return;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) != 0) throw OutputError("cannot write to standard output");
}

}  // namespace medius::core
