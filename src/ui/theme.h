#pragma once
// How the interface looks: the normal dark style, and two high-contrast presentation themes that
// still read on a washed-out projector (dark: white on near black; light: black on white), with
// the 3D background to match. Fonts are baked at the display scale times the text scale setting,
// so large text stays sharp.
#include "render/structure_style.h"

#include <string_view>

struct ImFont;

namespace medius::ui {

enum class UiTheme { Normal, PresentationDark, PresentationLight };

// "dark" or "light" (Settings::presentationTheme) to its theme; anything else is dark.
UiTheme presentationTheme(std::string_view name);

struct UiFonts {
  ImFont* body = nullptr;     // panels
  ImFont* caption = nullptr;  // presentation caption text (twice the body size)
  ImFont* title = nullptr;    // presentation step title (bold where DejaVu Sans Bold is installed)
};

// Rebuilds ImGui's font atlas at `pixelScale` (display scale x text scale). The caller uploads it
// again (ImGui_ImplOpenGL3_CreateFontsTexture) when a renderer backend already has the old one.
UiFonts buildUiFonts(float pixelScale);

// Sets ImGui's colours and sizes for the theme at `pixelScale`, from a fresh default style.
void applyUiTheme(UiTheme theme, float pixelScale);

// The 3D background behind the model in this theme (sRGB): the renderer's default in Normal.
render::BackgroundStyle sceneBackground(UiTheme theme);

}  // namespace medius::ui
