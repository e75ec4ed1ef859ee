// The overhead of Medius's renderer against a bare-minimum OpenGL program, measured in
// one process so both see the same machine load. The bare path: one VAO per mesh of the model
// (positions and normals, indices), one program with one directional light (Lambert + ambient),
// a 4x multisampled framebuffer resolved by a blit, one pixel read back to wait for the frame:
// the same triangles at the same size, and nothing else (no deformation, no striation, no
// attachment weights, no background gradient, no overlays).
// Medius's path: what `medius bench` times per frame (motion, pose update, activation, draw,
// resolve, one pixel read back), and its draw alone. The three alternate in blocks of frames.
//
//   make -C build bare_gl_bench && build/bench/bare_gl_bench [WIDTHxHEIGHT] [frames per path]
#include "anatomy/mesh_normals.h"
#include "app/bench_report.h"
#include "app/command_line.h"
#include "app/headless_context.h"
#include "biomech/activation.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "render/draw_stats.h"
#include "render/gl/gl.h"
#include "render/renderer.h"

#include <glm/gtc/type_ptr.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace medius;
using Clock = std::chrono::steady_clock;

const char* kVertex = R"(#version 330 core
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 normal;
uniform mat4 viewProjection;
uniform mat4 model;
out vec3 worldNormal;
void main() {
  worldNormal = mat3(model) * normal;
  gl_Position = viewProjection * model * vec4(position, 1.0);
})";

const char* kFragment = R"(#version 330 core
in vec3 worldNormal;
uniform vec3 albedo;
uniform vec3 lightDirection;
out vec4 color;
void main() {
  float lambert = abs(dot(normalize(worldNormal), lightDirection));
  color = vec4(albedo * (0.25 + 0.75 * lambert), 1.0);
})";

GLuint compile(GLenum stage, const char* source) {
  const GLuint shader = glCreateShader(stage);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) throw std::runtime_error("shader does not compile");
  return shader;
}

struct BareMesh {
  GLuint vertexArray = 0;
  GLsizei indexCount = 0;
  std::string segment;
  glm::vec3 albedo;
};

