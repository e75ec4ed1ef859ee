#include "ui/item_probe.h"

#include <imgui.h>

#include <unordered_map>

namespace medius::ui {
namespace {

bool probing = false;

std::unordered_map<std::string, ProbedItem>& items() {
  static std::unordered_map<std::string, ProbedItem> registry;
  return registry;
}

}  // namespace

void enableItemProbe(bool on) { probing = on; }

void probeItem(const char* name, const char* detail) {
  if (!probing) return;
  std::string key = name;
  if (detail) key += std::string("/") + detail;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const ImVec2 windowMin = ImGui::GetWindowPos();
  const ImVec2 windowSize = ImGui::GetWindowSize();
  items()[key] = {min.x,
                  min.y,
                  max.x,
                  max.y,
                  windowMin.x,
                  windowMin.y,
                  windowMin.x + windowSize.x,
                  windowMin.y + windowSize.y,
                  ImGui::IsItemVisible(),
                  ImGui::GetFrameCount()};
}

std::optional<ProbedItem> probedItem(const std::string& name) {
  const auto found = items().find(name);
  if (found == items().end()) return std::nullopt;
  return found->second;
}

void clearProbedItems() { items().clear(); }

}  // namespace medius::ui
