#include "render/camera.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

namespace medius::render {
namespace {

anatomy::Bounds unitBounds() {
  anatomy::Bounds bounds;
  bounds.include({-0.1f, -0.2f, -0.1f});
  bounds.include({0.1f, 0.2f, 0.1f});
  return bounds;
}

// Where a world point lands in normalised device coordinates.
glm::vec3 project(const Camera& camera, const glm::vec3& point, float aspect) {
  const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(point, 1.0f);
  return glm::vec3(clip) / clip.w;
}

TEST(Camera, PresetsLookFromTheNamedSide) {
  const anatomy::Bounds bounds = unitBounds();
  const auto eyeDirection = [&](ViewPreset preset) { return glm::normalize(framedCamera(bounds, preset, 1.0f).eye()); };
  EXPECT_GT(eyeDirection(ViewPreset::Anterior).x, 0.99f);  // X anterior
  EXPECT_LT(eyeDirection(ViewPreset::Posterior).x, -0.99f);
  EXPECT_GT(eyeDirection(ViewPreset::Lateral).z, 0.99f);  // Z to the right
  EXPECT_LT(eyeDirection(ViewPreset::Medial).z, -0.99f);
  EXPECT_GT(eyeDirection(ViewPreset::Superior).y, 0.99f);  // Y superior
  EXPECT_LT(eyeDirection(ViewPreset::Inferior).y, -0.99f);
}

TEST(Camera, AnteriorViewShowsThePatientsRightOnTheViewersLeft) {
  const Camera camera = framedCamera(unitBounds(), ViewPreset::Anterior, 1.0f);
  EXPECT_LT(project(camera, {0, 0, 0.1f}, 1.0f).x, 0.0f);
  EXPECT_GT(project(camera, {0, 0.1f, 0}, 1.0f).y, 0.0f);  // superior is up
}

TEST(Camera, FramingKeepsTheWholeBoxOnScreen) {
  for (const float aspect : {0.5f, 1.0f, 2.0f}) {
    for (const std::string_view name : viewPresetNames()) {
      const Camera camera = framedCamera(unitBounds(), *parseViewPreset(name), aspect);
      for (const float x : {-0.1f, 0.1f})
        for (const float y : {-0.2f, 0.2f})
          for (const float z : {-0.1f, 0.1f}) {
            const glm::vec3 ndc = project(camera, {x, y, z}, aspect);
            EXPECT_LE(std::abs(ndc.x), 1.0f) << name << " aspect " << aspect;
            EXPECT_LE(std::abs(ndc.y), 1.0f) << name << " aspect " << aspect;
            EXPECT_GT(ndc.z, -1.0f);
            EXPECT_LT(ndc.z, 1.0f);
          }
    }
  }
}

TEST(Camera, ZoomKeepsThePointUnderTheCursorInPlace) {
  Camera camera = framedCamera(unitBounds(), ViewPreset::Lateral, 1.5f);
  const glm::vec2 cursor{0.4f, -0.3f};
  // The point on the target plane under the cursor before the zoom.
  const glm::vec3 before = camera.target + camera.right() * (cursor.x * camera.distance * std::tan(glm::radians(15.0f)) * 1.5f) +
                           camera.up() * (cursor.y * camera.distance * std::tan(glm::radians(15.0f)));
  const float oldDistance = camera.distance;
  zoomTowards(camera, 0.5f, cursor, 1.5f);
  EXPECT_NEAR(camera.distance, oldDistance * 0.5f, 1e-5f);
  const glm::vec3 after = project(camera, before, 1.5f);
  EXPECT_NEAR(after.x, cursor.x, 1e-4f);
  EXPECT_NEAR(after.y, cursor.y, 1e-4f);
}

TEST(Camera, OrbitKeepsTheDistanceAndPanMovesTheTarget) {
  Camera camera = framedCamera(unitBounds(), ViewPreset::Anterior, 1.0f);
  const float distance = glm::distance(camera.eye(), camera.target);
  orbit(camera, 0.7f, -0.4f);
  EXPECT_NEAR(glm::distance(camera.eye(), camera.target), distance, 1e-5f);
  const glm::vec3 target = camera.target;
  pan(camera, {0.2f, 0.0f}, 1.0f);
  EXPECT_GT(glm::distance(camera.target, target), 0.0f);
  EXPECT_NEAR(glm::dot(camera.target - target, camera.forward()), 0.0f, 1e-6f);
}

TEST(Camera, TransitionStartsAtFromEndsAtToAndEasesBetween) {
  const Camera from = framedCamera(unitBounds(), ViewPreset::Anterior, 1.0f);
  const Camera to = framedCamera(unitBounds(), ViewPreset::Lateral, 1.0f);
  const CameraTransition transition{from, to, 10.0, 0.5};
  EXPECT_NEAR(glm::distance(transition.at(10.0).eye(), from.eye()), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::distance(transition.at(10.5).eye(), to.eye()), 0.0f, 1e-5f);
  const glm::vec3 middle = glm::normalize(transition.at(10.25).eye() - transition.at(10.25).target);
  EXPECT_NEAR(middle.x, middle.z, 1e-4f);  // halfway between anterior and lateral
  EXPECT_TRUE(transition.finished(10.6));
  EXPECT_FALSE(transition.finished(10.3));
}

TEST(Camera, PresetNamesRoundTrip) {
  for (const std::string_view name : viewPresetNames()) EXPECT_EQ(viewPresetName(*parseViewPreset(name)), name);
  EXPECT_FALSE(parseViewPreset("sideways"));
}

}  // namespace
}  // namespace medius::render
