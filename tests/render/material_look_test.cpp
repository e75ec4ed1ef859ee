// Render tests of the atlas look's material hooks: baked ambient occlusion darkens the ambient and
// fill light (and a model without it draws as before), and a tendon's sheen is a sharper, brighter
// highlight than its kind's.
#include "anatomy/model.h"
#include "app/headless_context.h"
#include "render/camera.h"
#include "render/renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

// One 10 cm cube of `kind`, its ambient visibility `occlusion` at every vertex (none: not baked).
anatomy::Model oneCube(anatomy::StructureKind kind, std::optional<float> occlusion, anatomy::Tissue tissue) {
  anatomy::Model model = anatomy::loadModel(kData / "cube.obj");
  anatomy::Structure& cube = model.structures[0];
  cube.kind = kind;
  cube.tissue = tissue;
  if (occlusion) cube.mesh.occlusion.assign(cube.mesh.positions.size(), *occlusion);
  return model;
}

class MaterialLookTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { context_ = std::make_unique<app::HeadlessContext>(); }
  static void TearDownTestSuite() { context_.reset(); }

  static render::Image draw(const anatomy::Model& model) {
    render::Renderer renderer(model);
    render::FrameSpec spec;
    spec.camera = render::framedCamera(model.bounds(), render::ViewPreset::Anterior, 1.0f);
    render::orbit(spec.camera, 0.6f, -0.45f);  // three faces: key, fill and the highlight
    spec.width = spec.height = 120;
    spec.options = {true, 4};
    spec.appearance = render::SceneAppearance::allVisible();
    return renderer.renderImage(spec);
  }
  // Sum and maximum of the green channel over the cube's pixels (alpha > 0).
  static std::pair<double, int> brightness(const render::Image& image) {
    double sum = 0.0;
    int most = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x)
        if (image.pixel(x, y)[3] > 0) {
          sum += image.pixel(x, y)[1];
          most = std::max<int>(most, image.pixel(x, y)[1]);
        }
    return {sum, most};
  }

  static inline std::unique_ptr<app::HeadlessContext> context_;
};

TEST_F(MaterialLookTest, BakedOcclusionDarkensAndFullVisibilityChangesNothing) {
  const auto bone = anatomy::StructureKind::Bone;
  const render::Image none = draw(oneCube(bone, std::nullopt, anatomy::Tissue::Unspecified));
  const render::Image open = draw(oneCube(bone, 1.0f, anatomy::Tissue::Unspecified));
  const render::Image enclosed = draw(oneCube(bone, 0.1f, anatomy::Tissue::Unspecified));
  EXPECT_EQ(none.rgba, open.rgba);  // visibility 1 is what a model without baking gets
  const double darker = brightness(enclosed).first / brightness(none).first;
  EXPECT_LT(darker, 0.9);
  EXPECT_GT(darker, 0.4);  // the key light still shapes it
}

TEST_F(MaterialLookTest, ATendonShinesSharperAndWhiterThanItsKind) {
  const auto muscle = anatomy::StructureKind::Muscle;
  const render::Image plain = draw(oneCube(muscle, std::nullopt, anatomy::Tissue::Unspecified));
  const render::Image tendon = draw(oneCube(muscle, std::nullopt, anatomy::Tissue::Tendon));
  EXPECT_GT(brightness(tendon).second, brightness(plain).second + 40);
}

}  // namespace
}  // namespace medius
