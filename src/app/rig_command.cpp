#include "app/rig_command.h"

#include "core/number_text.h"
#include "rig/model_writer.h"
#include "rig/rig_model.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace medius::app {

void runRigCommand(const RigCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  rig::RigOptions rigOptions;
  rigOptions.complete = options.complete;
  rigOptions.fibresPerMuscle = options.fibresPerMuscle;
  const rig::RiggedModel rigged = rig::rigModel(options.input, rigOptions);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string> lines = rigged.report.lines;
  std::size_t fibres = 0;
  for (const anatomy::Muscle& muscle : rigged.model.muscles)
    for (const anatomy::Compartment& compartment : muscle.compartments) fibres += compartment.fibres.size();
  lines.push_back("rigged " + std::to_string(rigged.model.structures.size()) + " structures, " +
                  std::to_string(rigged.model.muscles.size()) + " muscles, " + std::to_string(fibres) + " fibres in " +
                  core::shortestText(std::round(seconds * 100.0) / 100.0) + " s");
  rig::writeModelFolder(rigged.model, options.out, lines);
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  std::printf("wrote %s (open it with: medius --model %s)\n", options.out.string().c_str(), options.out.string().c_str());
}

}  // namespace medius::app
