// Render tests on the built-in hip for what a teacher notices: each landmark label points
// at its own feature, the medial view shows the right hip from the inside, isolating gluteus
// maximus keeps the sacrum and coccyx it arises from, and its origin covers them.
#include "anatomy/teaching_landmarks.h"
#include "core/paths.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <set>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace medius {
namespace {

class HipAnatomyTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }

  static const anatomy::Model& model() { return scene_->model; }
  static std::size_t index(const std::string& id) { return ui::structureIndex(model(), id); }

  // Bones only (the muscles cover the landmarks), landmarks shown.
  static render::FrameSpec bones(render::ViewPreset preset) {
    render::FrameSpec frame = scene_->frame(preset, kWidth, kHeight);
    for (std::size_t i = 0; i < model().structures.size(); ++i)
      frame.appearance.at(model().structures[i].handle).visible = model().structures[i].kind == anatomy::StructureKind::Bone;
    frame.appearance.showLandmarks = true;
    return frame;
  }
  static std::optional<render::PlacedLabel> label(const std::vector<render::PlacedLabel>& labels, const std::string& text) {
    const auto found = std::find_if(labels.begin(), labels.end(), [&](const render::PlacedLabel& l) { return l.text == text; });
    return found == labels.end() ? std::nullopt : std::optional(*found);
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
  // The structure covering a pixel, or one next to it (an anchor may sit on an edge).
  static bool covers(const render::IdImage& ids, glm::vec2 pixel, std::size_t structure) {
    for (int dy = -2; dy <= 2; ++dy)
      for (int dx = -2; dx <= 2; ++dx) {
        const int x = static_cast<int>(pixel.x) + dx, y = static_cast<int>(pixel.y) + dy;
        if (x >= 0 && y >= 0 && x < ids.width && y < ids.height && ids.at(x, y) == static_cast<int>(structure)) return true;
      }
    return false;
  }

  static constexpr int kWidth = 900, kHeight = 700;
  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(HipAnatomyTest, LateralViewLabelsTheGreaterTrochanterOnItAndTheHeadOnTheHead) {
  const render::FrameSpec frame = bones(render::ViewPreset::Lateral);
  const std::vector<render::PlacedLabel> labels = scene_->renderer->labelsFor(frame);
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  const std::optional<render::PlacedLabel> trochanter = label(labels, "Greater trochanter");
  ASSERT_TRUE(trochanter) << "the insertion of gluteus medius is labelled from the side";
  EXPECT_TRUE(covers(ids, trochanter->anchor, index("femur_r")));
  float nearest = 1e9f;
  for (const char* id : {"greater_trochanter_tip_r", "greater_trochanter_lateral_r", "greater_trochanter_posterior_r"})
    nearest = std::min(nearest, glm::distance(trochanter->anchor, project(frame, landmarkAt(id))));
  EXPECT_LT(nearest, 0.03f * kHeight);

  // The head's label, where it is shown, sits on the femur within the head's outline, and not on
  // the trochanter's mark.
  if (const std::optional<render::PlacedLabel> head = label(labels, "Femoral head")) {
    const anatomy::Landmark* sphere = model().findLandmark("femoral_head_r");
    const glm::vec3 centre = landmarkAt("femoral_head_r");
    const float radiusPixels = glm::distance(project(frame, centre), project(frame, centre + sphere->radius * frame.camera.up()));
    EXPECT_LT(glm::distance(head->anchor, project(frame, centre)), radiusPixels);
    EXPECT_TRUE(covers(ids, head->anchor, index("femur_r")));
    EXPECT_GT(glm::distance(head->anchor, trochanter->anchor), 0.3f * radiusPixels);
  }
}

TEST_F(HipAnatomyTest, EachPresetLabelsAFeatureOnlyOnceAndOnItsBone) {
  for (const render::ViewPreset preset :
       {render::ViewPreset::Anterior, render::ViewPreset::Posterior, render::ViewPreset::Lateral, render::ViewPreset::Medial,
        render::ViewPreset::Superior, render::ViewPreset::Inferior}) {
    render::FrameSpec frame = bones(preset);
    ui::applyPresetVisibility(frame.appearance, model(), preset);
    const std::vector<render::PlacedLabel> labels = scene_->renderer->labelsFor(frame);
    const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
    for (const render::PlacedLabel& placed : labels) {
      // Every landmark anchor lies on a visible bone (not on the background).
      bool onBone = false;
      for (std::size_t i = 0; i < model().structures.size(); ++i)
        onBone = onBone || (model().structures[i].kind == anatomy::StructureKind::Bone && covers(ids, placed.anchor, i));
      EXPECT_TRUE(onBone) << render::viewPresetName(preset) << ": " << placed.text;
      // Two marks of one name close together would read as two features.
      for (const render::PlacedLabel& other : labels)
        if (&other != &placed && other.text == placed.text) {
          EXPECT_GT(glm::distance(other.anchor, placed.anchor), 0.05f * kHeight)
              << render::viewPresetName(preset) << ": " << placed.text;
        }
    }
  }
}

TEST_F(HipAnatomyTest, MedialViewShowsTheRightHipFromInsideWithTheLeftSideHidden) {
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Medial, kWidth, kHeight);
  ui::applyPresetVisibility(frame.appearance, model(), render::ViewPreset::Medial);
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  std::set<int> seen(ids.ids.begin(), ids.ids.end());
  for (std::size_t i = 0; i < model().structures.size(); ++i) {
    if (model().structures[i].side == "left") {
      EXPECT_EQ(seen.count(static_cast<int>(i)), 0u) << model().structures[i].id;
    }
  }
  EXPECT_EQ(seen.count(static_cast<int>(index("femur_r"))), 1u);
  EXPECT_EQ(seen.count(static_cast<int>(index("hip_bone_r"))), 1u);
  // The right femur's medial side: the lesser trochanter is seen and labelled on it once the hip
  // bone is hidden too (seen from inside the pelvis the ischial tuberosity lies in front of it, as
  // on the LHDL cadaver, whose hip bone covers its lesser trochanter in a medial view).
  render::FrameSpec withLandmarks = frame;
  for (std::size_t i = 0; i < model().structures.size(); ++i)
    if (model().structures[i].kind == anatomy::StructureKind::Muscle || model().structures[i].id == "hip_bone_r")
      withLandmarks.appearance.at(model().structures[i].handle).visible = false;
  withLandmarks.appearance.showLandmarks = true;
  const std::optional<render::PlacedLabel> lesser = label(scene_->renderer->labelsFor(withLandmarks), "Lesser trochanter");
  ASSERT_TRUE(lesser);
  EXPECT_TRUE(covers(scene_->renderer->renderStructureIds(withLandmarks), lesser->anchor, index("femur_r")));
  EXPECT_LT(glm::distance(lesser->anchor, project(frame, landmarkAt("lesser_trochanter_r"))), 0.03f * kHeight);
  // Any other preset shows the left side again; a structure the person hid stays hidden.
  frame.appearance.at(model().structures[index("gluteus_maximus_r")].handle).visible = false;
  ui::applyPresetVisibility(frame.appearance, model(), render::ViewPreset::Lateral);
  EXPECT_TRUE(frame.appearance.at(model().structures[index("femur_l")].handle).visible);
  EXPECT_TRUE(frame.appearance.at(model().structures[index("gluteus_medius_l")].handle).visible);
  EXPECT_FALSE(frame.appearance.at(model().structures[index("gluteus_maximus_r")].handle).visible);
  EXPECT_TRUE(frame.appearance.hiddenByPreset.empty());
}

