#pragma once
// What the rig found and decided, in sentences a person reads: `medius rig` prints it and writes it
// beside the model (rig-report.txt), and the structures' cards quote the parts about them.
#include <string>
#include <vector>

namespace medius::rig {

struct RigReport {
  std::vector<std::string> lines;
  void say(std::string line) { lines.push_back(std::move(line)); }
};

}  // namespace medius::rig
