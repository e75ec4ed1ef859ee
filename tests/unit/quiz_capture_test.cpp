// The Quiz editor's "Add the current view as a find / name question" (issue 18): what is selected
// in the view, and the point clicked on a bone, become the question a quiz file states.
#include "ui/quiz_capture.h"

#include "core/error.h"
#include "core/paths.h"

#include <glm/mat4x4.hpp>

#include <gtest/gtest.h>

namespace medius {
namespace {

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

ui::ViewState selecting(const std::string& id) {
  ui::ViewState state;
  state.appearance.selected = hipModel().structureHandle(id);
  return state;
}

// A vertex of a muscle's attachment region on its bone, in the model frame at the neutral pose.
glm::vec3 regionPoint(const std::string& muscleId, bool origin) {
  const anatomy::Model& model = hipModel();
  for (const anatomy::Muscle& muscle : model.muscles)
    if (muscle.id == muscleId) {
      const anatomy::AttachmentRegion& region = origin ? muscle.origin : muscle.insertion;
      const anatomy::Structure& bone = *model.findStructure(region.structure);
      const glm::vec3 local = bone.mesh.positions.at(region.vertices.at(region.vertices.size() / 2));
      return glm::vec3(model.neutralSegmentTransform(bone.segment) * glm::vec4(local, 1.0f));
    }
  ADD_FAILURE() << "no muscle " << muscleId;
  return glm::vec3(0.0f);
}

TEST(QuizCapture, ASelectedMuscleAsksForItsOriginAndItsTendonForItsInsertion) {
  const quiz::QuestionSpec muscle = ui::findQuestionOfView(selecting("gluteus_medius_r"), hipModel());
  EXPECT_EQ(muscle.kind, quiz::QuestionKind::Find);
  EXPECT_EQ(muscle.muscle, "gluteus_medius_r");
  EXPECT_TRUE(muscle.origin);
  const quiz::QuestionSpec tendon = ui::findQuestionOfView(selecting("gluteus_medius_tendon_r"), hipModel());
  EXPECT_EQ(tendon.muscle, "gluteus_medius_r");
  EXPECT_FALSE(tendon.origin);
}

TEST(QuizCapture, APointClickedOnABoneAsksForTheRegionUnderIt) {
  ui::ViewState state = selecting("femur_r");
  EXPECT_THROW(ui::findQuestionOfView(state, hipModel()), UsageError);  // a bone, but no point on it
  state.clicked = ui::ClickedPoint{*hipModel().structureHandle("femur_r"), regionPoint("gluteus_minimus_r", false)};
  const quiz::QuestionSpec spec = ui::findQuestionOfView(state, hipModel());
  EXPECT_EQ(spec.muscle, "gluteus_minimus_r");
  EXPECT_FALSE(spec.origin);

  // Far from every region on the bone (the femoral condyles): refused, saying how far.
  state.clicked->neutral = regionPoint("gluteus_minimus_r", false) + glm::vec3(0.0f, -0.3f, 0.0f);
  try {
    ui::findQuestionOfView(state, hipModel());
    FAIL() << "a point far from every region was taken";
  } catch (const UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("mm from the nearest origin or insertion on"), std::string::npos) << error.what();
  }
}

TEST(QuizCapture, ANameQuestionIsAboutTheSelectedStructure) {
  EXPECT_EQ(ui::nameQuestionOfView(selecting("sacrum"), hipModel()).structure, "sacrum");
  EXPECT_EQ(ui::nameQuestionOfView(selecting("sacrum"), hipModel()).kind, quiz::QuestionKind::Name);
  EXPECT_THROW(ui::nameQuestionOfView(ui::ViewState{}, hipModel()), UsageError);
  EXPECT_THROW(ui::findQuestionOfView(ui::ViewState{}, hipModel()), UsageError);
}

}  // namespace
}  // namespace medius
