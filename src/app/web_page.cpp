#include "app/web_page.h"

#include "app/opened_files.h"
#include "core/error.h"
#include "quiz/answer_sheet.h"
#include "quiz/quiz_session.h"
#include "render/gl/gl_loader.h"
#include "render/view_area.h"
#include "ui/item_probe.h"
#include "ui/lesson.h"
#include "ui/lesson_view.h"
#include "ui/view_link.h"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <glm/gtc/matrix_inverse.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace medius::app {
namespace {

ViewerApp* pageApp = nullptr;
long framesShown = 0;
std::string answer;       // the last hook's text, valid until the next call
std::string clipboard;    // what the page copied last (ImGui pastes it; the browser's clipboard cannot be read at once)
bool probing = false;     // medius_item_rect switched the item probe on
std::string linkAddress;  // medius_set_link_address's, given again to a new model's classroom

// Hands `text` to the page (index.html's Module.copyText, which puts it on the clipboard).
EM_JS(void, pageCopyText, (const char* text), {
  if (Module.copyText) Module.copyText(UTF8ToString(text));
});

EM_JS(void, pageChooseFiles, (), {
  if (Module.chooseFiles) Module.chooseFiles();
});

void setPageClipboard(void*, const char* text) {
  clipboard = text != nullptr ? text : "";
  pageCopyText(clipboard.c_str());
}

const char* pageClipboard(void*) { return clipboard.c_str(); }

// CSS pixels of the canvas per framebuffer pixel (1 unless the canvas is scaled).
double cssPerPixel() {
  double cssWidth = 0.0, cssHeight = 0.0;
  emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
  const int width = pageApp != nullptr ? pageApp->lastFrameSpec().width : 0;
  return width > 0 && cssWidth > 0.0 ? cssWidth / width : 1.0;
}

nlohmann::json structureId(const std::optional<anatomy::StructureHandle>& handle) {
  if (!handle || pageApp == nullptr) return nullptr;
  const anatomy::Structure* structure = pageApp->model().findStructure(*handle);
  return structure ? nlohmann::json(structure->id) : nlohmann::json(nullptr);
}

// Whether a window of the panels covers pixel (x, y) of the framebuffer (a click there is the window's).
bool underWindow(int x, int y) {
  const ImGuiContext* context = ImGui::GetCurrentContext();
  if (context == nullptr) return false;
  const ImVec2 pixel(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
  for (const ImGuiWindow* window : context->Windows)
    if (window->WasActive && !window->Hidden && (window->Flags & ImGuiWindowFlags_ChildWindow) == 0 &&
        window->Rect().Contains(pixel))
      return true;
  return false;
}

// Whether `handle` covers pixel (x, y) and the eight around it (not an edge, where a click may miss).
bool coversAround(const medius::render::IdImage& ids, int x, int y, medius::anatomy::StructureHandle handle) {
  if (x < 1 || y < 1 || x + 1 >= ids.width || y + 1 >= ids.height) return false;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx)
      if (ids.handleAt(x + dx, y + dy) != handle) return false;
  return true;
}

}  // namespace

void attachPage(ViewerApp& app) {
  pageApp = &app;
  EM_ASM({
    if (Module.pageReady) Module.pageReady();
  });
}

void usePageClipboard() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = setPageClipboard;
  io.GetClipboardTextFn = pageClipboard;
  io.ClipboardUserData = nullptr;
}

void chooseFilesInPage() { pageChooseFiles(); }

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
    state["detailLevel"] = pageApp->renderer().lastDetailLevel();  // the level the last frame drew (render/detail_levels.h)
    state["model"] = pageApp->model().name;
    state["structures"] = nlohmann::json::array();
    for (const medius::anatomy::Structure& structure : pageApp->model().structures) state["structures"].push_back(structure.id);
    const medius::app::Classroom& classroom = pageApp->classroom();
    const std::optional<std::size_t> shown = classroom.shownStep();
    state["lesson"] = {{"title", classroom.lesson().title},
                       {"steps", classroom.lesson().steps.size()},
                       {"shown", shown ? nlohmann::json(*shown) : nlohmann::json(nullptr)},
                       {"status", classroom.lessonStatus()}};
    try {  // the view shown, as Copy link would write it
      state["view"] = medius::ui::viewLinkOf(medius::ui::captureLessonStep(pageApp->state(), pageApp->model(), "Shared view"));
    } catch (const medius::Error&) {
      state["view"] = nullptr;
    }
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

