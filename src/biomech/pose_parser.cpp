#include "biomech/pose_parser.h"

#include "core/error.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace medius::biomech {
namespace {

struct DofName {
  const char* name;
  const char* dof;  // the pose field it sets
  double sign;
};

constexpr DofName kJointDofs[] = {
    {"flexion", "flexion", 1.0},
    {"extension", "flexion", -1.0},
    {"adduction", "adduction", 1.0},
    {"abduction", "adduction", -1.0},
    {"rotation", "rotation", 1.0},
    {"internal_rotation", "rotation", 1.0},
    {"external_rotation", "rotation", -1.0},
};
constexpr const char* kPelvisDofs[] = {"tilt", "obliquity", "rotation"};

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::string jointNames(const std::vector<anatomy::Joint>& joints) {
  std::string names;
  for (const anatomy::Joint& joint : joints) names += joint.id + ", ";
  return names + "pelvis";
}

[[noreturn]] void fail(const std::string& term, const std::string& what) { throw UsageError("--pose: '" + term + "': " + what); }

double parseDegrees(const std::string& term, const std::string& text) {
  if (text.empty()) fail(term, "expected a number of degrees after '='");
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value))
    fail(term, "'" + text + "' is not a number of degrees");
  return value;
}

// "JOINT.abduction" with the model's first joint, as an example in messages.
std::string exampleDof(const std::vector<anatomy::Joint>& joints) {
  return (joints.empty() ? std::string("JOINT") : joints.front().id) + ".abduction";
}

void applyTerm(const std::string& term, const std::vector<anatomy::Joint>& joints, Pose& pose) {
  const auto equals = term.find('=');
  if (equals == std::string::npos) fail(term, "expected JOINT.DOF=DEGREES, e.g. " + exampleDof(joints) + "=30");
  const std::string name = trim(term.substr(0, equals));
  const double degrees = parseDegrees(term, trim(term.substr(equals + 1)));
  const auto dot = name.find('.');
  if (dot == std::string::npos) fail(term, "expected JOINT.DOF before '=', e.g. " + exampleDof(joints));
  const std::string joint = name.substr(0, dot), dof = name.substr(dot + 1);

  if (joint == "pelvis") {
    if (dof == "tilt")
      pose.pelvis.tilt = degrees;
    else if (dof == "obliquity")
      pose.pelvis.obliquity = degrees;
    else if (dof == "rotation")
      pose.pelvis.rotation = degrees;
    else {
      std::string valid;
      for (const char* d : kPelvisDofs) valid += std::string(valid.empty() ? "" : ", ") + d;
      fail(term, "the pelvis has no DOF '" + dof + "'; valid: " + valid);
    }
    return;
  }
  bool known = false;
  for (const anatomy::Joint& j : joints) known = known || j.id == joint;
  if (!known) fail(term, "no joint '" + joint + "'; valid: " + jointNames(joints));
  for (const DofName& d : kJointDofs) {
    if (dof == d.name) {
      pose.joints[joint][d.dof] = d.sign * degrees;
      return;
    }
  }
  std::string valid;
  for (const DofName& d : kJointDofs) valid += std::string(valid.empty() ? "" : ", ") + d.name;
  fail(term, joint + " has no DOF '" + dof + "'; valid: " + valid);
}

}  // namespace

Pose parsePose(const std::string& text, const std::vector<anatomy::Joint>& joints) {
  if (trim(text).empty()) throw UsageError("--pose: empty; expected e.g. " + exampleDof(joints) + "=30");
  Pose pose;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(',', start);
    const bool last = comma == std::string::npos;
    const std::string term = trim(text.substr(start, last ? std::string::npos : comma - start));
    if (!term.empty())
      applyTerm(term, joints, pose);
    else if (!last)
      throw UsageError("--pose: '" + text + "': an empty term between commas");
    if (last) break;
    start = comma + 1;
  }
  return pose;
}

}  // namespace medius::biomech
