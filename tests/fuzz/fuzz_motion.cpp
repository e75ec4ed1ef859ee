// Fuzz target: motion files through biomech::parseMotion, against a two-hip model's joints.
// Contract: a motion file either parses (and then samples to finite poses over its loop) or
// throws medius::InputError; anything else is a bug.
#include "biomech/motion_file.h"
#include "core/error.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

std::vector<medius::anatomy::Joint> hipJoints() {
  std::vector<medius::anatomy::Joint> joints(2);
  joints[0].id = "hip_r";
  joints[0].parent = "pelvis";
  joints[0].child = "femur_r";
  joints[0].centreInParent = {-0.0707f, -0.0661f, 0.0835f};
  joints[1] = joints[0];
  joints[1].id = "hip_l";
  joints[1].child = "femur_l";
  joints[1].centreInParent.z = -joints[0].centreInParent.z;
  return joints;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<medius::anatomy::Joint> joints = hipJoints();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const medius::biomech::Motion motion = medius::biomech::parseMotion(text, "fuzz", joints);
    // Angles are bounded by the reader, so every sampled pose is finite.
    for (int i = 0; i <= 8; ++i) {
      const medius::biomech::Pose pose = motion.sample(motion.durationSeconds * i / 8.0);
      bool finite = std::isfinite(pose.pelvis.obliquity) && std::isfinite(pose.pelvis.tilt) &&
                    std::isfinite(pose.pelvis.rotation) && std::isfinite(pose.pelvis.translation.y);
      for (const auto& [id, angles] : pose.joints)
        finite = finite && std::isfinite(angles.flexion) && std::isfinite(angles.adduction) && std::isfinite(angles.rotation);
      if (!finite) std::abort();
    }
  } catch (const medius::InputError&) {}
  return 0;
}
