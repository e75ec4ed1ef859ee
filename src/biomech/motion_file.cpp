#include "biomech/motion_file.h"

#include "anatomy/json_fields.h"
#include "biomech/kinematics.h"
#include "biomech/limb_support.h"
#include "core/error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace medius::biomech {
namespace {

using anatomy::JsonFields;

constexpr double kMaxAngleDegrees = 360.0;      // an angle beyond a full turn is a typo
constexpr double kMaxDurationSeconds = 3600.0;  // a loop longer than an hour is a typo
using Json = nlohmann::json;

std::string jointList(const std::vector<anatomy::Joint>& joints) {
  std::string ids;
  for (const anatomy::Joint& joint : joints) ids += (ids.empty() ? "" : ", ") + joint.id;
  return ids.empty() ? "(none)" : ids;
}

const anatomy::Joint& jointOf(const JsonFields& fields, const std::string& key, const std::string& id,
                              const std::vector<anatomy::Joint>& joints) {
  for (const anatomy::Joint& joint : joints)
    if (joint.id == id) return joint;
  fields.fail(key, "unknown joint '" + id + "'; the model has: " + jointList(joints));
}

// A field that must not be there: every key of `object` is one of `known`, so a misspelt key is
// an error instead of being silently ignored.
void onlyKnownKeys(const JsonFields& fields, const Json& object, const std::set<std::string>& known) {
  for (const auto& [key, value] : object.items()) {
    if (known.count(key)) continue;
    std::string names;
    for (const std::string& name : known) names += (names.empty() ? "" : ", ") + name;
    fields.fail(key, "unknown field; expected one of " + names);
  }
}

double positiveNumber(const JsonFields& fields, const std::string& key) {
  const double value = fields.number(key);
  if (!(value > 0.0)) fields.fail(key, "must be greater than 0");
  return value;
}

BodyOrientation parseOrientation(const JsonFields& fields) {
  const std::string text = fields.string("body_orientation");
  for (BodyOrientation orientation : {BodyOrientation::Standing, BodyOrientation::SideLying, BodyOrientation::Supine})
    if (text == toString(orientation)) return orientation;
  fields.fail("body_orientation", "'" + text + "' is not one of standing, side_lying, supine");
}

Interpolation parseInterpolation(const JsonFields& fields) {
  const std::string text = fields.string("interpolation");
  if (text == "cosine") return Interpolation::Cosine;
  if (text == "catmull_rom") return Interpolation::CatmullRom;
  fields.fail("interpolation", "'" + text + "' is not one of cosine, catmull_rom");
}

// {"flexion": 45, "adduction": -15, "rotation": -30}: a missing DOF is 0.
JointAngles parseAngles(const JsonFields& fields, const Json& object, const std::array<const char*, 3>& dofs) {
  std::array<double, 3> values{};
  onlyKnownKeys(fields, object, {dofs[0], dofs[1], dofs[2]});
  for (std::size_t d = 0; d < 3; ++d) {
    if (!fields.has(dofs[d])) continue;
    values[d] = fields.number(dofs[d]);
    if (std::abs(values[d]) > kMaxAngleDegrees) fields.fail(dofs[d], "must be between -360 and 360 degrees");
  }
  return {values[0], values[1], values[2]};
}

Keyframe parseKeyframe(const JsonFields& fields, const Json& object, const std::vector<anatomy::Joint>& joints) {
  onlyKnownKeys(fields, object, {"time_s", "joints", "pelvis"});
  Keyframe key;
  key.timeSeconds = fields.number("time_s");
  const JsonFields jointFields = fields.object("joints");
  for (const auto& [id, angles] : object.at("joints").items()) {
    jointOf(jointFields, id, id, joints);
    key.pose.joints[id] = parseAngles(jointFields.object(id), angles, {"flexion", "adduction", "rotation"});
  }
  if (fields.has("pelvis")) {
    const JointAngles pelvis = parseAngles(fields.object("pelvis"), object.at("pelvis"), {"tilt", "obliquity", "rotation"});
    key.pose.pelvis.tilt = pelvis.flexion;
    key.pose.pelvis.obliquity = pelvis.adduction;
    key.pose.pelvis.rotation = pelvis.rotation;
  }
  return key;
}

// Joint id → value of an object field, every id a joint of the model.
template <typename Value, typename Read>
std::map<std::string, Value> perJoint(const JsonFields& fields, const Json& object, const std::vector<anatomy::Joint>& joints,
                                      Read read) {
  std::map<std::string, Value> result;
  for (const auto& [id, value] : object.items()) {
    jointOf(fields, id, id, joints);
    result[id] = read(id);
  }
  return result;
}

MotionSupport parseSupport(const JsonFields& fields, const Json& object, double duration,
                           const std::vector<anatomy::Joint>& joints) {
  onlyKnownKeys(fields, object, {"phases", "held_stance_joint", "knee_flexion_deg", "band_joint"});
  MotionSupport support;
  const Json& phases = fields.array("phases");
  if (phases.empty()) fields.fail("phases", "expected at least one phase (from_s 0)");
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const JsonFields phase = fields.element(phases, i, "phases");
    onlyKnownKeys(phase, phases[i], {"from_s", "loads"});
    MotionSupport::Phase parsed;
    parsed.fromSeconds = phase.number("from_s");
    if (i == 0 && parsed.fromSeconds != 0.0) phase.fail("from_s", "the first phase must start at 0");
    if (i > 0 && !(parsed.fromSeconds > support.phases.back().fromSeconds))
      phase.fail("from_s", "must be later than the phase before");
    if (!(parsed.fromSeconds < duration)) phase.fail("from_s", "must be inside the loop (less than duration_s)");
    const JsonFields loads = phase.object("loads");
    parsed.loads = perJoint<LimbLoad>(loads, phases[i].at("loads"), joints, [&](const std::string& id) {
      const std::string text = loads.string(id);
      const std::optional<LimbLoad> load = parseLimbLoad(text);
      if (!load) loads.fail(id, "'" + text + "' is not one of free, stance, rested");
      return *load;
    });
    support.phases.push_back(std::move(parsed));
  }
  if (fields.has("held_stance_joint")) {
    support.heldStanceJoint = fields.string("held_stance_joint");
    jointOf(fields, "held_stance_joint", support.heldStanceJoint, joints);
  }
  if (fields.has("band_joint")) {
    support.bandJoint = fields.string("band_joint");
    jointOf(fields, "band_joint", support.bandJoint, joints);
  }
  if (fields.has("knee_flexion_deg")) {
    const JsonFields knees = fields.object("knee_flexion_deg");
    support.kneeFlexionDegrees = perJoint<double>(knees, object.at("knee_flexion_deg"), joints, [&](const std::string& id) {
      const double degrees = knees.number(id);
      if (degrees < 0.0 || degrees > 180.0) knees.fail(id, "must be between 0 and 180 degrees");
      return degrees;
    });
  }
  return support;
}

}  // namespace

