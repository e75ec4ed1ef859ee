// The renderer's passes: uniforms resolved at link time (a misspelt name is an error), GL state
// restored at every pass boundary, and the check that proves it.
#include "render/gl/render_pass.h"
#include "render/gl/gl_state.h"
#include "render/gl/shader_program.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

class RenderPassTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(kData / "two_segments.model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(RenderPassTest, AnUnknownUniformNameIsAnError) {
  render::gl::ShaderProgram program("background.vert.glsl", "background.frag.glsl");
  EXPECT_NO_THROW(program.requireUniforms({"topColor", "bottomColor", "verticalSpan"}));
  EXPECT_TRUE(program.declares("topColor"));
  try {
    program.requireUniforms({"topColour"});
    FAIL() << "expected a GraphicsError";
  } catch (const GraphicsError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'topColour'"), std::string::npos) << message;
    EXPECT_NE(message.find("background.frag.glsl"), std::string::npos) << message;
    EXPECT_NE(message.find("topColor"), std::string::npos) << "the message lists the declared ones: " << message;
  }
  program.use();
  EXPECT_THROW(program.set("verticalSpam", glm::vec2(0.0f, 1.0f)), GraphicsError);
  EXPECT_NO_THROW(program.set("verticalSpan", glm::vec2(0.0f, 1.0f)));
  glUseProgram(0);
}

TEST_F(RenderPassTest, ArrayElementsAndOptimisedAwayUniformsResolve) {
  using Files = std::vector<std::string_view>;
  render::gl::ShaderProgram mesh(Files{"muscle_deform.glsl", "mesh.vert.glsl"}, Files{"mesh_surface.glsl", "mesh.frag.glsl"});
  EXPECT_TRUE(mesh.declares("activationMap[4]"));
  EXPECT_FALSE(mesh.declares("activationMap[5]"));
  EXPECT_NO_THROW(mesh.uniform("boneTexel1"));
}

TEST_F(RenderPassTest, AStateScopeRestoresWhatItsPassChanged) {
  using namespace render::gl;
  const GlState before = captureGlState();
  {
    const GlStateScope scope;
    glEnable(GL_BLEND);
    glDepthMask(GL_FALSE);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_FRONT);
    glViewport(1, 2, 3, 4);
    EXPECT_NE(captureGlState(), before);
  }
  EXPECT_EQ(captureGlState(), before) << describeDifference(before, captureGlState());
}

// A pass that forgets its scope.
struct LeakyPass {
  static constexpr std::string_view kName = "leaky";
  struct Input {};
  void draw(const Input&) { glEnable(GL_BLEND); }
};

TEST_F(RenderPassTest, TheBoundaryCheckNamesAPassThatLeavesStateChanged) {
  using namespace render::gl;
  const GlState before = captureGlState();
  PassRunner runner;
  runner.setStateCheck(true);
  LeakyPass leaky;
  try {
    runner.run(leaky, {});
    FAIL() << "expected a GraphicsError";
  } catch (const GraphicsError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("leaky"), std::string::npos) << message;
    EXPECT_NE(message.find("blend"), std::string::npos) << message;
  }
  applyGlState(before);
}

TEST_F(RenderPassTest, EveryPassOfAFullFrameRestoresTheState) {
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Lateral, 200, 150);
  render::orbit(spec.camera, 0.3f, 0.5f);
  const anatomy::Model& model = scene_->model;
  spec.appearance.selected = model.structures[1].handle;
  spec.appearance.at(model.structures[0].handle).opacity = 0.5f;
  spec.appearance.attachmentsOf = {0};
  spec.appearance.fibresOf = {0};
  spec.appearance.labelStructures = true;
  const render::Image unchecked = scene_->renderer->renderImage(spec);
  scene_->renderer->setPassStateCheck(true);
  render::Image checked;
  EXPECT_NO_THROW(checked = scene_->renderer->renderImage(spec));
  EXPECT_NO_THROW(scene_->renderer->renderStructureIds(spec));
  EXPECT_NO_THROW(scene_->renderer->pickStructure(spec, 100, 75));
  EXPECT_NO_THROW(scene_->renderer->renderOffscreen(spec));
  scene_->renderer->setPassStateCheck(false);
  EXPECT_EQ(checked.rgba, unchecked.rgba) << "checking the state does not change a pixel";
}

}  // namespace
}  // namespace medius