class BareRenderer {
 public:
  BareRenderer(const anatomy::Model& model, int width, int height, int samples) : width_(width), height_(height) {
    program_ = glCreateProgram();
    glAttachShader(program_, compile(GL_VERTEX_SHADER, kVertex));
    glAttachShader(program_, compile(GL_FRAGMENT_SHADER, kFragment));
    glLinkProgram(program_);
    for (const anatomy::Structure& structure : model.structures) {
      BareMesh mesh;
      mesh.segment = structure.segment;
      mesh.albedo = structure.kind == anatomy::StructureKind::Bone ? glm::vec3(0.85f, 0.8f, 0.7f) : glm::vec3(0.7f, 0.25f, 0.2f);
      std::vector<float> interleaved;
      const anatomy::TriangleMesh& m = structure.mesh;
      const std::vector<glm::vec3> normals = m.normals.empty() ? anatomy::computeVertexNormals(m) : m.normals;
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const glm::vec3& n = normals[i];
        interleaved.insert(interleaved.end(), {m.positions[i].x, m.positions[i].y, m.positions[i].z, n.x, n.y, n.z});
      }
      GLuint buffers[2];
      glGenVertexArrays(1, &mesh.vertexArray);
      glGenBuffers(2, buffers);
      glBindVertexArray(mesh.vertexArray);
      glBindBuffer(GL_ARRAY_BUFFER, buffers[0]);
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)), interleaved.data(),
                   GL_STATIC_DRAW);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[1]);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.indices.size() * 4), m.indices.data(), GL_STATIC_DRAW);
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 24, nullptr);
      glEnableVertexAttribArray(1);
      glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 24, reinterpret_cast<const void*>(12));
      glBindVertexArray(0);
      mesh.indexCount = static_cast<GLsizei>(m.indices.size());
      meshes_.push_back(mesh);
    }
    GLuint renderbuffers[3];
    glGenRenderbuffers(3, renderbuffers);
    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffers[0]);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffers[1]);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, renderbuffers[2]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glGenFramebuffers(1, &multisampled_);
    glBindFramebuffer(GL_FRAMEBUFFER, multisampled_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, renderbuffers[0]);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, renderbuffers[1]);
    glGenFramebuffers(1, &resolved_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolved_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, renderbuffers[2]);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) throw std::runtime_error("framebuffer incomplete");
  }

  // One frame; returns the triangles drawn.
  std::uint64_t draw(const glm::mat4& viewProjection, const biomech::SegmentTransforms& segments) {
    glBindFramebuffer(GL_FRAMEBUFFER, multisampled_);
    glViewport(0, 0, width_, height_);
    glClearColor(0.2f, 0.22f, 0.25f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glUseProgram(program_);
    glUniformMatrix4fv(glGetUniformLocation(program_, "viewProjection"), 1, GL_FALSE, glm::value_ptr(viewProjection));
    const glm::vec3 light = glm::normalize(glm::vec3(0.3f, 0.5f, 0.8f));
    glUniform3fv(glGetUniformLocation(program_, "lightDirection"), 1, glm::value_ptr(light));
    std::uint64_t triangles = 0;
    for (const BareMesh& mesh : meshes_) {
      const glm::mat4 model = segments.of(mesh.segment);
      glUniformMatrix4fv(glGetUniformLocation(program_, "model"), 1, GL_FALSE, glm::value_ptr(model));
      glUniform3fv(glGetUniformLocation(program_, "albedo"), 1, glm::value_ptr(mesh.albedo));
      glBindVertexArray(mesh.vertexArray);
      glDrawElements(GL_TRIANGLES, mesh.indexCount, GL_UNSIGNED_INT, nullptr);
      triangles += static_cast<std::uint64_t>(mesh.indexCount) / 3;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampled_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_);
    unsigned char pixel[4];
    glReadPixels(width_ / 2, height_ / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);  // waits for the frame
    return triangles;
  }

 private:
  int width_, height_;
  GLuint program_ = 0, multisampled_ = 0, resolved_ = 0;
  std::vector<BareMesh> meshes_;
};

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  try {
    const app::ImageSize size = app::parseImageSize(argc > 1 ? argv[1] : "1920x1080");
    const int frames = argc > 2 ? std::stoi(argv[2]) : 200;
    constexpr int kBlock = 20, kSamples = 4;
    const anatomy::Model model = anatomy::loadModel(MEDIUS_HIP_MODEL);
    const biomech::Motion& motion = *biomech::findMotion("hip_abduction");
    const app::HeadlessContext context;
    biomech::PosedModel posed(model);
    const biomech::ActivationAnalyzer analyzer(posed.fibres());
    biomech::ActivationSettings settings;
    settings.mode = biomech::ActivationMode::Load;
    render::Renderer renderer(model, &posed);
    BareRenderer bare(model, size.width, size.height, kSamples);

    render::FrameSpec spec;
    spec.appearance = render::SceneAppearance::allVisible();
    const float aspect = static_cast<float>(size.width) / static_cast<float>(size.height);
    spec.camera = render::framedCamera(model.bounds(), render::ViewPreset::Anterior, aspect);
    spec.width = size.width;
    spec.height = size.height;
    spec.options.samples = kSamples;
    const glm::mat4 viewProjection = spec.camera.projection(aspect) * spec.camera.view();

    std::vector<double> bareMs, oursFrameMs, oursDrawMs;
    std::uint64_t bareTriangles = 0, ourTriangles = 0;
    int frame = 0;
    const auto nextPose = [&] {
      const double t = std::fmod(frame++ / 60.0, motion.durationSeconds);
      posed.setPose(motion.sample(t), 1.0 / 60.0);
      const biomech::FrameAnalysis analysis = analyzer.analyse(posed.pose(), settings, &motion, t);
      spec.pose = render::scenePoseOf(posed);
      return analysis.fibres.size();
    };
    for (int warm = 0; warm < 5; ++warm) {  // untimed: first-use costs (shader variants, allocations)
      nextPose();
      renderer.renderOffscreen(spec);
      (void)renderer.surfacePointUnder(1, 1);
      bare.draw(viewProjection, posed.transforms());
    }
    while (static_cast<int>(bareMs.size()) < frames) {
      for (int i = 0; i < kBlock; ++i) {
        const Clock::time_point start = Clock::now();
        nextPose();
        render::resetDrawStats();
        const Clock::time_point drawStart = Clock::now();
        renderer.renderOffscreen(spec);
        (void)renderer.surfacePointUnder(size.width / 2, size.height / 2);
        oursDrawMs.push_back(msSince(drawStart));
        oursFrameMs.push_back(msSince(start));
        ourTriangles = render::drawStats().triangles;
      }
      for (int i = 0; i < kBlock; ++i) {
        const Clock::time_point start = Clock::now();
        bareTriangles = bare.draw(viewProjection, posed.transforms());
        bareMs.push_back(msSince(start));
      }
    }
    const double bareMedian = app::quantile(bareMs, 0.5);
    const double drawMedian = app::quantile(oursDrawMs, 0.5);
    const double frameMedian = app::quantile(oursFrameMs, 0.5);
    std::printf("bare_gl_bench %dx%d, %dx MSAA, %d frames per path, interleaved in blocks of %d; %s\n", size.width, size.height,
                kSamples, frames, kBlock, renderer.deviceDescription().c_str());
    std::printf("bare program:           median %.2f ms, p95 %.2f ms, %llu triangles\n", bareMedian, app::quantile(bareMs, 0.95),
                static_cast<unsigned long long>(bareTriangles));
    std::printf("medius draw only:       median %.2f ms, p95 %.2f ms, %llu mesh triangles\n", drawMedian,
                app::quantile(oursDrawMs, 0.95), static_cast<unsigned long long>(ourTriangles));
    std::printf("medius whole frame:     median %.2f ms, p95 %.2f ms (motion, pose, activation, draw)\n", frameMedian,
                app::quantile(oursFrameMs, 0.95));
    std::printf("overhead ratio, draw:        %.2fx\n", drawMedian / bareMedian);
    std::printf("overhead ratio, whole frame: %.2fx\n", frameMedian / bareMedian);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bare_gl_bench: %s\n", error.what());
    return 2;
  }
}
