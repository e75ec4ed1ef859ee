#include "app/analyze_command.h"

#include "app/activation_choice.h"

#include "app/model_choice.h"
#include "biomech/bone_fields.h"
#include "biomech/kinematics.h"
#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "core/atomic_write.h"
#include "core/error.h"
#include "scene/frame_source.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace medius::app {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxFrames = 10000;

// Numbers to a sensible resolution, so the output stays readable and diff-able: `step` is a
// power of ten; dividing by its integer inverse gives the double nearest the decimal.
double rounded(double value, double step) {
  const double scale = std::round(1.0 / step);
  return std::round(value * scale) / scale;
}

struct Frame {
  double time = 0.0;
  biomech::Pose pose;
  biomech::FrameAnalysis analysis;
};

std::string dofKey(const anatomy::Joint& joint, std::size_t dof) { return joint.id + "." + joint.dofs[dof].id; }

Json perDof(const anatomy::Model& model, int joint, const std::array<double, 3>& values, double step) {
  Json object = Json::object();
  if (joint < 0) return object;
  const anatomy::Joint& j = model.joints[static_cast<std::size_t>(joint)];
  for (std::size_t d = 0; d < std::min<std::size_t>(3, j.dofs.size()); ++d) object[dofKey(j, d)] = rounded(values[d], step);
  return object;
}

Json poseJson(const anatomy::Model& model, const Frame& frame) {
  Json pose = Json::object();
  for (const biomech::JointActivation& joint : frame.analysis.joints)
    for (std::size_t d = 0; d < std::min<std::size_t>(3, model.joints[joint.joint].dofs.size()); ++d)
      pose[dofKey(model.joints[joint.joint], d)] = rounded(joint.anglesDeg[d], 1e-3);
  pose["pelvis.tilt"] = rounded(frame.pose.pelvis.tilt, 1e-3);
  pose["pelvis.obliquity"] = rounded(frame.pose.pelvis.obliquity, 1e-3);
  pose["pelvis.rotation"] = rounded(frame.pose.pelvis.rotation, 1e-3);
  return pose;
}

template <typename Item>
Json itemJson(const anatomy::Model& model, const std::string& muscle, const std::string& compartment, const Item& item) {
  Json json;
  json["muscle"] = muscle;
  json["compartment"] = compartment;
  json["joint"] = item.joint >= 0 ? model.joints[static_cast<std::size_t>(item.joint)].id : "";
  json["length_m"] = rounded(item.lengthM, 1e-6);
  json["moment_arm_m"] = perDof(model, item.joint, item.momentArmM, 1e-6);
  json["activation"] = rounded(item.activation, 1e-5);
  json["force_N"] = rounded(item.forceN, 1e-3);
  json["max_force_N"] = rounded(item.maxForceN, 1e-3);
  json["moment_Nm"] = perDof(model, item.joint, item.momentNm, 1e-4);
  json["lengthening"] = rounded(item.lengthening, 1e-5);
  json["opposing"] = item.opposing;
  json["eccentric"] = item.eccentric;
  return json;
}

std::string toJson(const anatomy::Model& model, const biomech::FibrePaths& paths, const AnalyzeOptions& options,
                   const std::vector<Frame>& frames) {
  Json root;
  root["body_weight_N"] = rounded(frames.front().analysis.bodyWeightN, 1e-3);
  root["body_mass_kg"] = options.activation.bodyMassKg;
  root["height_m"] = options.activation.heightM;
  root["mode"] = options.activation.mode;
  root["motion"] = options.motion.empty() ? Json(nullptr) : Json(options.motion);
  root["orientation"] = biomech::toString(frames.front().analysis.orientation);
  Json list = Json::array();
  for (const Frame& frame : frames) {
    Json f;
    f["time_s"] = rounded(frame.time, 1e-6);
    f["pose"] = poseJson(model, frame);
    Json compartments = Json::array();
    for (const biomech::CompartmentActivation& c : frame.analysis.compartments) {
      const anatomy::Muscle& muscle = model.muscles[c.muscle];
      compartments.push_back(itemJson(model, muscle.id, muscle.compartments[c.compartment].id, c));
    }
    f["compartments"] = std::move(compartments);
    Json fibres = Json::array();
    for (std::size_t i = 0; i < frame.analysis.fibres.size(); ++i) {
      const biomech::FibreRef& ref = paths.ref(i);
      const anatomy::Muscle& muscle = model.muscles[ref.muscle];
      Json fibre = itemJson(model, muscle.id, muscle.compartments[ref.compartment].id, frame.analysis.fibres[i]);
      fibre["fibre"] = i;
      fibres.push_back(std::move(fibre));
    }
    f["fibres"] = std::move(fibres);
    Json reserve = Json::object(), required = Json::object(), loads = Json::object();
    for (const biomech::JointActivation& joint : frame.analysis.joints) {
      const int j = static_cast<int>(joint.joint);
      reserve.update(perDof(model, j, joint.reserveMomentNm, 1e-4));
      required.update(perDof(model, j, joint.demand.requiredNm, 1e-4));
      loads[model.joints[joint.joint].id] = biomech::toString(joint.load);
    }
    f["reserve_moment_Nm"] = std::move(reserve);
    f["required_moment_Nm"] = std::move(required);
    f["limb_load"] = std::move(loads);
    list.push_back(std::move(f));
  }
  root["frames"] = std::move(list);
  return root.dump(1) + "\n";
}

