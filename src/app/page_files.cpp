#include "app/page_files.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif

#include <string>

namespace medius::app {

#ifdef __EMSCRIPTEN__
namespace {

// The file's bytes from the page's file system, through a link with a download name, clicked.
// (JavaScript: clang-format would break its arrow functions.)
// clang-format off
EM_JS(int, pageDownload, (const char* path, const char* name, const char* type), {
  try {
    const bytes = FS.readFile(UTF8ToString(path));
    const url = URL.createObjectURL(new Blob([bytes], {type: UTF8ToString(type)}));
    const link = document.createElement("a");
    link.href = url;
    link.download = UTF8ToString(name);
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return 1;
  } catch (error) {
    return 0;
  }
});
// clang-format on

EM_JS(void, pageKeepFiles, (), {
  if (Module.keepFiles) Module.keepFiles();
});

}  // namespace

bool offerDownload(const std::filesystem::path& file, const char* mediaType) {
  const std::string path = file.string(), name = file.filename().string();
  return pageDownload(path.c_str(), name.c_str(), mediaType) != 0;
}

void keepPageFiles() { pageKeepFiles(); }
#else
bool offerDownload(const std::filesystem::path&, const char*) { return false; }

void keepPageFiles() {}
#endif

}  // namespace medius::app
