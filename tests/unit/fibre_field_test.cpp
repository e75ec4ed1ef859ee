#include "anatomy/fibre_field.h"

#include <gtest/gtest.h>

namespace medius::anatomy {
namespace {

// Parallel vertical fibres, each given by its x (metres) and the height it starts at; a muscle mesh
// (vertices only: nothing to smooth over) around them.
Model verticalFibreMuscle(const std::vector<glm::vec3>& vertices, const std::vector<glm::vec2>& fibreXAndTop) {
  Model model;
  model.segments = {{"pelvis", "", glm::vec3(0.0f)}};
  Structure muscleMesh;
  muscleMesh.id = "muscle";
  muscleMesh.kind = StructureKind::Muscle;
  muscleMesh.segment = "pelvis";
  muscleMesh.mesh.positions = vertices;
  model.addStructure(muscleMesh);
  Muscle muscle;
  muscle.structure = "muscle";
  Compartment compartment;
  for (const glm::vec2& f : fibreXAndTop)
    compartment.fibres.push_back({{{"pelvis", {f.x, f.y, 0.0f}}, {"pelvis", {f.x, -0.05f, 0.0f}}}});
  muscle.compartments.push_back(compartment);
  model.muscles.push_back(muscle);
  return model;
}

// Fibres 4 cm apart: 4 bundles apart in the coordinate (fibre_field.h). The vertices of the first
// two tests lie further apart than the surface averaging reaches (15 mm), so each shows the
// interpolation between the fibres on its own.
constexpr float kFibreSpacingInBundles = 4.0f;

TEST(FibreField, CoordinatesRunAcrossTheFibresAndStayConstantAlongThem) {
  const Model model = verticalFibreMuscle({{0.0f, 0.0f, 0.003f},
                                           {0.02f, 0.0f, 0.003f},
                                           {0.04f, 0.02f, 0.003f},
                                           {0.06f, -0.03f, 0.003f},
                                           {0.06f, 0.03f, 0.003f},
                                           {0.08f, 0.0f, 0.003f}},
                                          {{0.0f, 0.05f}, {0.04f, 0.05f}, {0.08f, 0.05f}});
  const std::vector<float> u = vertexFibreCoordinates(model, model.muscles[0]);
  ASSERT_EQ(u.size(), 6u);
  const float s = kFibreSpacingInBundles;
  EXPECT_NEAR(u[0], 0.0f, 0.2f);  // over fibre 0 (3 mm above it)
  EXPECT_GT(u[1], u[0] + 1.0f);   // between fibres 0 and 1
  EXPECT_LT(u[1], u[2] - 1.0f);
  EXPECT_NEAR(u[2], s, 0.2f);     // over fibre 1
  EXPECT_NEAR(u[3], u[4], 0.1f);  // the same place across, different place along: the same coordinate
  EXPECT_GT(u[3], u[2] + 1.0f);
  EXPECT_LT(u[3], u[5] - 1.0f);
  EXPECT_NEAR(u[5], 2.0f * s, 0.2f);
}

// Fibres that start one below the other at the same place across (a muscle's origin is an area,
// and the fibres from its upper and lower edges run side by side) share their place, whatever
// their order in the model: the coordinate does not jump between them.
TEST(FibreField, FibresOneBehindTheOtherShareTheirPlaceInAnyOrder) {
  const std::vector<glm::vec3> vertices{{0.0f, 0.0f, 0.003f}, {0.04f, 0.0f, 0.003f}, {0.02f, 0.0f, 0.003f}};
  const std::vector<glm::vec2> interleaved{{0.0f, 0.05f}, {0.0f, 0.03f}, {0.04f, 0.05f}, {0.04f, 0.03f}};
  const std::vector<glm::vec2> shuffled{{0.04f, 0.03f}, {0.0f, 0.05f}, {0.04f, 0.05f}, {0.0f, 0.03f}};
  const Model a = verticalFibreMuscle(vertices, interleaved), b = verticalFibreMuscle(vertices, shuffled);
  const std::vector<float> ua = vertexFibreCoordinates(a, a.muscles[0]), ub = vertexFibreCoordinates(b, b.muscles[0]);
  ASSERT_EQ(ua.size(), 3u);
  ASSERT_EQ(ub.size(), 3u);
  for (std::size_t v = 0; v < 3; ++v) EXPECT_NEAR(ua[v], ub[v], 1e-4f) << v;
  EXPECT_NEAR(ua[0], 0.0f, 0.2f);  // both fibres under it at x = 0
  EXPECT_NEAR(ua[1], kFibreSpacingInBundles, 0.2f);
  EXPECT_NEAR(ua[2], 0.5f * kFibreSpacingInBundles, 0.05f);  // halfway, by symmetry
}

// Over the surface the coordinate is averaged: a row of vertices 1 mm apart lying across two fibres
// gets a coordinate that rises step by step between them, with neither a plateau nor a jump.
TEST(FibreField, SmoothedOverTheSurface) {
  std::vector<glm::vec3> vertices;
  for (int i = 0; i <= 40; ++i) vertices.push_back({0.001f * static_cast<float>(i), 0.0f, 0.003f});
  const Model model = verticalFibreMuscle(vertices, {{0.0f, 0.05f}, {0.04f, 0.05f}});
  const std::vector<float> u = vertexFibreCoordinates(model, model.muscles[0]);
  ASSERT_EQ(u.size(), vertices.size());
  // Away from the row's ends, where the averaging sees vertices on one side only.
  const float meanStep = (u[30] - u[10]) / 20.0f;
  EXPECT_GT(meanStep, 0.05f);
  for (std::size_t i = 11; i <= 30; ++i) {
    EXPECT_GT(u[i] - u[i - 1], 0.1f * meanStep) << i;  // no plateau
    EXPECT_LT(u[i] - u[i - 1], 2.0f * meanStep) << i;  // no jump
  }
}

TEST(FibreField, NothingForAMuscleWithoutEnoughFibres) {
  Model model = verticalFibreMuscle({{0.0f, 0.0f, 0.0f}}, {{0.0f, 0.05f}, {0.04f, 0.05f}});
  model.muscles[0].compartments[0].fibres.resize(1);
  EXPECT_TRUE(vertexFibreCoordinates(model, model.muscles[0]).empty());
}

}  // namespace
}  // namespace medius::anatomy
