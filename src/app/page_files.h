#pragma once
// The page's files (the browser build). Every file the program writes lives in the page's memory:
// what the person asked to save (the quiz results' CSV) is offered as a download under its own
// name, and the settings folder (quiz progress, recent lessons, view options, the panels' layout)
// is kept in the browser's storage (IndexedDB), which web/index.html mounts there and reads back
// before the viewer starts. On the desktop the files are on the disk already and these do nothing.
#include <filesystem>

namespace medius::app {

// Offers `file` (already written) as a download with the given media type ("text/csv").
// Returns whether it was offered: false on the desktop, or where the page could not read it.
bool offerDownload(const std::filesystem::path& file, const char* mediaType);

// Writes what changed in the settings folder to the browser's storage, in the background
// (index.html's Module.keepFiles: one write at a time, a later request runs after it).
void keepPageFiles();

}  // namespace medius::app