void pivotPelvis(std::vector<Keyframe>& keyframes, const glm::vec3& centre) {
  for (Keyframe& key : keyframes) {
    PelvisPose turn = key.pose.pelvis;
    turn.translation = glm::vec3(0.0f);
    const glm::mat4 rotation = Kinematics::pelvisTransform(turn);
    key.pose.pelvis.translation = centre - glm::vec3(rotation * glm::vec4(centre, 1.0f));
  }
}

Motion parseMotion(const std::string& text, const std::string& fileName, const std::vector<anatomy::Joint>& joints) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::exception& error) {  // parse errors and numbers out of range (1e999)
    throw InputError(fileName + ": not valid JSON: " + error.what());
  }
  const JsonFields root(fileName, document, "");
  onlyKnownKeys(root, document,
                {"format", "version", "id", "name", "order", "description", "notes", "body_orientation", "duration_s",
                 "interpolation", "pelvis_pivot", "plot_muscle", "keyframes", "support"});
  if (root.string("format") != "medius-motion") root.fail("format", "expected \"medius-motion\"");
  if (root.number("version") != kMotionFormatVersion)
    root.fail("version", "this medius reads version " + std::to_string(kMotionFormatVersion));

  Motion motion;
  motion.id = root.string("id");
  if (!std::all_of(motion.id.begin(), motion.id.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
    root.fail("id", "use letters, digits and '_' only (it is typed on the command line)");
  motion.name = root.string("name");
  motion.order = root.number("order");
  motion.description = root.string("description");
  if (root.has("notes")) (void)root.string("notes");
  motion.orientation = parseOrientation(root);
  motion.durationSeconds = positiveNumber(root, "duration_s");
  if (motion.durationSeconds > kMaxDurationSeconds) root.fail("duration_s", "must be at most 3600 s");
  motion.interpolation = parseInterpolation(root);
  motion.plotMuscle = root.optionalString("plot_muscle", "");

  const Json& keyframes = root.array("keyframes");
  if (keyframes.empty()) root.fail("keyframes", "expected at least one keyframe");
  for (std::size_t i = 0; i < keyframes.size(); ++i) {
    const JsonFields key = root.element(keyframes, i, "keyframes");
    motion.keyframes.push_back(parseKeyframe(key, keyframes[i], joints));
    const double t = motion.keyframes.back().timeSeconds;
    if (i == 0 && t != 0.0) key.fail("time_s", "the first keyframe must be at 0");
    if (i > 0 && !(t > motion.keyframes[i - 1].timeSeconds)) key.fail("time_s", "must be later than the keyframe before");
    if (!(t < motion.durationSeconds)) key.fail("time_s", "must be inside the loop (less than duration_s)");
  }
  if (root.has("pelvis_pivot")) {
    const anatomy::Joint& pivot = jointOf(root, "pelvis_pivot", root.string("pelvis_pivot"), joints);
    pivotPelvis(motion.keyframes, pivot.centreInParent);
    motion.pelvisPivotJoint = pivot.id;
  }
  motion.support = parseSupport(root.object("support"), document.at("support"), motion.durationSeconds, joints);
  return motion;
}

Motion readMotionFile(const std::filesystem::path& path, const std::vector<anatomy::Joint>& joints) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw InputError(path.string() + ": cannot read the file");
  return parseMotion(text, path.string(), joints);
}

}  // namespace medius::biomech
