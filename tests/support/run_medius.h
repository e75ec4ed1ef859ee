#pragma once
// Runs the real `medius` binary for command-line tests: its exit code and everything it printed,
// and the check every bad invocation must pass (exit 2, one `medius:` message naming what is
// wrong, nothing left in the output folder).
#include "support/temp_dir.h"

#include <array>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>

namespace medius::test {

struct RunResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// `environment` is prefixed to the command (e.g. "env -u DISPLAY").
inline RunResult runMedius(const std::string& arguments, const std::string& environment = "") {
  const std::string command = environment + " '" MEDIUS_EXECUTABLE "' " + arguments + " 2>&1";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline void expectOneClearFailure(const RunResult& result, const std::string& expected, const TempDir& dir) {
  EXPECT_EQ(result.exitCode, 2) << result.output;
  EXPECT_NE(result.output.find(expected), std::string::npos) << result.output;
  EXPECT_EQ(result.output.rfind("medius: ", 0), 0u) << result.output;
  EXPECT_EQ(result.output.find("medius: ", 1), std::string::npos) << "one clear message: " << result.output;
  EXPECT_TRUE(dir.entries().empty()) << "left behind: " << dir.entries().front();
}

}  // namespace medius::test
