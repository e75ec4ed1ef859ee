#pragma once
// The real viewer (app::ViewerApp: panels, card, classroom, renderer) in a headless EGL context,
// driven like a person drives the window: synthetic mouse and keys at the ImGui level, one frame
// at a time, with a press held across frames as a real click (about 100 ms) is.
//
//   WindowHarness window(1280, 720);
//   window.selectComboItem("Motion menu", "Clamshell");
//   window.clickWidget("Origins and insertions");
//   render::Image view = window.view();    // the 3D view of the last frame (without ImGui)
//
// Widgets are found by the names panels give them with ui::probeItem (src/ui/item_probe.h);
// windows by their ImGui name (imgui_internal.h). Settings and the layout go to a temporary
// XDG_CONFIG_HOME, removed afterwards.
#include "app/headless_context.h"
#include "app/model_choice.h"
#include "app/viewer_app.h"
#include "support/temp_dir.h"
#include "ui/item_probe.h"
#include "ui/view_link.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace medius::test {

class WindowHarness {
 public:
  // `settingsJson`: the settings file the window finds at start (none when empty).
  WindowHarness(int width, int height, app::ViewerOptions options = {}, const std::string& settingsJson = "")
      : width_(width), height_(height) {
    setenv("XDG_CONFIG_HOME", config_.path().c_str(), 1);
    if (!settingsJson.empty()) {
      std::filesystem::create_directories(config_.path() / "medius");
      std::ofstream(config_.path() / "medius" / "settings.json") << settingsJson;
    }
    context_ = std::make_unique<app::HeadlessContext>();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    mapKeys(io);
    ui::enableItemProbe(true);
    app::ViewerHost host;
    host.toggleFullscreen = [this] { return fullscreen_ = !fullscreen_; };
    host.quit = [this] { quitAsked = true; };
    host.setTitle = [this](const std::string& text) { title = text; };
    app_ = std::make_unique<app::ViewerApp>(app::loadChosenModel(options.model), options, 1.0f, glm::ivec2(width, height),
                                            std::move(host));
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (options.viewLink) app_->showLinkedView(ui::parseViewLink(*options.viewLink, "--view-link"));  // as runViewer does
    frames(3);  // windows take their size in their first frames
  }

  ~WindowHarness() {
    app_.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    ui::enableItemProbe(false);
    ui::clearProbedItems();
  }

  WindowHarness(const WindowHarness&) = delete;
  WindowHarness& operator=(const WindowHarness&) = delete;

  app::ViewerApp& app() { return *app_; }
  ui::ViewState& state() { return app_->state(); }
  double now() const { return now_; }

  // One frame, 1/30 s after the last one (the time the app and ImGui see).
  void frame() {
    now_ += 1.0 / 30.0;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 30.0f;
    app_->frame(now_, width_, height_);
  }
  void frames(int count) {
    for (int i = 0; i < count; ++i) frame();
  }

  void resize(int width, int height) {
    width_ = width;
    height_ = height;
    app_->requestRedraw();
  }

  // The pointer moves to a pixel of the window (ImGui and the app both see it).
  void moveTo(float x, float y) {
    ImGui::GetIO().MousePos = ImVec2(x, y);
    app_->cursorMoved({x, y}, now_);
  }
  // The pointer leaves the window.
  void leave() {
    ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    app_->cursorLeft();
  }
  void press(int button = 0) {
    ImGui::GetIO().MouseDown[button] = true;
    app_->mouseButton(button, true, now_);
  }
  void release(int button = 0) {
    ImGui::GetIO().MouseDown[button] = false;
    app_->mouseButton(button, false, now_);
  }
  // A click as a hand makes it: moved there, a frame, pressed for three frames (100 ms), released.
  void clickAt(float x, float y, int button = 0) {
    moveTo(x, y);
    frame();
    press(button);
    frames(3);
    release(button);
    frames(3);  // a popup or window it opens is sized, then drawn
  }
  // Move onto a widget and click its centre; fails the test when it was not drawn in the last frame.
  void clickWidget(const std::string& name) {
    reveal(name);
    const std::optional<ImVec2> centre = widgetCentre(name);
    ASSERT_TRUE(centre) << "widget '" << name << "' not on the screen";
    clickAt(centre->x, centre->y);
  }
  // Opens a menu (combo) and picks an entry by its label.
  void selectComboItem(const std::string& menu, const std::string& entry) {
    clickWidget(menu);
    clickWidget(menu + "/" + entry);
  }
  void scroll(float x, float y, float steps) {
    moveTo(x, y);
    frame();
    ImGui::GetIO().MouseWheel += steps;
    app_->scroll(steps);
    frames(2);
  }

