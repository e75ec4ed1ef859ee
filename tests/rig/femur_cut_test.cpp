// Femurs cut short, as a pelvic CT or MRI leaves them (rig/femur_landmarks.h): every whole femur at
// hand cut at several heights.
#include "mesh_cut.h"
#include "reference_data.h"
#include "rig/femur_landmarks.h"

#include "anatomy/mesh_import.h"
#include "core/paths.h"

#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig::test {
namespace {

struct Femur {
  std::string name;
  anatomy::TriangleMesh mesh;
};

// A pelvic CT or MRI cuts the femur in the thigh. Cut 9-12 head radii below its top (a whole femur
// is 17-22), its head must still be found where the whole bone's is, and the bone known for cut.
// Before December 2026 the built-in femur cut to 10 radii or less gave a "head" of 12.6 mm on the
// greater trochanter, 52 mm from the real one (a whole femur's proportions kept the real head out of
// the radii looked for), and was then taken for a whole femur.
TEST(FemurCutShort, ItsHeadIsFoundWhereTheWholeBonesIs) {
  std::vector<Femur> femurs;
  femurs.push_back({"built-in", anatomy::importMeshes(core::assetDirectory() / "hip" / "femur_r.glb").front()});
  if (haveReference("lhdl-hip-right")) femurs.push_back({"LHDL", lhdlMeshMetres("femur")});
  if (haveReference("opensim"))
    femurs.push_back({"gait2392", anatomy::importMeshes(referenceDir() / "opensim" / "femur_r.vtp").front()});
  for (const Femur& femur : femurs) {
    const std::optional<FemurLandmarks> whole = findFemurLandmarks(femur.mesh);
    ASSERT_TRUE(whole && whole->whole) << femur.name;
    for (const double keepRadii : {12.0, 10.0, 9.0}) {
      const std::optional<FemurLandmarks> cut =
          findFemurLandmarks(cutBelow(femur.mesh, whole->towardsHead, keepRadii * whole->head.radius));
      ASSERT_TRUE(cut) << femur.name << " cut to " << keepRadii << " head radii";
      const double apart = glm::distance(cut->head.centre, whole->head.centre) * 1000.0;
      std::printf("%-9s cut to %2.0f head radii: head %.1f mm from the whole bone's, radius %.1f mm (whole: %.1f)\n",
                  femur.name.c_str(), keepRadii, apart, cut->head.radius * 1000.0, whole->head.radius * 1000.0);
      EXPECT_LT(apart, 1.0) << femur.name << " cut to " << keepRadii << " head radii";
      EXPECT_NEAR(cut->head.radius, whole->head.radius, 0.001) << femur.name;
      EXPECT_FALSE(cut->whole) << femur.name << " cut to " << keepRadii << " head radii";
      EXPECT_FALSE(cut->medialEpicondyle) << femur.name << ": an epicondyle on the cut";
    }
  }
}

}  // namespace
}  // namespace medius::rig::test
