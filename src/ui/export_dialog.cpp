#include "ui/export_dialog.h"

#include "render/tiling.h"
#include "ui/item_probe.h"
#include "ui/key_bindings.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>

namespace medius::ui {
namespace {

constexpr std::array kSizes = {ExportSize::Window, ExportSize::FullHd, ExportSize::Uhd4k, ExportSize::Uhd8k, ExportSize::Custom};

// A key of the dialog's own bindings (key_bindings.h, KeyContext::ExportDialog) was pressed.
// ImGui knows only a few keys by name: those the dialog's bindings use.
bool dialogKeyPressed(KeyAction action) {
  for (const KeyBinding& binding : keyBindings()) {
    if (binding.context != KeyContext::ExportDialog || binding.action != action) continue;
    const ImGuiKey key = binding.key == "Esc" ? ImGuiKey_Escape : binding.key == "Enter" ? ImGuiKey_Enter : ImGuiKey_COUNT;
    if (key != ImGuiKey_COUNT && ImGui::IsKeyPressed(ImGui::GetKeyIndex(key))) return true;
  }
  return false;
}

void sizeChoice(const char* label, ExportSize& size, PixelSize window) {
  if (!ImGui::BeginCombo(label, exportSizeName(size, window).c_str())) return;
  for (ExportSize choice : kSizes)
    if (ImGui::Selectable(exportSizeName(choice, window).c_str(), choice == size)) size = choice;
  ImGui::EndCombo();
}

void drawImageTab(ExportDialog& dialog, PixelSize window, ExportRequests& requests) {
  ImageExportOptions& image = dialog.image;
  sizeChoice("Size", image.size, window);
  if (image.size == ExportSize::Custom) {
    int size[2] = {image.customWidth, image.customHeight};
    if (ImGui::InputInt2("Width, height", size)) {  // clamped when used, and said so below
      image.customWidth = size[0];
      image.customHeight = size[1];
    }
    const PixelSize clamped = exportPixelSize(ExportSize::Custom, image.customWidth, image.customHeight, window);
    if (clamped.width != image.customWidth || clamped.height != image.customHeight)
      ImGui::TextDisabled("Each side from 1 to %d pixels: %d x %d", render::kMaxImageSide, clamped.width, clamped.height);
  }
  ImGui::Checkbox("Transparent background", &image.transparent);
  ImGui::Checkbox("Labels", &image.labels);
  ImGui::SameLine();
  ImGui::Checkbox("Legend", &image.legend);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The activation colour scale, when the muscles are shaded by activation");
  ImGui::SameLine();
  ImGui::BeginDisabled(!dialog.hasCaption);
  ImGui::Checkbox("Caption", &image.caption);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(dialog.hasCaption ? "The lesson step's title and caption along the bottom"
                                        : "Show a lesson step to caption it");
  ImGui::SliderFloat("Text scale", &image.textScale, 0.25f, 8.0f, "%.2fx",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  const PixelSize pixels = exportPixelSize(image.size, image.customWidth, image.customHeight, window);
  const std::string label = "Export " + std::to_string(pixels.width) + " x " + std::to_string(pixels.height) + " PNG";
  if (ImGui::Button(label.c_str())) {
    requests.image = true;
    ImGui::CloseCurrentPopup();
  }
}

void drawAnimationTab(ExportDialog& dialog, PixelSize window, ExportRequests& requests) {
  AnimationExportOptions& animation = dialog.animation;
  if (!dialog.hasMotion) {
    ImGui::TextWrapped("Choose a motion in the panel's Motion section first: the animation is one loop of it.");
    return;
  }
  int format = static_cast<int>(animation.format);
  ImGui::RadioButton("PNG sequence", &format, static_cast<int>(AnimationFormat::PngSequence));
  ImGui::BeginDisabled(!dialog.ffmpegAvailable);
  ImGui::SameLine();
  ImGui::RadioButton("MP4", &format, static_cast<int>(AnimationFormat::Mp4));
  ImGui::SameLine();
  ImGui::RadioButton("GIF", &format, static_cast<int>(AnimationFormat::Gif));
  ImGui::EndDisabled();
  animation.format = static_cast<AnimationFormat>(format);
  if (dialog.inPage)
    ImGui::TextDisabled("In the browser the frames download as one zip of PNGs; MP4 and GIF need ffmpeg, in the desktop program");
  else if (!dialog.ffmpegAvailable)
    ImGui::TextDisabled("MP4 and GIF need ffmpeg (Debian: apt install ffmpeg)");
  sizeChoice("Size##animation", animation.size, window);
  ImGui::SliderInt("Frames", &animation.frames, 2, 600, "%d", ImGuiSliderFlags_AlwaysClamp);
  probeItem("Export", "Frames");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Over one loop of the motion; a video plays it at its real speed");
  ImGui::BeginDisabled(animation.format != AnimationFormat::PngSequence);
  ImGui::Checkbox("Transparent background##animation", &animation.transparent);
  ImGui::EndDisabled();
  const bool exportClicked = ImGui::Button("Export animation");
  probeItem("Export", "Export animation");
  if (exportClicked) {
    requests.animation = true;
    ImGui::CloseCurrentPopup();
  }
}

}  // namespace

ExportRequests drawExportDialog(ExportDialog& dialog, std::string& folder, PixelSize window) {
  ExportRequests requests;
  if (dialog.openRequested) {
    ImGui::OpenPopup("Export");
    dialog.openRequested = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return requests;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
  if (ImGui::InputTextWithHint("Folder", "the current folder", &folder)) requests.folderChanged = true;
  if (ImGui::BeginTabBar("what")) {
    if (ImGui::BeginTabItem("Image")) {
      drawImageTab(dialog, window, requests);
      ImGui::EndTabItem();
    }
    const bool animationTab = ImGui::BeginTabItem("Animation");
    probeItem("Export", "Animation");
    if (animationTab) {
      drawAnimationTab(dialog, window, requests);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::Separator();
  if (ImGui::Button("Close") || dialogKeyPressed(KeyAction::CloseDialog)) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return requests;
}

}  // namespace medius::ui
