#include "ui/theme.h"

#include "core/log.h"
#include "core/paths.h"

#include <imgui.h>

namespace medius::ui {
namespace {

// 18 px at scale 1 reads from the back of a lecture hall on a full-screen window (ImGui's default
// is 13 px); presentation captions are twice that, titles a little more.
constexpr float kBodyPixels = 18.0f;
constexpr float kCaptionPixels = 36.0f;
constexpr float kTitlePixels = 44.0f;

ImFont* addFont(const std::filesystem::path& file, float pixels) {
  ImGuiIO& io = ImGui::GetIO();
  if (ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), pixels)) return font;
  ImFontConfig config;
  config.SizePixels = pixels;
  return io.Fonts->AddFontDefault(&config);
}

void setColors(ImGuiStyle& style, const ImVec4& text, const ImVec4& window, const ImVec4& frame, const ImVec4& accent) {
  ImVec4* colors = style.Colors;
  colors[ImGuiCol_Text] = text;
  colors[ImGuiCol_WindowBg] = window;
  colors[ImGuiCol_PopupBg] = window;
  colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  colors[ImGuiCol_Border] = text;
  colors[ImGuiCol_FrameBg] = frame;
  colors[ImGuiCol_Button] = frame;
  colors[ImGuiCol_Header] = frame;
  colors[ImGuiCol_ButtonHovered] = accent;
  colors[ImGuiCol_HeaderHovered] = accent;
  colors[ImGuiCol_FrameBgHovered] = accent;
  colors[ImGuiCol_CheckMark] = text;
  colors[ImGuiCol_SliderGrab] = text;
}

}  // namespace

UiTheme presentationTheme(std::string_view name) {
  return name == "light" ? UiTheme::PresentationLight : UiTheme::PresentationDark;
}

UiFonts buildUiFonts(float pixelScale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  UiFonts fonts;
  const std::optional<std::filesystem::path> regular = core::findUiFont();
  if (!regular) {
    core::logWarning("DejaVu Sans not found (Debian: fonts-dejavu-core); using ImGui's built-in font");
    ImFontConfig config;
    config.SizePixels = 13.0f * pixelScale;
    fonts.body = io.Fonts->AddFontDefault(&config);
    config.SizePixels = 26.0f * pixelScale;
    fonts.caption = fonts.title = io.Fonts->AddFontDefault(&config);
    return fonts;
  }
  std::filesystem::path bold = regular->parent_path() / "DejaVuSans-Bold.ttf";
  std::error_code error;
  if (!std::filesystem::is_regular_file(bold, error)) bold = *regular;
  fonts.body = addFont(*regular, kBodyPixels * pixelScale);  // the first font is ImGui's default
  fonts.caption = addFont(*regular, kCaptionPixels * pixelScale);
  fonts.title = addFont(bold, kTitlePixels * pixelScale);
  return fonts;
}

void applyUiTheme(UiTheme theme, float pixelScale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  switch (theme) {
    case UiTheme::Normal:
      ImGui::StyleColorsDark();
      break;
    case UiTheme::PresentationDark:
      ImGui::StyleColorsDark();
      setColors(style, ImVec4(1, 1, 1, 1), ImVec4(0, 0, 0, 0.92f), ImVec4(0.2f, 0.2f, 0.2f, 1), ImVec4(0.35f, 0.35f, 0.1f, 1));
      break;
    case UiTheme::PresentationLight:
      ImGui::StyleColorsLight();
      setColors(style, ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 0.95f), ImVec4(0.85f, 0.85f, 0.85f, 1), ImVec4(1.0f, 0.85f, 0.3f, 1));
      break;
  }
  // Opaque windows: text over the model or over another window never shows through.
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;
  style.Colors[ImGuiCol_PopupBg].w = 1.0f;
  style.WindowRounding = theme == UiTheme::Normal ? 6.0f : 0.0f;
  style.FrameRounding = 4.0f;
  style.WindowPadding = ImVec2(12, 10);
  style.ItemSpacing = ImVec2(8, 7);
  style.WindowBorderSize = theme == UiTheme::Normal ? 1.0f : 0.0f;
  style.ScaleAllSizes(pixelScale);
}

render::BackgroundStyle sceneBackground(UiTheme theme) {
  switch (theme) {
    case UiTheme::PresentationDark:
      return {{0.06f, 0.06f, 0.07f}, {0.0f, 0.0f, 0.0f}};
    case UiTheme::PresentationLight:
      return {{1.0f, 1.0f, 1.0f}, {0.88f, 0.89f, 0.91f}};
    case UiTheme::Normal:
      break;
  }
  return render::defaultBackground();
}

}  // namespace medius::ui
