#include "ui/lesson_panel.h"

#include "core/error.h"
#include "ui/item_probe.h"
#include "ui/lesson_view.h"
#include "ui/panel_attempt.h"
#include "ui/right_edge_window.h"
#include "ui/view_link.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace medius::ui {
namespace {

const ImVec4 kErrorColor{1.0f, 0.45f, 0.4f, 1.0f};

// What Copy link copies: the bare link on the desktop, the page's address with it in the browser.
std::string sharedLink(const LessonPanel& panel, const std::string& link) {
  return panel.linkAddress.empty() ? link : panel.linkAddress + "#" + link;
}

void openLesson(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model, const std::filesystem::path& file,
                LessonPanelRequests& requests) {
  if (!attempt(panel, [&] { editor.open(file, model); })) return;
  requests.used = file;
  if (!editor.lesson().steps.empty()) requests.showStep = 0;
  if (editor.isProtected(file)) {
    // An example is never overwritten: the file field already holds where the user's copy goes.
    panel.pathInput = (userLessonFolder() / file.filename()).string();
    panel.status = "Opened the example '" + exampleName(file) +
                   "'. Examples are never overwritten: Save as... writes your copy to " + panel.pathInput +
                   " (or type another name in File).";
  } else {
    panel.pathInput = file.string();
    panel.status = "Opened " + file.string();
  }
}

// Opens now, or after "discard changes?" when the lesson has unsaved changes.
void requestOpen(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model, const std::filesystem::path& file,
                 LessonPanelRequests& requests) {
  if (editor.modified()) {
    panel.pending = LessonPanel::Pending::Open;
    panel.pendingOpen = file;
  } else {
    openLesson(panel, editor, model, file, requests);
  }
}

void saveNow(LessonPanel& panel, LessonEditor& editor, const std::filesystem::path& file, bool createFolder,
             LessonPanelRequests& requests) {
  if (attempt(panel, [&] { editor.saveAs(file, createFolder); })) {
    requests.used = editor.path();
    requests.saved = editor.path();
    panel.status = "Saved " + editor.path()->string();
  }
}

// Save as `target`: never over an example (the user's folder is offered instead), and a missing
// folder only after "Create folder X?".
void saveTo(LessonPanel& panel, LessonEditor& editor, const std::filesystem::path& target, LessonPanelRequests& requests) {
  if (target.empty()) {
    panel.pathInput = (userLessonFolder() / "my_lesson.json").string();
    panel.error = "Type the file name in File (suggested: " + panel.pathInput + "), then Save as... again.";
    panel.status.clear();
  } else if (editor.isProtected(target)) {
    panel.pathInput = (userLessonFolder() / target.filename()).string();
    panel.error = target.string() + " is an example lesson and is never overwritten. File now says " + panel.pathInput +
                  ": Save as... again to save your copy there, or type another name.";
    panel.status.clear();
  } else if (const std::optional<std::filesystem::path> folder = missingFolder(target)) {
    panel.pending = LessonPanel::Pending::CreateFolder;
    panel.pendingSave = target;
  } else {
    saveNow(panel, editor, target, false, requests);
  }
}

void drawMessages(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model, LessonPanelRequests& requests) {
  if (!panel.error.empty()) {  // wrapped: the message names the file, the step and the field
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", panel.error.c_str());
    ImGui::PopStyleColor();
  } else if (!panel.status.empty()) {
    ImGui::TextWrapped("%s", panel.status.c_str());
  }
  if (panel.pending == LessonPanel::Pending::CreateFolder) {
    const std::optional<std::filesystem::path> folder = missingFolder(panel.pendingSave);
    const std::string name = (folder ? *folder : panel.pendingSave.parent_path()).string();
    ImGui::TextColored(kErrorColor, "Create folder %s?", name.c_str());
    if (ImGui::Button("Create and save")) {
      saveNow(panel, editor, panel.pendingSave, true, requests);
      panel.pending = LessonPanel::Pending::None;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel##folder")) panel.pending = LessonPanel::Pending::None;
  } else if (panel.pending != LessonPanel::Pending::None) {
    ImGui::TextColored(kErrorColor, "The lesson has unsaved changes.");  // New or Open waits for an answer
    if (ImGui::Button("Discard them")) {
      if (panel.pending == LessonPanel::Pending::New)
        editor.newLesson();
      else
        openLesson(panel, editor, model, panel.pendingOpen, requests);
      panel.pending = LessonPanel::Pending::None;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep editing")) panel.pending = LessonPanel::Pending::None;
  }
}

void drawFileControls(LessonPanel& panel, LessonEditor& editor, const anatomy::Model& model,
                      const std::vector<std::filesystem::path>& recent, LessonPanelRequests& requests) {
  const bool newClicked = ImGui::Button("New");
  probeItem("Lesson", "New");
  if (newClicked) {
    if (editor.modified())
      panel.pending = LessonPanel::Pending::New;
    else
      editor.newLesson();
  }
  ImGui::SameLine();
  const bool openClicked = ImGui::Button("Open");
  probeItem("Lesson", "Open");
  if (openClicked) {
    if (panel.pathInput.empty())
      panel.error = "type the lesson file's path in the File field, or pick an example below";
    else
      requestOpen(panel, editor, model, panel.pathInput, requests);
  }
  ImGui::SameLine();
  // An unsaved lesson or an example has no file of its own to save to: Save becomes Save as.
  if (editor.needsSaveAs()) {
    const bool saveAsClicked = ImGui::Button("Save as...");
    probeItem("Lesson", "Save as...");
    if (saveAsClicked) saveTo(panel, editor, panel.pathInput, requests);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to the path in File");
  } else {
    const bool saveClicked = ImGui::Button("Save");
    probeItem("Lesson", "Save");
    if (saveClicked) {
      if (attempt(panel, [&] { editor.save(); })) {
        requests.used = editor.path();
        requests.saved = editor.path();
        panel.status = "Saved " + editor.path()->string();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Save as")) saveTo(panel, editor, panel.pathInput, requests);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to the path in File");
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 2.5f);
  ImGui::InputTextWithHint("File", (userLessonFolder() / "my_lesson.json").string().c_str(), &panel.pathInput);
  probeItem("Lesson", "File");

  if (!panel.examples.empty()) {
    ImGui::TextDisabled("Examples (never overwritten)");
    for (const std::filesystem::path& file : panel.examples) {
      const std::string label = exampleName(file) + "##example" + file.string();
      if (ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 0.0f))) requestOpen(panel, editor, model, file, requests);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.string().c_str());
    }
  }
  if (!recent.empty() && ImGui::TreeNode("Recent lessons")) {
    for (const std::filesystem::path& file : recent) {
      const std::string label = file.filename().string() + "##recent" + file.string();
      if (ImGui::Selectable(label.c_str(), editor.path() == file)) requestOpen(panel, editor, model, file, requests);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.string().c_str());
    }
    ImGui::TreePop();
  }
}

