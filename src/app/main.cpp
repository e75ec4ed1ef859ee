// medius: the command-line entry point. It parses the command line, runs the viewer or the
// headless renderer, and turns every error into one clear message and an exit code:
// 0 success, 1 no display, 2 bad usage, bad input, output or graphics failure.
#include "app/analyze_command.h"
#include "app/bench_command.h"
#include "app/command_line.h"
#include "app/model_choice.h"
#include "app/quiz_command.h"
#include "app/render_command.h"
#include "app/rig_command.h"
#include "app/viewer_window.h"
#include "core/error.h"
#include "core/log.h"

#include <cstdio>
#include <exception>

namespace {
constexpr int kExitError = 2;
}

int main(int argc, char** argv) {
  try {
    const medius::app::CommandLine commandLine = medius::app::parseCommandLine(argc, argv);
    if (commandLine.verbose) medius::core::setLogLevel(medius::core::LogLevel::Info);
    medius::app::setRigChoice(commandLine.rigChoice);
    switch (commandLine.command) {
      case medius::app::CommandLine::Command::PrintAndExit:
        std::fputs(commandLine.text.c_str(), stdout);
        return 0;
      case medius::app::CommandLine::Command::Render:
        medius::app::runRenderCommand(commandLine.render);
        return 0;
      case medius::app::CommandLine::Command::Bench:
        medius::app::runBenchCommand(commandLine.bench);
        return 0;
      case medius::app::CommandLine::Command::Rig:
        medius::app::runRigCommand(commandLine.rig);
        return 0;
      case medius::app::CommandLine::Command::Analyze:
        medius::app::runAnalyzeCommand(commandLine.analyze);
        return 0;
      case medius::app::CommandLine::Command::Quiz:
        medius::app::runQuizCommand(commandLine.quiz);
        return 0;
      case medius::app::CommandLine::Command::Viewer:
        return medius::app::runViewer(commandLine.viewer);
    }
  } catch (const medius::Error& error) {
    std::fprintf(stderr, "medius: %s\n", error.what());
    return kExitError;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "medius: unexpected error: %s\n", error.what());
    return kExitError;
  }
  return 0;
}
