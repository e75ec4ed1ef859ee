#include "ui/motion_panel.h"

#include "biomech/limb_support.h"
#include "biomech/motion_library.h"
#include "ui/item_probe.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace medius::ui {
namespace {

// "Right hip" for a joint "hip_r" whose leg is on the right (model data: the side of the
// structures below it); a joint without a side keeps its id.
std::string jointName(const anatomy::Model& model, const anatomy::Joint& joint) {
  std::string side = biomech::jointSide(model, joint);
  if (side != "right" && side != "left") return joint.id;
  std::string stem = joint.id;
  const std::string suffix = side == "right" ? "_r" : "_l";
  if (stem.size() > suffix.size() && stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
  std::replace(stem.begin(), stem.end(), '_', ' ');
  side[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(side[0])));
  return side + " " + stem;
}

// A slider as a student reads it: the motion taught (flexion, abduction, external rotation) is the
// positive direction named first. Files and the command line keep the ISB signs (Wu et al. 2002:
// adduction and internal rotation positive); `sign` turns one into the other.
struct DofSlider {
  const char* label;
  float sign;  // slider value = sign * ISB angle
};
DofSlider dofSlider(const std::string& id) {
  if (id == "flexion") return {"flexion (+) / extension", 1.0f};
  if (id == "adduction") return {"abduction (+) / adduction", -1.0f};
  if (id == "rotation") return {"external (+) / internal rotation", -1.0f};
  return {id.c_str(), 1.0f};
}

void drawMotionChoice(ViewState& state, std::optional<biomech::BodyOrientation>& chosen) {
  MotionPlayer& player = state.motion;
  const biomech::Motion* current = player.motion();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  const bool open = ImGui::BeginCombo("Motion", current ? current->name.c_str() : "None (hold a pose)");
  probeItem("Motion menu");
  if (open) {
    if (ImGui::Selectable("None (hold a pose)", current == nullptr)) player.choose(nullptr);
    probeItem("Motion menu", "None (hold a pose)");
    for (const biomech::Motion& motion : biomech::motionLibrary()) {
      if (ImGui::Selectable(motion.name.c_str(), current == &motion)) {
        const biomech::BodyOrientation before = current ? current->orientation : biomech::BodyOrientation::Standing;
        player.choose(&motion);
        if (motion.orientation != before) chosen = motion.orientation;
      }
      probeItem("Motion menu", motion.name.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", motion.description.c_str());
    }
    ImGui::EndCombo();
  }
  if (current) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    ImGui::TextDisabled("%s", current->description.c_str());
    ImGui::PopTextWrapPos();
  }
}

void drawTransport(MotionPlayer& player) {
  const biomech::Motion* motion = player.motion();
  if (!motion) return;
  if (ImGui::Button(player.playing() ? "Pause (Space)" : "Play (Space)", ImVec2(ImGui::GetFontSize() * 7.0f, 0)))
    player.togglePlaying();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##back", ImGuiDir_Left)) player.step(-1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("One frame back (,)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) player.step(1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("One frame forward (.)");
  ImGui::SameLine();
  if (ImGui::Button("Reset")) player.reset();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the start (Home)");

  float time = static_cast<float>(player.time());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  if (ImGui::SliderFloat("Time", &time, 0.0f, static_cast<float>(motion->durationSeconds), "%.2f s")) {
    player.setPlaying(false);  // scrubbing holds the motion where the hand puts it
    player.seek(time);
  }
  float speed = static_cast<float>(player.speed());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  if (ImGui::SliderFloat("Speed", &speed, static_cast<float>(MotionPlayer::kMinSpeed),
                         static_cast<float>(MotionPlayer::kMaxSpeed), "%.1fx"))
    player.setSpeed(speed);
  ImGui::SameLine();
  int mode = player.mode() == PlaybackMode::Loop ? 0 : 1;
  if (ImGui::RadioButton("Loop", &mode, 0)) player.setMode(PlaybackMode::Loop);
  ImGui::SameLine();
  if (ImGui::RadioButton("Ping-pong", &mode, 1)) player.setMode(PlaybackMode::PingPong);
}

void drawAngleSliders(MotionPlayer& player, const anatomy::Model& model) {
  const biomech::Pose pose = player.pose();
  for (const anatomy::Joint& joint : model.joints) {
    ImGui::TextDisabled("%s", jointName(model, joint).c_str());
    const biomech::JointAngles angles = pose.angles(joint.id);
    for (const anatomy::JointDof& dof : joint.dofs) {
      const DofSlider slider = dofSlider(dof.id);
      float degrees = slider.sign * static_cast<float>(angles[dof.id]);
      const float low = slider.sign * static_cast<float>(slider.sign > 0 ? dof.minDegrees : dof.maxDegrees);
      const float high = slider.sign * static_cast<float>(slider.sign > 0 ? dof.maxDegrees : dof.minDegrees);
      const std::string label = std::string(slider.label) + "##" + joint.id;
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
      if (ImGui::SliderFloat(label.c_str(), &degrees, low, high, "%.0f°")) player.setDof(joint.id, dof.id, slider.sign * degrees);
      probeItem(joint.id.c_str(), slider.label);
    }
  }
  ImGui::TextDisabled("Pelvis");
  const auto pelvisSlider = [&](const char* label, const char* dof, double value) {
    float degrees = static_cast<float>(value);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::SliderFloat(label, &degrees, -30.0f, 30.0f, "%.0f°")) player.setDof("pelvis", dof, degrees);
  };
  pelvisSlider("tilt (+ posterior)", "tilt", pose.pelvis.tilt);
  pelvisSlider("obliquity (+ right drops)", "obliquity", pose.pelvis.obliquity);
  pelvisSlider("rotation (+ right forwards)", "rotation", pose.pelvis.rotation);
}

}  // namespace

std::optional<biomech::BodyOrientation> drawMotionPanel(ViewState& state, const anatomy::Model& model) {
  std::optional<biomech::BodyOrientation> chosen;
  drawMotionChoice(state, chosen);
  drawTransport(state.motion);
  const bool anglesOpen = ImGui::TreeNode("Joint angles");
  probeItem("Joint angles");
  if (anglesOpen) {
    drawAngleSliders(state.motion, model);
    ImGui::TreePop();
  }
  return chosen;
}

}  // namespace medius::ui
