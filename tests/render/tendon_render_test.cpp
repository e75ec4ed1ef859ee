// The tendons of the built-in hip, as a student sees them from the side: gluteus medius ends in a
// pale tendon on the lateral facet of the greater trochanter with red muscle above it, picking the
// tendon names the tendon, and a tendon keeps its own colour when activation is shown.
#include "core/paths.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <memory>

#include <glm/geometric.hpp>

namespace medius {
namespace {

class TendonRenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }
  static const anatomy::Model& model() { return scene_->model; }
  static anatomy::StructureHandle handle(const std::string& id) { return *model().structureHandle(id); }

  // The right side from the side, gluteus maximus and the iliotibial tract hidden (they cover the
  // trochanter), as in a dissection.
  static render::FrameSpec lateral() {
    render::FrameSpec frame = scene_->frame(render::ViewPreset::Lateral, kWidth, kHeight);
    ui::applyPresetVisibility(frame.appearance, model(), render::ViewPreset::Lateral);
    frame.appearance.at(handle("gluteus_maximus_r")).visible = false;
    frame.appearance.at(handle("iliotibial_tract_r")).visible = false;
    return frame;
  }
  static glm::vec2 project(const render::FrameSpec& frame, const glm::vec3& point) {
    const glm::mat4 viewProjection = frame.camera.projection(static_cast<float>(kWidth) / kHeight) * frame.camera.view();
    const glm::vec4 clip = viewProjection * glm::vec4(point, 1.0f);
    return {(clip.x / clip.w * 0.5f + 0.5f) * kWidth, (0.5f - clip.y / clip.w * 0.5f) * kHeight};
  }
  static glm::vec3 landmarkAt(const std::string& id) {
    const anatomy::Landmark* landmark = model().findLandmark(id);
    EXPECT_NE(landmark, nullptr) << id;
    return model().neutralPosition({landmark->segment, landmark->points.front()});
  }
  // Pixels within `radius` of `centre` whose structure is `wanted`.
  static std::vector<glm::ivec2> pixelsOf(const render::IdImage& ids, glm::vec2 centre, int radius,
                                          anatomy::StructureHandle wanted) {
    std::vector<glm::ivec2> found;
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const int x = static_cast<int>(centre.x) + dx, y = static_cast<int>(centre.y) + dy;
        if (x >= 0 && y >= 0 && x < ids.width && y < ids.height && ids.handleAt(x, y) == wanted) found.push_back({x, y});
      }
    return found;
  }
  static glm::vec3 colourAt(const render::Image& image, glm::ivec2 p) {
    const std::uint8_t* c = image.pixel(p.x, p.y);
    return glm::vec3(c[0], c[1], c[2]) / 255.0f;
  }
  // Mean colour over the pixels.
  static glm::vec3 meanColour(const render::Image& image, const std::vector<glm::ivec2>& pixels) {
    glm::vec3 sum(0.0f);
    for (const glm::ivec2& p : pixels) sum += colourAt(image, p);
    return sum / static_cast<float>(std::max<std::size_t>(1, pixels.size()));
  }

  static constexpr int kWidth = 900, kHeight = 700;
  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(TendonRenderTest, MediusEndsInAPaleTendonOnTheLateralFacetWithRedMuscleAboveIt) {
  const render::FrameSpec frame = lateral();
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  const render::Image image = scene_->renderer->renderImage(frame);
  const glm::vec2 facet = project(frame, landmarkAt("gt_lateral_facet_r"));
  const std::vector<glm::ivec2> tendon = pixelsOf(ids, facet, 12, handle("gluteus_medius_tendon_r"));
  ASSERT_GT(tendon.size(), 60u) << "the medius tendon covers the lateral facet of the greater trochanter";
  const glm::vec3 pale = meanColour(image, tendon);
  // Tendon: pale and nearly grey (green close to red); muscle: red, green far below red.
  EXPECT_GT(pale.g, 0.75f * pale.r) << pale.r << " " << pale.g << " " << pale.b;
  EXPECT_GT(pale.r, 0.45f);
  // Five centimetres above the facet: the belly of gluteus medius, in muscle red (at four, the
  // belly's blend into its silvery tendon shows there: green 0.378 against 0.6 x red = 0.374).
  const glm::vec2 above = project(frame, landmarkAt("gt_lateral_facet_r") + glm::vec3(0.0f, 0.05f, 0.0f));
  const std::vector<glm::ivec2> muscle = pixelsOf(ids, above, 12, handle("gluteus_medius_r"));
  ASSERT_GT(muscle.size(), 60u);
  const glm::vec3 red = meanColour(image, muscle);
  EXPECT_LT(red.g, 0.6f * red.r) << red.r << " " << red.g << " " << red.b;
  // Picking a point of the tendon names the tendon, not the muscle.
  const glm::ivec2 middle = tendon[tendon.size() / 2];
  EXPECT_EQ(scene_->renderer->pickStructure(frame, middle.x, middle.y), handle("gluteus_medius_tendon_r"));
  const glm::ivec2 belly = muscle[muscle.size() / 2];
  EXPECT_EQ(scene_->renderer->pickStructure(frame, belly.x, belly.y), handle("gluteus_medius_r"));
}