EMSCRIPTEN_KEEPALIVE const char* medius_open_view_link(const char* link) {
  using namespace medius::app;
  answer.clear();
  if (pageApp == nullptr) return answer.c_str();
  // The desktop's checks and messages (viewer_window.cpp, --view-link); nothing changes until both pass.
  const std::string where = "the view link in the address";
  try {
    const medius::ui::LessonStep step = medius::ui::parseViewLink(link != nullptr ? link : "", where);
    medius::ui::checkLessonStep(step, pageApp->model(), where);
    pageApp->showLinkedView(step);
  } catch (const medius::Error& error) {
    answer = std::string("medius: ") + error.what();
  }
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* medius_link_view(const char* link) {
  using namespace medius::app;
  try {
    answer = medius::ui::lessonStepToJson(medius::ui::parseViewLink(link != nullptr ? link : "", "link"));
  } catch (const medius::Error&) {
    answer = "null";
  }
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void medius_set_link_address(const char* address) {
  if (address != nullptr) medius::app::linkAddress = address;
  if (medius::app::pageApp != nullptr) medius::app::pageApp->classroom().setLinkAddress(medius::app::linkAddress);
}

EMSCRIPTEN_KEEPALIVE void medius_clipboard_refused() {
  if (medius::app::pageApp != nullptr) medius::app::pageApp->classroom().clipboardRefused();
}

EMSCRIPTEN_KEEPALIVE const char* medius_open_files(const char* folder) {
  using namespace medius::app;
  answer.clear();
  if (pageApp == nullptr || folder == nullptr) return answer.c_str();
  try {
    const OpenedFiles opened = classifyOpenedFiles(folder);
    const double now = glfwGetTime();
    if (opened.kind == OpenedKind::Lesson) {
      answer = pageApp->classroom().openLessonFile(opened.path);
    } else if (opened.kind == OpenedKind::Quiz) {
      answer = pageApp->classroom().openQuizFile(opened.path, pageApp->state(), now);
    } else {
      answer = pageApp->openModel(opened.path, now);
      if (answer.empty()) pageApp->classroom().setLinkAddress(linkAddress);  // the new model's classroom
    }
  } catch (const medius::Error& error) {
    answer = error.what();
  }
  if (!answer.empty()) answer = "medius: " + answer;
  pageApp->requestRedraw();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* medius_item_rect(const char* name) {
  using namespace medius::app;
  answer = "null";
  if (!probing) {
    medius::ui::enableItemProbe(true);
    probing = true;
    if (pageApp != nullptr) pageApp->requestRedraw();
  }
  const std::optional<medius::ui::ProbedItem> item = medius::ui::probedItem(name != nullptr ? name : "");
  if (!item || !item->visible || item->frame < ImGui::GetFrameCount() - 1) return answer.c_str();
  const double scale = cssPerPixel();
  nlohmann::json rect;
  rect["x"] = item->minX * scale;
  rect["y"] = item->minY * scale;
  rect["width"] = (item->maxX - item->minX) * scale;
  rect["height"] = (item->maxY - item->minY) * scale;
  answer = rect.dump();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* medius_quiz_state() {
  using namespace medius::app;
  nlohmann::json state;
  state["visible"] = false;
  if (pageApp != nullptr) {
    const medius::ui::QuizPanel& panel = pageApp->classroom().quizPanel();
    state["visible"] = panel.visible;
    if (const medius::quiz::QuizSession* session = panel.session.get()) {
      state["title"] = session->title();
      state["count"] = session->count();
      state["finished"] = session->finished();
      state["score"] = session->score().right;
      state["revealed"] = session->revealed();
      const medius::quiz::QuestionResult* result = session->lastResult();
      state["outcome"] = result ? nlohmann::json(medius::quiz::toString(result->outcome)) : nlohmann::json(nullptr);
      state["why"] = result ? result->why : std::string();
      if (const medius::quiz::Question* question = session->current()) {
        state["question"] = session->position() + 1;
        state["kind"] = medius::quiz::toString(question->kind);
        state["prompt"] = question->prompt;
        state["right"] = question->answerText;
        state["choices"] = nlohmann::json::array();
        for (const medius::quiz::Choice& choice : question->choices) state["choices"].push_back(choice.text);
      }
    }
  }
  answer = state.dump();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* medius_quiz_find_pixel() {
  using namespace medius;
  using app::pageApp;
  app::answer = "null";
  if (pageApp == nullptr || app::framesShown == 0) return app::answer.c_str();
  const quiz::QuizSession* session = pageApp->classroom().quizPanel().session.get();
  const quiz::Question* question = session != nullptr ? session->current() : nullptr;
  if (question == nullptr || question->kind != quiz::QuestionKind::Find || session->revealed()) return app::answer.c_str();
  const anatomy::Model& model = pageApp->model();
  const render::FrameSpec spec = pageApp->lastFrameSpec();
  const render::IdImage ids = pageApp->renderer().renderStructureIds(spec);
  const glm::mat4 viewProjection = render::viewAreaProjection(spec.camera, spec.width, spec.height,
                                                              render::effectiveViewArea(spec.viewArea, spec.width, spec.height),
                                                              render::TileRect{0, 0, spec.width, spec.height}) *
                                   spec.camera.view();
  // The region's points as the view shows them (posed); each candidate checked by the surface
  // point the page's own picking reads under it, as a click would be.
  int tries = 0;
  for (const quiz::FindRegion& region : question->regions) {
    const anatomy::Structure* bone = model.findStructure(region.structure);
    if (bone == nullptr) continue;
    const glm::mat4 neutral = model.neutralSegmentTransform(bone->segment);
    const glm::mat4 posed = spec.pose ? spec.pose->segments.of(bone->segment) : neutral;
    const glm::mat4 toShown = posed * glm::affineInverse(neutral), toNeutral = neutral * glm::affineInverse(posed);
    for (const glm::vec3& point : region.points) {
      const std::optional<glm::vec2> pixel =
          render::projectToFrame(viewProjection, glm::vec3(toShown * glm::vec4(point, 1.0f)), spec.width, spec.height);
      if (!pixel) continue;
      const int x = static_cast<int>(pixel->x), y = static_cast<int>(pixel->y);
      if (!app::coversAround(ids, x, y, bone->handle) || app::underWindow(x, y)) continue;
      if (++tries > 80) return app::answer.c_str();
      const std::optional<glm::vec3> shown = pageApp->renderer().surfacePointUnder(x, spec.height - 1 - y);
      if (!shown || quiz::distanceToRegions(*question, glm::vec3(toNeutral * glm::vec4(*shown, 1.0f)), region.structure) > 0.002)
        continue;
      const double scale = app::cssPerPixel();
      nlohmann::json found;
      found["x"] = (x + 0.5) * scale;
      found["y"] = (y + 0.5) * scale;
      app::answer = found.dump();
      return app::answer.c_str();
    }
  }
  return app::answer.c_str();
}

}  // extern "C"
