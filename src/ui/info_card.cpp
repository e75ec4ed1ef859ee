#include "ui/info_card.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace medius::ui {
namespace {

void labelled(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::Spacing();
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The model's numbers of an exercise, or nullptr (asked for: the frame loop computes them).
const ExerciseNumbers* modelNumbers(ActivationView& view, std::size_t muscle, const std::string& motion) {
  for (const ExerciseNumbers& numbers : view.exerciseNumbers)
    if (numbers.asked == muscle && numbers.motion == motion) return &numbers;
  const ExerciseRequest request{muscle, motion};
  if (std::find(view.exerciseRequests.begin(), view.exerciseRequests.end(), request) == view.exerciseRequests.end())
    view.exerciseRequests.push_back(request);
  return nullptr;
}

// The muscle (into Model::muscles) whose mesh is `structure`, if it is one.
std::optional<std::size_t> muscleOf(const anatomy::Model& model, const anatomy::Structure& structure) {
  for (std::size_t m = 0; m < model.muscles.size(); ++m)
    if (model.muscles[m].structure == structure.id) return m;
  return std::nullopt;
}

// The model's moment arms behind a muscle's claims, or nullptr (asked for: the frame loop computes them).
const ClaimNumbers* claimNumbers(ActivationView& view, std::size_t muscle) {
  for (const ClaimNumbers& numbers : view.claimNumbers)
    if (numbers.muscle == muscle) return &numbers;
  if (std::find(view.claimRequests.begin(), view.claimRequests.end(), muscle) == view.claimRequests.end())
    view.claimRequests.push_back(muscle);
  return nullptr;
}

std::string spaced(std::string moment) {
  std::replace(moment.begin(), moment.end(), '_', ' ');
  return moment;
}

// Under an action: what the model computes for each of its claims ("Model: abduction 48 mm at 0°
// flexion"), and where it computes the opposite, the teaching text's reason or a plain warning.
void drawClaims(const anatomy::CompartmentAction& action, std::size_t actionIndex, const ClaimNumbers* numbers) {
  if (action.claims.empty()) return;
  ImGui::Indent();
  if (!numbers) {
    ImGui::TextDisabled("Model: computing...");
    ImGui::Unindent();
    return;
  }
  std::string agreeing;
  std::vector<std::string> differing;
  char part[128];
  for (const biomech::ClaimCheck& check : numbers->checks) {
    if (check.action != actionIndex) continue;
    const anatomy::ActionClaim& claim = action.claims[check.claim];
    if (check.agrees()) {
      std::snprintf(part, sizeof part, "%s %.0f mm at %.0f°", spaced(claim.moment).c_str(), check.momentArmM * 1e3,
                    claim.flexionDegrees);
      agreeing += (agreeing.empty() ? "" : ", ") + std::string(part);
      continue;
    }
    std::snprintf(part, sizeof part, "Model at %.0f° flexion: no %s (moment arm %+.0f mm). ", claim.flexionDegrees,
                  spaced(claim.moment).c_str(), check.momentArmM * 1e3);
    differing.push_back(part + (claim.modelDiffers.empty() ? "This model's geometry gives the opposite of the literature here."
                                                           : claim.modelDiffers));
  }
  if (!agreeing.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.45f, 1.0f));
    ImGui::TextWrapped("Model (moment arm, hip flexion): %s", agreeing.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.45f, 1.0f));
  for (const std::string& text : differing) ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::Unindent();
}

// "anterior 8-12 %, middle 7-13 %, posterior 1-19 %"
std::string compartmentRanges(const anatomy::Muscle& muscle, const ExerciseNumbers& numbers) {
  std::string text;
  char range[96];
  for (const biomech::CompartmentRange& r : numbers.compartments) {
    const std::string& name = muscle.compartments[r.compartment].id;
    const long lo = std::lround(100.0 * r.lowest), hi = std::lround(100.0 * r.highest);
    if (lo == hi)
      std::snprintf(range, sizeof range, "%s %ld %%", name.c_str(), lo);
    else
      std::snprintf(range, sizeof range, "%s %ld-%ld %%", name.c_str(), lo, hi);
    text += (text.empty() ? "" : ", ") + std::string(range);
  }
  return text;
}

