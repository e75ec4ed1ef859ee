#include "core/atomic_write.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

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

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::span<const std::byte> bytes) {
  const auto fail = [&](const std::string& reason) {
    throw OutputError("cannot write '" + path.string() + "': " + reason);
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail("it is a directory");
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  if (!std::filesystem::is_directory(directory, ec)) fail("directory '" + directory.string() + "' does not exist");

  // The temporary name lives beside the destination so that rename() stays on one file system.
  TemporaryFile temporary(std::filesystem::path(path.string() + ".tmp-" + std::to_string(::getpid())));
  temporary.open(::open(temporary.path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (temporary.fd() < 0) fail(describeErrno(errno));

  const auto* data = reinterpret_cast<const char*>(bytes.data());
  std::size_t remaining = bytes.size();
  while (remaining > 0) {
    const ssize_t written = ::write(temporary.fd(), data, remaining);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(describeErrno(errno));
    }
    data += written;
    remaining -= static_cast<std::size_t>(written);
  }
  if (::fsync(temporary.fd()) != 0) fail(describeErrno(errno));
  if (temporary.close() != 0) fail(describeErrno(errno));
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail(describeErrno(errno));
  temporary.release();
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view text) {
  writeFileAtomically(path, std::as_bytes(std::span(text.data(), text.size())));
}

}  // namespace medius::core
