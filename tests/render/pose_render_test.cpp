// Posed frames through the real renderer: bones follow their segments, the vertex shader deforms
// the muscles exactly as the CPU reference (biomech::deformVertex, keepOutOfBones) does, and the
// fibre lines follow the wrapped fibres.
#include "biomech/posed_model.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace medius {
namespace {

class PoseRenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(MEDIUS_HIP_MODEL));
    posed_ = std::make_unique<biomech::PosedModel>(scene_->model);
    scene_->renderer = std::make_unique<render::Renderer>(scene_->model, posed_.get());
  }
  static void TearDownTestSuite() {
    scene_.reset();
    posed_.reset();
  }

  static render::ScenePosePtr poseOf(const std::string& text) {
    biomech::Pose pose;
    if (text == "abducted") pose.joints["hip_r"] = {20.0, -40.0, 25.0};  // flexed, abducted, internally rotated
    posed_->setPose(pose);
    return render::scenePoseOf(*posed_);
  }

  // A frame showing only `structureId`.
  static render::FrameSpec only(const std::string& structureId, render::ViewPreset preset) {
    render::FrameSpec spec = scene_->frame(preset, 400, 400, true, 1);
    for (std::size_t i = 0; i < scene_->model.structures.size(); ++i)
      spec.appearance.at(scene_->model.structures[i].handle).visible = scene_->model.structures[i].id == structureId;
    return spec;
  }

  static std::vector<bool> mask(const render::IdImage& ids) {
    std::vector<bool> covered;
    for (const int id : ids.ids) covered.push_back(id >= 0);
    return covered;
  }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
  static inline std::unique_ptr<biomech::PosedModel> posed_;
};

TEST_F(PoseRenderTest, TheVertexShaderDeformsMusclesLikeTheReference) {
  const std::size_t medius = ui::structureIndex(scene_->model, "gluteus_medius_r");
  render::FrameSpec spec = only("gluteus_medius_r", render::ViewPreset::Lateral);
  spec.pose = poseOf("abducted");
  const std::vector<bool> gpu = mask(scene_->renderer->renderStructureIds(spec));

  // The same muscle deformed on the CPU, drawn as a plain mesh in the model frame.
  const biomech::MuscleBinding* binding = nullptr;
  for (const biomech::MuscleBinding& b : posed_->bindings())
    if (b.structure == medius) binding = &b;
  ASSERT_NE(binding, nullptr);
  anatomy::Model reference;
  anatomy::Structure deformed = scene_->model.structures[medius];
  deformed.segment = "";
  deformed.mesh.normals.clear();
  for (std::size_t v = 0; v < binding->vertices.size(); ++v) {
    const biomech::VertexBinding& vertex = binding->vertices[v];
    deformed.mesh.positions[v] = biomech::keepOutOfBones(biomech::deformVertex(vertex, posed_->frames()).position, vertex,
                                                         *binding, posed_->fibres().bones(), posed_->transforms());
  }
  reference.addStructure(deformed);
  render::Renderer plain(reference);
  render::FrameSpec referenceSpec = spec;
  referenceSpec.pose = nullptr;
  referenceSpec.appearance = render::SceneAppearance::allVisible();
  const std::vector<bool> cpu = mask(plain.renderStructureIds(referenceSpec));

  int both = 0, either = 0;
  for (std::size_t i = 0; i < gpu.size(); ++i) {
    both += gpu[i] && cpu[i];
    either += gpu[i] || cpu[i];
  }
  ASSERT_GT(either, 2000);
  EXPECT_GT(static_cast<double>(both) / either, 0.98) << both << " of " << either << " pixels agree";

  // And the deformation is real: the posed silhouette differs from the neutral one.
  spec.pose = poseOf("neutral");
  const std::vector<bool> neutral = mask(scene_->renderer->renderStructureIds(spec));
  int moved = 0;
  for (std::size_t i = 0; i < gpu.size(); ++i) moved += gpu[i] != neutral[i];
  EXPECT_GT(moved, either / 5);
}

TEST_F(PoseRenderTest, AnAbductedFemurSwingsOutAndTheOtherStays) {
  // Anterior view: the body's right is on the image's left. The lowest (knee end) pixel of each
  // femur, neutral against abducted.
  const auto kneeEnd = [&](const std::string& femur, const render::ScenePosePtr& pose) {
    render::FrameSpec spec = only(femur, render::ViewPreset::Anterior);
    spec.pose = pose;
    const render::IdImage ids = scene_->renderer->renderStructureIds(spec);
    for (int y = ids.height - 1; y >= 0; --y)
      for (int x = 0; x < ids.width; ++x)
        if (ids.at(x, y) >= 0) return glm::ivec2(x, y);
    return glm::ivec2(-1);
  };
  const glm::ivec2 rightNeutral = kneeEnd("femur_r", poseOf("neutral"));
  const glm::ivec2 leftNeutral = kneeEnd("femur_l", poseOf("neutral"));
  const glm::ivec2 rightAbducted = kneeEnd("femur_r", poseOf("abducted"));
  const glm::ivec2 leftAbducted = kneeEnd("femur_l", poseOf("abducted"));
  EXPECT_LT(rightAbducted.x, rightNeutral.x - 40) << "the right knee moves to the image's left (laterally)";
  EXPECT_LT(rightAbducted.y, rightNeutral.y - 10) << "and up";
  EXPECT_EQ(leftAbducted, leftNeutral);
}