std::string toCsv(const anatomy::Model& model, const biomech::FibrePaths& paths, const std::vector<Frame>& frames) {
  std::ostringstream csv;
  csv << "time_s,kind,muscle,compartment,fibre,joint,flexion_deg,adduction_deg,rotation_deg,length_m,"
         "moment_arm_flexion_m,moment_arm_adduction_m,moment_arm_rotation_m,activation,force_N,"
         "moment_flexion_Nm,moment_adduction_Nm,moment_rotation_Nm,lengthening,opposing,eccentric\n";
  char line[512];
  for (const Frame& frame : frames) {
    auto angles = [&](int joint) {
      for (const biomech::JointActivation& j : frame.analysis.joints)
        if (static_cast<int>(j.joint) == joint) return j.anglesDeg;
      return std::array<double, 3>{};
    };
    auto row = [&](const char* kind, const std::string& muscle, const std::string& compartment, const std::string& fibre,
                   const auto& item) {
      const std::array<double, 3> q = angles(item.joint);
      const std::string joint = item.joint >= 0 ? model.joints[static_cast<std::size_t>(item.joint)].id : "";
      std::snprintf(line, sizeof line,
                    "%.6f,%s,%s,%s,%s,%s,%.3f,%.3f,%.3f,%.6f,%.6f,%.6f,%.6f,%.5f,%.3f,%.4f,%.4f,%.4f,%.5f,%d,%d\n", frame.time,
                    kind, muscle.c_str(), compartment.c_str(), fibre.c_str(), joint.c_str(), q[0], q[1], q[2], item.lengthM,
                    item.momentArmM[0], item.momentArmM[1], item.momentArmM[2], item.activation, item.forceN, item.momentNm[0],
                    item.momentNm[1], item.momentNm[2], item.lengthening, item.opposing ? 1 : 0, item.eccentric ? 1 : 0);
      csv << line;
    };
    for (const biomech::CompartmentActivation& c : frame.analysis.compartments) {
      const anatomy::Muscle& muscle = model.muscles[c.muscle];
      row("compartment", muscle.id, muscle.compartments[c.compartment].id, "", c);
    }
    for (std::size_t i = 0; i < frame.analysis.fibres.size(); ++i) {
      const biomech::FibreRef& ref = paths.ref(i);
      const anatomy::Muscle& muscle = model.muscles[ref.muscle];
      row("fibre", muscle.id, muscle.compartments[ref.compartment].id, std::to_string(i), frame.analysis.fibres[i]);
    }
    for (const biomech::JointActivation& j : frame.analysis.joints) {
      std::snprintf(line, sizeof line, "%.6f,reserve,other_hip_muscles,,,%s,%.3f,%.3f,%.3f,,,,,,,%.4f,%.4f,%.4f,,,\n", frame.time,
                    model.joints[j.joint].id.c_str(), j.anglesDeg[0], j.anglesDeg[1], j.anglesDeg[2], j.reserveMomentNm[0],
                    j.reserveMomentNm[1], j.reserveMomentNm[2]);
      csv << line;
    }
  }
  return csv.str();
}

}  // namespace

void runAnalyzeCommand(const AnalyzeOptions& options) {
  // Everything the command line says is checked before any work.
  if (options.motion.empty() == options.pose.empty()) throw UsageError("analyze: give either --motion NAME or --pose ANGLES");
  const biomech::Motion* motion = nullptr;
  if (!options.motion.empty()) {
    motion = biomech::findMotion(options.motion);
    if (!motion) throw UsageError("--motion '" + options.motion + "': unknown motion; choose one of " + biomech::motionIds());
  }
  if (options.frames < 1 || options.frames > kMaxFrames)
    throw UsageError("--frames " + std::to_string(options.frames) + ": must be between 1 and " + std::to_string(kMaxFrames));
  const anatomy::Model model = loadChosenModel(options.model);
  if (model.joints.empty() || model.muscles.empty())
    throw InputError("analyze: the model '" + model.name + "' has no joints or muscles to analyse");
  const biomech::ActivationSettings settings = activationSettings(options.activation, model, "--mode");
  const biomech::Pose fixedPose = motion ? biomech::Pose{} : biomech::parsePose(options.pose, model.joints);

  const biomech::FibrePaths paths(model, biomech::buildBoneFields(model));
  scene::FrameSource source(paths);  // the frames that `render` draws: the pelvis dropped or level, the pose clamped
  std::vector<Frame> frames;
  const int count = motion ? options.frames : 1;
  for (int k = 0; k < count; ++k) {
    Frame frame;
    frame.time = motion ? motion->durationSeconds * k / count : 0.0;
    scene::SceneFrame shown = source.compute({motion, frame.time, fixedPose, settings});
    frame.pose = std::move(shown.pose);
    frame.analysis = std::move(*shown.analysis);
    frames.push_back(std::move(frame));
  }
  const std::string text = options.csv ? toCsv(model, paths, frames) : toJson(model, paths, options, frames);
  core::writeFileOrStandardOutput(options.out, text);
}

}  // namespace medius::app
