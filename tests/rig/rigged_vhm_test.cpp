// The Visible Human Male set has no femurs: without --complete the rig stops naming the muscle and
// the missing bone; with it, the built-in femur is fitted in on each side, seated on the femoral
// head cartilage, and the report and the femur's card say so.
#include "core/error.h"
#include "reference_data.h"
#include "rigged_sets.h"

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig::test {
namespace {

TEST(RiggedVhm, WithoutCompleteTheMissingFemurIsNamed) {
  REQUIRE_REFERENCE("visible-human-male");
  try {
    rigModel(writeVhmManifest());
    FAIL() << "a set without femurs was rigged without --complete";
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("gluteus_"), std::string::npos) << message;
    EXPECT_NE(message.find("femur_"), std::string::npos) << message;
    EXPECT_NE(message.find("--complete"), std::string::npos) << message;
  }
}

TEST(RiggedVhm, CompletedFemursSeatedOnTheCartilageAndSaidSo) {
  REQUIRE_REFERENCE("visible-human-male");
  const RiggedModel& rigged = riggedVhm();
  const anatomy::Model& model = rigged.model;
  ASSERT_EQ(model.joints.size(), 2u);
  int completed = 0;
  for (const anatomy::Structure& structure : model.structures) {
    for (const std::string& note : structure.teaching.notes)
      if (note.find("--complete") != std::string::npos) ++completed;
  }
  EXPECT_EQ(completed, 2);
  bool reported = false;
  for (const std::string& line : rigged.report.lines) reported = reported || line.find("Not in the input") != std::string::npos;
  EXPECT_TRUE(reported);
  // The hip centres sit where the cartilage's sphere is: 150-220 mm apart in an adult man.
  const double spacing = glm::distance(model.joints[0].centreInParent, model.joints[1].centreInParent);
  EXPECT_GT(spacing, 0.15);
  EXPECT_LT(spacing, 0.22);
  EXPECT_EQ(model.muscles.size(), 6u);
  for (const anatomy::Muscle& muscle : model.muscles) {
    ASSERT_EQ(muscle.compartments.size(), 3u) << muscle.id;
    for (const anatomy::Compartment& compartment : muscle.compartments) EXPECT_GE(compartment.fibres.size(), 12u) << muscle.id;
    EXPECT_FALSE(muscle.origin.vertices.empty()) << muscle.id;
  }
}

}  // namespace
}  // namespace medius::rig::test
