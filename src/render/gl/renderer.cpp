#include "render/renderer.h"

#include "render/gl/gl_loader.h"
#include "render/gl/mesh_buffers.h"
#include "render/gl/offscreen_target.h"
#include "render/gl/shader_program.h"
#include "render/structure_style.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <vector>

namespace medius::render {

struct Renderer::Impl {
  struct DrawableStructure {
    gl::MeshBuffers buffers;
    MaterialStyle style;
    glm::mat4 modelMatrix;  // segment frame to model frame
  };

  std::vector<DrawableStructure> structures;
  gl::ShaderProgram meshProgram{"mesh.vert.glsl", "mesh.frag.glsl"};
  gl::ShaderProgram backgroundProgram{"background.vert.glsl", "background.frag.glsl"};
  gl::VertexArray emptyVertexArray = gl::createVertexArray();  // core profile needs one bound to draw
  std::optional<gl::OffscreenTarget> windowTarget;
  glm::mat4 lastViewProjection{1.0f};

  void drawScene(const Camera& camera, int width, int height, const FrameOptions& options) {
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

    if (!options.transparentBackground) {
      const BackgroundStyle background = defaultBackground();
      glDisable(GL_DEPTH_TEST);
      backgroundProgram.use();
      backgroundProgram.set("topColor", background.top);
      backgroundProgram.set("bottomColor", background.bottom);
      glBindVertexArray(emptyVertexArray.get());
      glDrawArrays(GL_TRIANGLES, 0, 3);
      glBindVertexArray(0);
    }

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_CULL_FACE);  // imported meshes may be open or inconsistently wound
    const glm::mat4 view = camera.view();
    const glm::mat4 projection = camera.projection(aspect);
    lastViewProjection = projection * view;
    meshProgram.use();
    meshProgram.set("projection", projection);
    for (const DrawableStructure& structure : structures) {
      const glm::mat4 modelView = view * structure.modelMatrix;
      meshProgram.set("modelView", modelView);
      meshProgram.set("normalMatrix", glm::inverseTranspose(glm::mat3(modelView)));
      meshProgram.set("baseColor", structure.style.baseColor);
      meshProgram.set("specularStrength", structure.style.specularStrength);
      meshProgram.set("shininess", structure.style.shininess);
      structure.buffers.draw();
    }
  }
};

Renderer::Renderer(const anatomy::Model& model) : impl_(std::make_unique<Impl>()) {
  enableGlDebugOutput();
  impl_->structures.reserve(model.structures.size());
  for (const anatomy::Structure& structure : model.structures)
    impl_->structures.push_back(
        {gl::MeshBuffers(structure.mesh), styleFor(structure.kind), model.neutralSegmentTransform(structure.segment)});
}

Renderer::~Renderer() = default;

RenderLimits Renderer::limits() const {
  const gl::TargetLimits limits = gl::queryTargetLimits();
  return {limits.maxWidth, limits.maxHeight, limits.maxSamples};
}

std::string Renderer::deviceDescription() const { return describeOpenGl(); }

Image Renderer::renderImage(const Camera& camera, int width, int height, const FrameOptions& options) {
  const gl::OffscreenTarget target(width, height, options.samples);
  target.bindForDrawing();
  impl_->drawScene(camera, width, height, options);
  target.resolve();
  return target.readColor();
}

void Renderer::renderToWindow(const Camera& camera, int width, int height, const FrameOptions& options) {
  if (width <= 0 || height <= 0) return;  // minimised
  if (!impl_->windowTarget || impl_->windowTarget->width() != width || impl_->windowTarget->height() != height)
    impl_->windowTarget.emplace(width, height, options.samples);
  impl_->windowTarget->bindForDrawing();
  impl_->drawScene(camera, width, height, options);
  impl_->windowTarget->resolve();
  impl_->windowTarget->copyToDefaultFramebuffer();
  glViewport(0, 0, width, height);
}

std::optional<glm::vec3> Renderer::surfacePointUnder(int x, int y) const {
  if (!impl_->windowTarget) return std::nullopt;
  const std::optional<float> depth = impl_->windowTarget->readDepth(x, y);
  if (!depth) return std::nullopt;
  const glm::vec4 ndc(2.0f * (static_cast<float>(x) + 0.5f) / static_cast<float>(impl_->windowTarget->width()) - 1.0f,
                      2.0f * (static_cast<float>(y) + 0.5f) / static_cast<float>(impl_->windowTarget->height()) - 1.0f,
                      2.0f * *depth - 1.0f, 1.0f);
  const glm::vec4 world = glm::inverse(impl_->lastViewProjection) * ndc;
  return glm::vec3(world) / world.w;
}

}  // namespace medius::render
