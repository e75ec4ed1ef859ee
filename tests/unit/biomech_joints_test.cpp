// Joints read from model.json: the built-in model's hips, and errors that name the field.
#include "anatomy/joint_description.h"
#include "biomech_test_model.h"
#include "core/error.h"

#include <gtest/gtest.h>

namespace medius::anatomy {
namespace {

TEST(BiomechJoints, BuiltInModelHasBothHipsWithThreeDofs) {
  const Model& model = biomech::test::hipModel();
  ASSERT_EQ(model.joints.size(), 2u);
  for (const Joint& joint : model.joints) {
    EXPECT_EQ(joint.parent, "pelvis");
    ASSERT_EQ(joint.dofs.size(), 3u);
    EXPECT_EQ(joint.dofs[0].id, "flexion");
    EXPECT_EQ(joint.dofs[1].id, "adduction");
    EXPECT_EQ(joint.dofs[2].id, "rotation");
    // Rajagopal et al. 2016 ranges (anatomy-facts §1.3).
    EXPECT_DOUBLE_EQ(joint.dofs[0].minDegrees, -30.0);
    EXPECT_DOUBLE_EQ(joint.dofs[0].maxDegrees, 120.0);
    EXPECT_DOUBLE_EQ(joint.dofs[1].minDegrees, -50.0);
    EXPECT_DOUBLE_EQ(joint.dofs[2].maxDegrees, 40.0);
  }
  const Joint& right = model.joints[0];
  const Joint& left = model.joints[1];
  EXPECT_EQ(right.child, "femur_r");
  EXPECT_EQ(left.child, "femur_l");
  EXPECT_NEAR(right.centreInParent.z, 0.0835f, 1e-6f);  // gait2392 hip centre
  EXPECT_NEAR(left.centreInParent.z, -0.0835f, 1e-6f);
  // Left adduction and rotation axes negated (gait2392), flexion axis not.
  EXPECT_EQ(left.dofs[0].axis, right.dofs[0].axis);
  EXPECT_EQ(left.dofs[1].axis, -right.dofs[1].axis);
  EXPECT_EQ(left.dofs[2].axis, -right.dofs[2].axis);
}

std::string readError(const nlohmann::json& document) {
  Model model;
  try {
    readJoints(JsonFields("model.json", document, ""), {"pelvis", "femur_r"}, model);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

nlohmann::json validJoint() {
  return nlohmann::json::parse(R"({"joints": [{"id": "hip_r", "parent": "pelvis", "child": "femur_r",
    "centre_in_parent": [0, 0, 0], "centre_in_child": [0, 0, 0],
    "dofs": [{"id": "flexion", "axis": [0, 0, 1], "range_deg": [-30, 120], "default_deg": 0}]}]})");
}

TEST(BiomechJoints, ValidJointReads) { EXPECT_EQ(readError(validJoint()), ""); }

TEST(BiomechJoints, ErrorsNameTheField) {
  nlohmann::json doc = validJoint();
  doc["joints"][0]["child"] = "tibia_r";
  EXPECT_EQ(readError(doc), "model.json: joints[0].child: 'tibia_r' is not a segment of the model");

  doc = validJoint();
  doc["joints"][0]["dofs"][0]["range_deg"] = {120, -30};
  EXPECT_EQ(readError(doc), "model.json: joints[0].dofs[0].range_deg: the minimum is above the maximum");

  doc = validJoint();
  doc["joints"][0]["dofs"][0]["range_deg"] = {10};
  EXPECT_NE(readError(doc).find("joints[0].dofs[0].range_deg: expected two numbers"), std::string::npos);

  doc = validJoint();
  doc["joints"][0]["dofs"][0]["axis"] = {0, 0, 0};
  EXPECT_EQ(readError(doc), "model.json: joints[0].dofs[0].axis: expected a non-zero direction");

  doc = validJoint();
  doc["joints"][0]["dofs"][0]["default_deg"] = 200;
  EXPECT_EQ(readError(doc), "model.json: joints[0].dofs[0].default_deg: outside range_deg");

  doc = validJoint();
  doc["joints"][0].erase("centre_in_parent");
  EXPECT_EQ(readError(doc), "model.json: joints[0].centre_in_parent: missing");

  doc = validJoint();
  doc["joints"].push_back(doc["joints"][0]);
  EXPECT_EQ(readError(doc), "model.json: joints[1].id: 'hip_r' is listed twice");
}

}  // namespace
}  // namespace medius::anatomy
