#include "ui/lesson_panel.h"

#include "core/error.h"
#include "ui/lesson_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace medius::ui {
namespace {

const ImVec4 kErrorColor{1.0f, 0.45f, 0.4f, 1.0f};

// Runs an action that may fail; its message goes to the panel, and nothing else changes.
template <typename Action>
bool attempt(LessonPanel& panel, Action&& action) {
  try {
    action();
    panel.error.clear();
    return true;
  } catch (const Error& error) {
    panel.error = error.what();
    panel.status.clear();
    return false;
  }
}

void openLesson(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model, const std::filesystem::path& file,
                LessonPanelRequests& requests) {
  if (attempt(panel, [&] { editor.open(file, model); })) {
    panel.pathInput = file.string();
    panel.status = "Opened " + file.string();
    requests.used = file;
    if (!editor.lesson().steps.empty()) requests.showStep = 0;
  }
}

void drawFileControls(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model, const std::vector<std::filesystem::path>& recent,
                      LessonPanelRequests& requests) {
  if (ImGui::Button("New")) {
    if (editor.modified()) panel.pending = LessonPanel::Pending::New;
    else editor.newLesson();
  }
  ImGui::SameLine();
  if (ImGui::Button("Open")) {
    if (panel.pathInput.empty()) panel.error = "type the lesson file's path in the File field, or pick one below";
    else if (editor.modified()) {
      panel.pending = LessonPanel::Pending::Open;
      panel.pendingOpen = panel.pathInput;
    } else {
      openLesson(panel, editor, model, panel.pathInput, requests);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Save")) {
    if (!editor.path()) {
      if (attempt(panel, [&] { editor.saveAs(panel.pathInput); })) requests.used = editor.path();
    } else if (attempt(panel, [&] { editor.save(); })) {
      requests.used = editor.path();
    }
    if (panel.error.empty()) panel.status = "Saved " + editor.path()->string();
  }
  ImGui::SameLine();
  if (ImGui::Button("Save as")) {
    if (attempt(panel, [&] { editor.saveAs(panel.pathInput); })) {
      requests.used = editor.path();
      panel.status = "Saved " + editor.path()->string();
    }
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 2.5f);
  ImGui::InputTextWithHint("File", "lessons/my_lesson.json", &panel.pathInput);

  if (panel.pending != LessonPanel::Pending::None) {
    ImGui::TextColored(kErrorColor, "The lesson has unsaved changes.");  // New or Open waits for an answer
    if (ImGui::Button("Discard them")) {
      if (panel.pending == LessonPanel::Pending::New) editor.newLesson();
      else openLesson(panel, editor, model, panel.pendingOpen, requests);
      panel.pending = LessonPanel::Pending::None;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep editing")) panel.pending = LessonPanel::Pending::None;
  }

  if (ImGui::TreeNode("Examples and recent lessons")) {
    const auto listFiles = [&](const std::vector<std::filesystem::path>& files, const char* idPrefix) {
      for (const std::filesystem::path& file : files) {
        const std::string label = file.filename().string() + "##" + idPrefix + file.string();
        if (ImGui::Selectable(label.c_str(), panel.pathInput == file.string())) panel.pathInput = file.string();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nDouble click to open", file.string().c_str());
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0) && !editor.modified()) openLesson(panel, editor, model, file, requests);
      }
    };
    ImGui::TextDisabled("Examples");
    listFiles(panel.examples, "example");
    if (!recent.empty()) {
      ImGui::TextDisabled("Recent");
      listFiles(recent, "recent");
    }
    ImGui::TreePop();
  }
}

void drawSteps(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model, LessonPanelRequests& requests) {
  const std::vector<LessonStep>& steps = editor.lesson().steps;
  if (steps.empty()) ImGui::TextDisabled("No steps yet: set up a view, then add it.");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string label = std::to_string(i + 1) + ". " + steps[i].title + "##step" + std::to_string(i);
    if (ImGui::Selectable(label.c_str(), editor.selected() == i)) {
      editor.select(i);
      requests.showStep = i;
    }
  }
  if (ImGui::Button("Add this view as a step")) {
    attempt(panel, [&] { editor.addStep(captureLessonStep(state, model, editor.nextStepTitle())); });
    panel.status = "Added " + editor.lesson().steps[*editor.selected()].title;
  }
  const std::optional<std::size_t> selected = editor.selected();
  if (!selected || *selected >= steps.size()) return;
  const std::size_t index = *selected;
  ImGui::SameLine();
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) editor.moveUp(index);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the step up");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##down", ImGuiDir_Down)) editor.moveDown(index);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the step down");
  ImGui::SameLine();
  if (ImGui::Button("Delete")) {
    editor.remove(index);
    return;
  }

  ImGui::Separator();
  const std::size_t current = *editor.selected();
  std::string title = steps[current].title;
  if (ImGui::InputText("Title", &title)) editor.setStepTitle(current, title);
  std::string caption = steps[current].caption;
  if (ImGui::InputTextMultiline("Caption", &caption, ImVec2(-ImGui::GetFontSize() * 4.0f, ImGui::GetFontSize() * 5.0f)))
    editor.setStepCaption(current, caption);
  if (ImGui::Button("Show")) requests.showStep = current;
  ImGui::SameLine();
  if (ImGui::Button("Use this view")) attempt(panel, [&] { editor.replaceStepView(current, captureLessonStep(state, model, "")); });
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Replace the step's camera, visibility and motion with what the window shows");
  ImGui::SameLine();
  if (ImGui::Button("Present from here (F5)")) requests.presentFrom = current;
}

}  // namespace

std::vector<std::filesystem::path> exampleLessons(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
    if (it->path().extension() == ".json") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

LessonPanelRequests drawLessonPanel(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model,
                                    const std::vector<std::filesystem::path>& recent) {
  LessonPanelRequests requests;
  if (!panel.visible) return requests;
  // Bottom centre at first: the panel is on the left and a structure's card on the right.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = ImGui::GetFontSize() * 0.6f;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y - margin),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26.0f, 0.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.96f);
  if (ImGui::Begin("Lesson", &panel.visible)) {
    std::string title = editor.lesson().title;
    if (ImGui::InputText("Lesson title", &title)) editor.setTitle(title);
    ImGui::TextDisabled("%s%s", editor.path() ? editor.path()->string().c_str() : "not saved yet", editor.modified() ? " (modified)" : "");
    drawFileControls(panel, editor, model, recent, requests);
    ImGui::Separator();
    drawSteps(panel, editor, state, model, requests);
    if (!panel.error.empty()) {  // wrapped: the message names the file, the step and the field
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::TextWrapped("%s", panel.error.c_str());
      ImGui::PopStyleColor();
    } else if (!panel.status.empty()) {
      ImGui::TextWrapped("%s", panel.status.c_str());
    }
  }
  ImGui::End();
  return requests;
}

}  // namespace medius::ui
