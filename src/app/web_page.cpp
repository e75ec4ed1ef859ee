#include "app/web_page.h"

#include "render/gl/gl_loader.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <nlohmann/json.hpp>

#include <string>

namespace medius::app {
namespace {

ViewerApp* pageApp = nullptr;
long framesShown = 0;
std::string answer;  // the last hook's text, valid until the next call

nlohmann::json structureId(const std::optional<anatomy::StructureHandle>& handle) {
  if (!handle || pageApp == nullptr) return nullptr;
  const anatomy::Structure* structure = pageApp->model().findStructure(*handle);
  return structure ? nlohmann::json(structure->id) : nlohmann::json(nullptr);
}

}  // namespace

void attachPage(ViewerApp& app) { pageApp = &app; }

void pageFrameShown() { ++framesShown; }

}  // namespace medius::app

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* medius_page_state() {
  using namespace medius::app;
  nlohmann::json state;
  state["frames"] = framesShown;
  if (pageApp != nullptr) {
    const medius::render::FrameSpec& spec = pageApp->lastFrameSpec();
    state["selected"] = structureId(spec.appearance.selected);
    state["hovered"] = structureId(spec.appearance.hovered);
    state["width"] = spec.width;
    state["height"] = spec.height;
    state["gl"] = medius::render::describeOpenGl();
  }
  answer = state.dump();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* medius_structure_pixel(const char* id) {
  using namespace medius::app;
  answer = "null";
  if (pageApp == nullptr || framesShown == 0) return answer.c_str();
  const medius::anatomy::Structure* structure = pageApp->model().findStructure(std::string(id));
  if (structure == nullptr) return answer.c_str();
  const medius::render::FrameSpec spec = pageApp->lastFrameSpec();
  const medius::render::IdImage ids = pageApp->renderer().renderStructureIds(spec);
  // The covered pixel nearest the structure's centroid (which a curved outline may leave outside it).
  const int wanted = static_cast<int>(structure->handle.value);
  long sumX = 0, sumY = 0, count = 0;
  for (int y = 0; y < ids.height; ++y)
    for (int x = 0; x < ids.width; ++x)
      if (ids.ids[static_cast<std::size_t>(y) * ids.width + x] == wanted) sumX += x, sumY += y, ++count;
  if (count == 0) return answer.c_str();
  const int centreX = static_cast<int>(sumX / count), centreY = static_cast<int>(sumY / count);
  int bestX = -1, bestY = -1;
  long bestDistance = -1;
  for (int y = 0; y < ids.height; ++y)
    for (int x = 0; x < ids.width; ++x) {
      if (ids.ids[static_cast<std::size_t>(y) * ids.width + x] != wanted) continue;
      const long distance = static_cast<long>(x - centreX) * (x - centreX) + static_cast<long>(y - centreY) * (y - centreY);
      if (bestDistance < 0 || distance < bestDistance) bestDistance = distance, bestX = x, bestY = y;
    }
  double cssWidth = 0.0, cssHeight = 0.0;
  emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
  nlohmann::json pixel;
  pixel["x"] = (bestX + 0.5) * cssWidth / ids.width;
  pixel["y"] = (bestY + 0.5) * cssHeight / ids.height;
  answer = pixel.dump();
  return answer.c_str();
}

}  // extern "C"