// Each exercise with its EMG, and where the model plays the exercise (Exercise::motion), the
// model's Load-mode activation beside it and why the two differ.
void drawExercises(ViewState& state, const anatomy::Model& model, const anatomy::Structure& structure) {
  const std::optional<std::size_t> muscle = muscleOf(model, structure);
  ImGui::TextDisabled("Exercises that train it (EMG)");
  std::string firstMotion;
  for (const anatomy::Exercise& exercise : structure.teaching.exercises) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s: %s (%s)", exercise.name.c_str(), exercise.text.c_str(), exercise.source.c_str());
    if (!muscle || exercise.motion.empty()) continue;
    ImGui::Indent();
    const ExerciseNumbers* numbers = modelNumbers(state.activation, *muscle, exercise.motion);
    if (!numbers) {
      ImGui::TextDisabled("Model: computing...");
    } else {
      const anatomy::Muscle& shown = model.muscles[numbers->shown];
      const std::string whose = numbers->shown == *muscle ? "" : " (" + shown.name + ", the side that works)";
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.45f, 1.0f));
      ImGui::TextWrapped("Model (%s), Load mode%s: %s", exercise.motion.c_str(), whose.c_str(),
                         compartmentRanges(shown, *numbers).c_str());
      ImGui::PopStyleColor();
      if (firstMotion.empty()) firstMotion = exercise.motion;
    }
    ImGui::Unindent();
  }
  if (firstMotion.empty()) return;
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  // What is true of our model (docs/BIOMECHANICS.md, "Checked against EMG").
  ImGui::TextWrapped(
      "Why the model and EMG differ: the model gives the least activation (static optimisation) with which the gluteal "
      "fibres make the hip moment that the moving weight needs (the leg, or the body in stance; 70 kg, 1.75 m, no "
      "band), sharing it with a reserve for the other hip muscles. EMG %%MVIC is measured against a maximal effort "
      "and includes co-contraction, holding the pelvis and trunk steady, and effort the model has no term for. Each "
      "range is over one loop of the motion named, as 'medius analyze --motion %s --mode load' prints it.",
      firstMotion.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void drawInfoCard(ViewState& state, const anatomy::Model& model) {
  const anatomy::Structure* selected = state.appearance.selected ? model.findStructure(*state.appearance.selected) : nullptr;
  if (selected == nullptr || state.cardClosedFor == state.appearance.selected) return;
  const anatomy::Structure& structure = *selected;
  const anatomy::Teaching& teaching = structure.teaching;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float width = std::min(em * 26.0f, viewport->WorkSize.x * 0.4f);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width - em * 0.6f, viewport->WorkPos.y + em * 0.6f),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, viewport->WorkSize.y - em * 1.2f));
  bool open = true;
  const std::string title = structure.displayName + "###info";
  if (ImGui::Begin(title.c_str(), &open,
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
    if (teaching.empty()) ImGui::TextDisabled("No teaching text for this structure.");
    if (!teaching.summary.empty()) {
      ImGui::TextWrapped("%s", teaching.summary.c_str());
      ImGui::Separator();
    }
    labelled("Origin", teaching.origin);
    labelled("Insertion", teaching.insertion);
    labelled("Innervation", teaching.innervation);
    if (!teaching.actions.empty()) {
      ImGui::TextDisabled("Actions");
      const std::optional<std::size_t> muscle = muscleOf(model, structure);
      const ClaimNumbers* numbers = muscle ? claimNumbers(state.activation, *muscle) : nullptr;
      for (std::size_t a = 0; a < teaching.actions.size(); ++a) {
        const anatomy::CompartmentAction& action = teaching.actions[a];
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", capitalised(action.compartment).c_str(), action.text.c_str());
        if (muscle) drawClaims(action, a, numbers);
      }
      ImGui::Spacing();
    }
    if (!teaching.features.empty()) {
      ImGui::TextDisabled("Features");
      for (const std::string& feature : teaching.features) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", feature.c_str());
      }
      ImGui::Spacing();
    }
    labelled("Clinical note", teaching.clinical);
    if (!teaching.exercises.empty()) drawExercises(state, model, structure);
    if (!teaching.notes.empty()) {
      ImGui::TextDisabled("About this model");
      for (const std::string& note : teaching.notes) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", note.c_str());
      }
    }
  }
  ImGui::End();
  if (!open) state.cardClosedFor = state.appearance.selected;  // closing the card keeps the selection
}

}  // namespace medius::ui
