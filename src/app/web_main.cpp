// The page's entry point (the browser build): the viewer, with the command line's view options
// taken from the page's address (web/index.html passes "?select=gluteus_medius_r&view=lateral"
// as "--select gluteus_medius_r --view lateral"). The page has no headless commands: render,
// bench, rig and analyze are the desktop program's. Errors are shown in the page by index.html,
// which reads what this writes to the standard error.
#include "app/command_line.h"
#include "app/model_choice.h"
#include "app/viewer_window.h"
#include "core/error.h"
#include "core/log.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  try {
    const medius::app::CommandLine commandLine = medius::app::parseCommandLine(argc, argv);
    if (commandLine.verbose) medius::core::setLogLevel(medius::core::LogLevel::Info);
    medius::app::setRigChoice(commandLine.rigChoice);
    if (commandLine.command == medius::app::CommandLine::Command::Viewer) return medius::app::runViewer(commandLine.viewer);
    if (commandLine.command == medius::app::CommandLine::Command::PrintAndExit) {
      std::fputs(commandLine.text.c_str(), stdout);
      return 0;
    }
    std::fprintf(stderr,
                 "medius: only the viewer runs in the browser; render, bench, rig and analyze are the desktop program's\n");
  } catch (const medius::Error& error) {
    std::fprintf(stderr, "medius: %s\n", error.what());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "medius: unexpected error: %s\n", error.what());
  }
  return 2;
}