TEST_F(TendonRenderTest, TheIliotibialTractRunsPaleDownTheLateralThighAndIsPicked) {
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Lateral, kWidth, kHeight);
  ui::applyPresetVisibility(frame.appearance, model(), render::ViewPreset::Lateral);
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  const render::Image image = scene_->renderer->renderImage(frame);
  // Half-way between the trochanter and the epicondyle, over the femoral shaft.
  const glm::vec3 middle = 0.5f * (landmarkAt("greater_trochanter_lateral_r") + landmarkAt("lateral_epicondyle_r"));
  const std::vector<glm::ivec2> tract = pixelsOf(ids, project(frame, middle), 10, handle("iliotibial_tract_r"));
  ASSERT_GT(tract.size(), 40u) << "the tract covers the lateral thigh";
  const glm::vec3 pale = meanColour(image, tract);
  EXPECT_GT(pale.g, 0.75f * pale.r) << pale.r << " " << pale.g << " " << pale.b;
  const glm::ivec2 at = tract[tract.size() / 2];
  EXPECT_EQ(scene_->renderer->pickStructure(frame, at.x, at.y), handle("iliotibial_tract_r"));
  const anatomy::Structure* structure = model().findStructure("iliotibial_tract_r");
  EXPECT_EQ(structure->tissue, anatomy::Tissue::Tendon);
  EXPECT_EQ(structure->segment, "femur_r");
  EXPECT_NE(structure->teaching.insertion.find("no tibia"), std::string::npos) << "its card says where the model stops";
}

TEST_F(TendonRenderTest, TendonsAreTheirOwnStructuresWithACardSayingWhereTheyInsert) {
  for (const char* id : {"gluteus_minimus_tendon_r", "gluteus_medius_tendon_r", "gluteus_maximus_tendon_r",
                         "gluteus_minimus_tendon_l", "gluteus_medius_tendon_l", "gluteus_maximus_tendon_l"}) {
    const anatomy::Structure* tendon = model().findStructure(id);
    ASSERT_NE(tendon, nullptr) << id;
    EXPECT_EQ(tendon->tissue, anatomy::Tissue::Tendon) << id;
    EXPECT_FALSE(tendon->partOf.empty()) << id;
    EXPECT_GT(tendon->mesh.triangleCount(), 100u) << id;
    EXPECT_FALSE(tendon->teaching.insertion.empty()) << id;
    EXPECT_EQ(tendon->displayName.rfind("Tendon of ", 0), 0u) << tendon->displayName;
  }
  EXPECT_NE(model().findStructure("gluteus_medius_tendon_r")->teaching.insertion.find("lateral facet"), std::string::npos);
  EXPECT_NE(model().findStructure("gluteus_minimus_tendon_r")->teaching.insertion.find("anterior facet"), std::string::npos);
}

}  // namespace
}  // namespace medius