TEST_F(HipAnatomyTest, IsolatingGluteusMaximusKeepsTheSacrumAndCoccyxAndHighlightsItsOriginThere) {
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Posterior, kWidth, kHeight);
  ui::ViewFlags flags;
  flags.isolate = "gluteus_maximus_r";
  flags.select = "gluteus_maximus_r";
  flags.xrayStructure = "gluteus_maximus_r";
  flags.toggles[ui::ViewToggle::Attachments] = true;
  ui::applyViewFlags(frame.appearance, model(), flags);
  for (const char* kept : {"gluteus_maximus_r", "hip_bone_r", "femur_r", "sacrum"})
    EXPECT_TRUE(frame.appearance.at(model().structures[index(kept)].handle).visible) << kept;
  for (const char* gone : {"hip_bone_l", "femur_l", "gluteus_medius_r"})
    EXPECT_FALSE(frame.appearance.at(model().structures[index(gone)].handle).visible) << gone;
  // Red (origin) pixels on the sacrum: the ID image says where the sacrum is. The selected muscle
  // is taken away (its footprint stays) so that the ID image shows the bone under it.
  frame.appearance.at(model().structures[index("gluteus_maximus_r")].handle).visible = false;
  const render::Image image = scene_->renderer->renderImage(frame);
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  ASSERT_EQ(ids.width, image.width);
  int redOnSacrum = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = image.pixel(x, y);
      redOnSacrum += ids.at(x, y) == static_cast<int>(index("sacrum")) && p[0] > 150 && p[1] < 90 && p[2] < 90;
    }
  EXPECT_GT(redOnSacrum, 30);
}

// Area (m²) of the triangles of a bone mesh whose three vertices are all in the region.
double regionArea(const anatomy::Model& model, const anatomy::AttachmentRegion& region) {
  const anatomy::TriangleMesh& mesh = model.findStructure(region.structure)->mesh;
  const std::set<std::uint32_t> in(region.vertices.begin(), region.vertices.end());
  double area = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (in.count(a) && in.count(b) && in.count(c))
      area += 0.5 * glm::length(glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]));
  }
  return area;
}

TEST_F(HipAnatomyTest, GluteusMaximusArisesFromTheIliumAndTheSacrumAndCoccyx) {
  const auto maximus = std::find_if(model().muscles.begin(), model().muscles.end(),
                                    [](const anatomy::Muscle& m) { return m.id == "gluteus_maximus_r"; });
  ASSERT_NE(maximus, model().muscles.end());
  double ilium = 0.0, sacrum = 0.0;
  for (const anatomy::AttachmentRegion* region : anatomy::attachmentRegions(*maximus, true)) {
    if (region->structure == "sacrum") sacrum += regionArea(model(), *region);
    if (region->structure == "hip_bone_r") ilium += regionArea(model(), *region);
  }
  std::printf("gluteus maximus origin: ilium %.1f cm², sacrum and coccyx %.1f cm²\n", ilium * 1e4, sacrum * 1e4);
  // A strip along each bone, not a few triangles (a plausibility bound of ours, not a measurement).
  EXPECT_GT(ilium, 5e-4);
  EXPECT_GT(sacrum, 5e-4);
  const anatomy::Structure& structure = *model().findStructure("gluteus_maximus_r");
  EXPECT_NE(std::find(structure.attachedTo.begin(), structure.attachedTo.end(), "sacrum"), structure.attachedTo.end());
}

}  // namespace
}  // namespace medius
