// model.json lists every bone with a mesh that exists and matches, both hip joints, and every
// landmark of landmarks.json (both sides) with its source.
#include "mesh_analysis.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace medius::assetgen::test {
namespace {

nlohmann::json model() {
  std::ifstream in(assetPath("model.json"));
  return nlohmann::json::parse(in);
}

TEST(ModelJson, StructuresPointAtTheirMeshes) {
  const nlohmann::json m = model();
  EXPECT_EQ(m.at("format"), "medius-model");
  EXPECT_EQ(m.at("version"), 1);
  std::set<std::string> ids;
  for (const auto& s : m.at("structures")) {
    if (s.contains("part_of")) {  // a muscle's tendon: no mesh of its own (cut out of the muscle's at load)
      EXPECT_EQ(s.at("kind"), "other") << s.at("id");
      EXPECT_EQ(s.at("tissue"), "tendon") << s.at("id");
      EXPECT_FALSE(s.contains("mesh")) << s.at("id");
      continue;
    }
    const bool tract = s.at("kind") == "other" && s.value("tissue", "") == "tendon";         // iliotibial_tract_test.cpp
    EXPECT_TRUE(s.at("kind") == "bone" || s.at("kind") == "muscle" || tract) << s.at("id");  // muscles: muscle_mesh_test.cpp
    if (s.at("kind") == "bone") ids.insert(s.at("id").get<std::string>());
    EXPECT_EQ(committedMesh(s.at("mesh").get<std::string>()).triangleCount(), s.at("triangles").get<size_t>());
  }
  EXPECT_EQ(ids, (std::set<std::string>{"hip_bone_r", "hip_bone_l", "sacrum", "femur_r", "femur_l"}));
  EXPECT_TRUE(m.at("muscles").is_array());
}

TEST(ModelJson, JointsAndSegmentsAgreeWithLandmarks) {
  const nlohmann::json m = model();
  const glm::vec3 hip = committedLandmarks().point("acetabulum_centre");
  ASSERT_EQ(m.at("joints").size(), 2u);
  for (const auto& j : m.at("joints")) {
    const float side = j.at("id") == "hip_r" ? 1.0f : -1.0f;
    const auto c = j.at("centre_in_parent");
    EXPECT_NEAR(c[0].get<double>(), hip.x, 1e-5);
    EXPECT_NEAR(c[1].get<double>(), hip.y, 1e-5);
    EXPECT_NEAR(c[2].get<double>(), side * hip.z, 1e-5);
    ASSERT_EQ(j.at("dofs").size(), 3u);
    for (const auto& d : j.at("dofs")) {
      EXPECT_LT(d.at("range_deg")[0].get<double>(), 0.0);
      EXPECT_GT(d.at("range_deg")[1].get<double>(), 0.0);
      EXPECT_FALSE(d.at("source").get<std::string>().empty());
    }
  }
  std::set<std::string> segments;
  for (const auto& s : m.at("segments")) segments.insert(s.at("id").get<std::string>());
  EXPECT_EQ(segments, (std::set<std::string>{"pelvis", "femur_r", "femur_l"}));
}

TEST(ModelJson, LandmarksCopiedWithSources) {
  const nlohmann::json m = model();
  size_t sided = 0, midline = 0;
  for (const Landmark& l : committedLandmarks().all()) (l.bone == "sacrum" ? midline : sided) += 1;
  EXPECT_EQ(m.at("landmarks").size(), 2 * sided + midline);
  for (const auto& l : m.at("landmarks")) {
    EXPECT_FALSE(l.at("source").get<std::string>().empty()) << l.at("id");
    const std::string seg = l.at("segment");
    EXPECT_TRUE(seg == "pelvis" || seg == "femur_r" || seg == "femur_l") << seg;
  }
}

TEST(Landmarks, EveryEntryHasASourceAndTheRequiredLandmarksExist) {
  const LandmarkSet& lm = committedLandmarks();
  for (const Landmark& l : lm.all()) EXPECT_FALSE(l.source.empty()) << l.id;
  for (const char* id : {"asis",
                         "aiis",
                         "psis",
                         "piis",
                         "iliac_crest",
                         "iliac_tubercle",
                         "anterior_gluteal_line",
                         "posterior_gluteal_line",
                         "inferior_gluteal_line",
                         "greater_sciatic_notch",
                         "ischial_spine",
                         "ischial_tuberosity",
                         "pubic_tubercle",
                         "pubic_symphysis",
                         "obturator_foramen",
                         "acetabulum_centre",
                         "acetabulum_radius",
                         "acetabulum_opening",
                         "acetabular_notch",
                         "sacral_promontory",
                         "sacral_ala_r",
                         "sacral_apex",
                         "coccyx",
                         "femoral_head",
                         "neck_shaft_angle",
                         "femoral_anteversion",
                         "greater_trochanter_tip",
                         "gt_anterior_facet",
                         "gt_lateral_facet",
                         "gt_superoposterior_facet",
                         "lesser_trochanter",
                         "intertrochanteric_line",
                         "intertrochanteric_crest",
                         "gluteal_tuberosity",
                         "linea_aspera",
                         "femoral_shaft_axis",
                         "medial_condyle",
                         "lateral_condyle",
                         "medial_epicondyle",
                         "lateral_epicondyle",
                         "patellar_surface",
                         "femur_length"})
    EXPECT_NO_THROW(lm.get(id)) << id;
  // The hip joint centre is consistent: acetabulum centre (pelvis) = femoral head centre (femur
  // origin), and the cup is 1-2 mm larger than the head (joint space).
  EXPECT_LT(glm::length(lm.point("femoral_head")), 1e-6f);
  const float space = lm.scalar("acetabulum_radius") - lm.scalar("femoral_head");
  EXPECT_GT(space, 0.0005f);
  EXPECT_LT(space, 0.0025f);
}

}  // namespace
}  // namespace medius::assetgen::test