TEST_F(PoseRenderTest, FibreLinesFollowTheDeformedMuscle) {
  // Fibre ribbons of gluteus medius over its own silhouette: in a posed frame they lie on the
  // posed muscle. The ribbons are the pixels that change when they are turned on (a hidden
  // muscle's fibres are not drawn at all).
  render::FrameSpec spec = only("gluteus_medius_r", render::ViewPreset::Lateral);
  spec.pose = poseOf("abducted");
  spec.options.samples = 0;
  const render::IdImage silhouette = scene_->renderer->renderStructureIds(spec);
  const render::Image without = scene_->renderer->renderImage(spec);
  for (std::size_t m = 0; m < scene_->model.muscles.size(); ++m)
    if (scene_->model.muscles[m].structure == "gluteus_medius_r") spec.appearance.fibresOf = {m};
  const render::Image with = scene_->renderer->renderImage(spec);
  int drawn = 0, onMuscle = 0;
  for (int y = 0; y < with.height; ++y)
    for (int x = 0; x < with.width; ++x) {
      const std::uint8_t* a = with.pixel(x, y);
      const std::uint8_t* b = without.pixel(x, y);
      if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 60) {
        ++drawn;
        onMuscle += silhouette.at(x, y) >= 0;
      }
    }
  ASSERT_GT(drawn, 500);
  EXPECT_GT(static_cast<double>(onMuscle) / drawn, 0.95);
}

TEST_F(PoseRenderTest, ActivationColoursTheMuscleAndHatchesLengtheningFibres) {
  // Every fibre at 0, at 100 %, and lengthening: gluteus medius alone from the side, its pixels
  // from the ID image.
  const std::size_t medius = ui::structureIndex(scene_->model, "gluteus_medius_r");
  render::FrameSpec spec = only("gluteus_medius_r", render::ViewPreset::Lateral);
  spec.options.samples = 0;
  spec.appearance.activationShading = true;
  spec.appearance.activationMode = biomech::ActivationMode::Action;  // Direction: lengthened fibres hatched light blue
  posed_->setPose(biomech::Pose{});
  const render::IdImage ids = scene_->renderer->renderStructureIds([&] {
    render::FrameSpec s = spec;
    s.pose = render::scenePoseOf(*posed_);
    return s;
  }());
  const std::size_t fibres = posed_->fibres().fibreCount();
  struct Look {
    double red = 0, green = 0, blue = 0, hatched = 0;
  };
  const auto look = [&](float activation, float lengthening, bool legend) {
    render::FrameSpec s = spec;
    s.appearance.activationLegend = legend;
    s.pose = render::scenePoseOf(*posed_, std::vector<float>(fibres, activation), std::vector<float>(fibres, lengthening));
    const render::Image image = scene_->renderer->renderImage(s);
    Look mean;
    int count = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) {
        if (ids.at(x, y) != static_cast<int>(medius)) continue;
        const std::uint8_t* p = image.pixel(x, y);
        mean.red += p[0], mean.green += p[1], mean.blue += p[2];
        mean.hatched += p[2] > p[0] && p[2] > 120;  // the light blue stripes
        ++count;
      }
    mean.red /= count, mean.green /= count, mean.blue /= count, mean.hatched /= count;
    return mean;
  };
  const Look idle = look(0.0f, 0.0f, false);
  const Look full = look(1.0f, 0.0f, false);
  const Look lengthening = look(0.0f, 1.0f, false);
  EXPECT_GT(idle.red, idle.green + 15) << "heat's 0 % is a dull muscle red";
  EXPECT_GT(full.green, idle.green + 60) << "full activation is pale yellow";
  EXPECT_GT(full.red, idle.red + 30);
  EXPECT_LT(idle.hatched, 0.01);
  EXPECT_GT(lengthening.hatched, 0.2) << "lengthening fibres are hatched";

  // The legend: the frame's upper right corner changes when it is drawn.
  render::FrameSpec s = spec;
  s.pose = render::scenePoseOf(*posed_, std::vector<float>(fibres, 0.5f), std::vector<float>(fibres, 0.0f));
  const render::Image with = scene_->renderer->renderImage(s);
  s.appearance.activationLegend = false;
  const render::Image without = scene_->renderer->renderImage(s);
  int changed = 0;
  for (int y = 0; y < with.height / 4; ++y)
    for (int x = with.width / 2; x < with.width; ++x) changed += with.pixel(x, y)[0] != without.pixel(x, y)[0];
  EXPECT_GT(changed, 2000);
}

}  // namespace
}  // namespace medius