void drawSteps(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model,
               LessonPanelRequests& requests) {
  const std::vector<LessonStep>& steps = editor.lesson().steps;
  if (steps.empty())
    ImGui::TextDisabled("No steps yet: set up a view, then add it.");
  else {
    // A list of its own height, so that a long lesson does not push the step's fields out of sight.
    const float lines = static_cast<float>(std::min<std::size_t>(steps.size(), 8));
    const float height = lines * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2.0f;
    ImGui::BeginChild("##steps", ImVec2(0.0f, height), true);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + steps[i].title + "##step" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), editor.selected() == i)) {
        editor.select(i);
        requests.showStep = i;
      }
    }
    ImGui::EndChild();
  }
  const bool addClicked = ImGui::Button("Add this view as a step");
  probeItem("Lesson", "Add this view as a step");
  if (addClicked) {
    if (attempt(panel, [&] { editor.addStep(captureLessonStep(state, model, editor.nextStepTitle())); }))
      panel.status = "Added " + editor.lesson().steps[*editor.selected()].title;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The camera, visibility, selection, overlays, motion and activation (mode, person, band, strengths)");
  ImGui::SameLine();
  const bool copyClicked = ImGui::Button("Copy link");
  probeItem("Lesson", "Copy link");
  if (copyClicked) {
    std::string link;
    if (attempt(panel, [&] { link = sharedLink(panel, viewLinkOf(captureLessonStep(state, model, "Shared view"))); })) {
      ImGui::SetClipboardText(link.c_str());  // through the window's clipboard (GLFW; the page's on the web)
      panel.status = "Copied the link of this view: " + link;
    }
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Put a link to this view on the clipboard, for the page's address (after '#'; the page copies its whole "
        "address), 'medius --view-link' and 'medius render --view-link'");
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
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3.5f);
  if (ImGui::InputText("Title", &title)) editor.setStepTitle(current, title);
  ImGui::TextDisabled("Caption (Enter: new line)");
  std::string caption = steps[current].caption;
  const float captionHeight = ImGui::GetTextLineHeight() * 5.0f + ImGui::GetStyle().FramePadding.y * 2.0f;
  if (ImGui::InputTextMultiline("##caption", &caption, ImVec2(-FLT_MIN, captionHeight))) editor.setStepCaption(current, caption);
  // ImGui 1.86's text field does not wrap: the caption as the caption bar shows it, wrapped.
  if (!caption.empty()) {
    ImGui::BeginChild("##captionPreview", ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() * 5.0f), true);
    ImGui::TextWrapped("%s", caption.c_str());
    ImGui::EndChild();
  }
  if (ImGui::Button("Show")) requests.showStep = current;
  ImGui::SameLine();
  if (ImGui::Button("Use this view")) {
    if (attempt(panel, [&] { editor.replaceStepView(current, captureLessonStep(state, model, "")); }))
      panel.status = "Step " + std::to_string(current + 1) + " now shows this view";
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Replace the step's camera, visibility, motion and activation (mode, strengths...) with what the window shows");
  ImGui::SameLine();
  if (ImGui::Button("Copy step link")) {
    const std::string link = sharedLink(panel, viewLinkOf(steps[current]));
    ImGui::SetClipboardText(link.c_str());
    panel.status = "Copied the link of step " + std::to_string(current + 1) + ": " + link;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Put a link to this step's view (with its title and caption) on the clipboard");
  ImGui::SameLine();
  if (ImGui::Button("Present from this step (Shift+F5)")) requests.presentFrom = current;
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

std::string exampleName(const std::filesystem::path& file) {
  std::string name = file.stem().string();
  std::replace(name.begin(), name.end(), '_', ' ');
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

LessonPanelRequests drawLessonPanel(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model,
                                    const std::vector<std::filesystem::path>& recent) {
  LessonPanelRequests requests;
  if (panel.openRequest) {  // the page's file chooser: opened as Open opens the File field's path
    const std::filesystem::path file = *panel.openRequest;
    panel.openRequest.reset();
    panel.visible = true;
    requestOpen(panel, editor, model, file, requests);
  }
  if (!panel.visible) return requests;
  placeNextWindowAlongTheRightEdge();
  const float em = ImGui::GetFontSize();
  if (ImGui::Begin("Lesson", &panel.visible)) {
    std::string title = editor.lesson().title;
    ImGui::SetNextItemWidth(-em * 6.0f);
    if (ImGui::InputText("Lesson title", &title)) editor.setTitle(title);
    const bool example = editor.path() && editor.isProtected(*editor.path());
    ImGui::TextDisabled("%s%s%s", example ? "example (read-only): " : "",
                        editor.path() ? editor.path()->string().c_str() : "not saved yet",
                        editor.modified() ? " (modified)" : "");
    drawMessages(panel, editor, model, requests);  // at the top: seen without scrolling
    drawFileControls(panel, editor, model, recent, requests);
    ImGui::Separator();
    drawSteps(panel, editor, state, model, requests);
  }
  ImGui::End();
  return requests;
}

}  // namespace medius::ui