  // A key pressed and released (GLFW key code, GLFW_MOD_* bits), seen by ImGui and the app.
  void pressKey(int key, int mods = 0) {
    ImGuiIO& io = ImGui::GetIO();
    setModifiers(io, mods);
    io.KeysDown[key] = true;
    app_->key(key, mods, true, now_);
    frame();
    io.KeysDown[key] = false;
    app_->key(key, mods, false, now_);
    setModifiers(io, 0);
    frames(2);
  }
  void typeText(const std::string& text) {
    for (char c : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    frames(2);
  }

  // Scrolls the window holding a widget (the wheel over it) until the widget is inside it; true
  // when it is on the screen then.
  bool reveal(const std::string& name) {
    for (int i = 0; i < 40 && !widgetCentre(name); ++i) {
      const std::optional<ui::ProbedItem> item = ui::probedItem(name);
      if (!item || item->frame != ImGui::GetFrameCount()) return false;  // not drawn at all (a closed section or menu)
      const float below = item->maxY - item->windowMaxY;
      scroll((item->windowMinX + item->windowMaxX) * 0.5f, (item->windowMinY + item->windowMaxY) * 0.5f,
             below > 0 ? -2.0f : 2.0f);
    }
    return widgetCentre(name).has_value();
  }

  // Where a probed widget is, when it was drawn (and not clipped) in the last frame.
  std::optional<ImVec2> widgetCentre(const std::string& name) const {
    const std::optional<ui::ProbedItem> item = ui::probedItem(name);
    if (!item || !item->visible || item->frame != ImGui::GetFrameCount()) return std::nullopt;
    const ImVec2 centre((item->minX + item->maxX) * 0.5f, (item->minY + item->maxY) * 0.5f);
    // Half under the title bar or the bottom edge is not clickable there.
    if (centre.y < item->windowMinY + ImGui::GetFrameHeight() || centre.y > item->windowMaxY - 4.0f) return std::nullopt;
    return centre;
  }
  // An ImGui window that was drawn in the last frame, by its name ("Medius", "###info", ...).
  static ImGuiWindow* shownWindow(const char* name) {
    ImGuiWindow* window = ImGui::FindWindowByName(name);
    return window && window->WasActive && !window->Hidden ? window : nullptr;
  }
  // The centre of a window's close button (the x in its title bar).
  static ImVec2 closeButton(const ImGuiWindow& window) {
    const ImRect bar = window.TitleBarRect();
    return ImVec2(bar.Max.x - ImGui::GetStyle().FramePadding.x - ImGui::GetFontSize() * 0.5f, bar.GetCenter().y);
  }

  // The 3D view of the last frame (ImGui is drawn over it in the window, not in this image).
  render::Image view() const { return app_->renderer().readOffscreen(); }

  bool quitAsked = false;
  std::string title;

 private:
  static void mapKeys(ImGuiIO& io) {  // as ImGui's GLFW backend maps them
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
  }
  static void setModifiers(ImGuiIO& io, int mods) {
    io.KeyCtrl = (mods & GLFW_MOD_CONTROL) != 0;
    io.KeyShift = (mods & GLFW_MOD_SHIFT) != 0;
    io.KeyAlt = (mods & GLFW_MOD_ALT) != 0;
  }

  TempDir config_;
  int width_;
  int height_;
  double now_ = 1.0;
  bool fullscreen_ = false;
  std::unique_ptr<app::HeadlessContext> context_;
  std::unique_ptr<app::ViewerApp> app_;
};

}  // namespace medius::test
