#include "anatomy/fibre_field.h"

#include <gtest/gtest.h>

namespace medius::anatomy {
namespace {

// Three parallel vertical fibres at x = 0, 1, 2 cm; a muscle mesh with vertices between them.
Model threeFibreMuscle(const std::vector<glm::vec3>& vertices) {
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
  for (const float x : {0.0f, 0.01f, 0.02f})
    compartment.fibres.push_back({{{"pelvis", {x, 0.05f, 0.0f}}, {"pelvis", {x, -0.05f, 0.0f}}}});
  muscle.compartments.push_back(compartment);
  model.muscles.push_back(muscle);
  return model;
}

TEST(FibreField, CoordinatesRunAcrossTheFibresAndStayConstantAlongThem) {
  const Model model = threeFibreMuscle({{0.0f, 0.0f, 0.003f},
                                        {0.005f, 0.0f, 0.003f},
                                        {0.01f, 0.02f, 0.003f},
                                        {0.015f, -0.03f, 0.003f},
                                        {0.015f, 0.03f, 0.003f},
                                        {0.02f, 0.0f, 0.003f}});
  const std::vector<float> u = vertexFibreCoordinates(model, model.muscles[0]);
  ASSERT_EQ(u.size(), 6u);
  EXPECT_NEAR(u[0], 0.0f, 0.15f);  // over fibre 0 (3 mm above it)
  EXPECT_NEAR(u[1], 0.5f, 0.05f);  // halfway between fibres 0 and 1
  EXPECT_NEAR(u[2], 1.0f, 0.15f);  // over fibre 1
  EXPECT_NEAR(u[3], u[4], 1e-4f);  // the same place across, different place along: same coordinate
  EXPECT_NEAR(u[3], 1.5f, 0.05f);
  EXPECT_NEAR(u[5], 2.0f, 0.15f);
}

TEST(FibreField, NothingForAMuscleWithoutEnoughFibres) {
  Model model = threeFibreMuscle({{0.0f, 0.0f, 0.0f}});
  model.muscles[0].compartments[0].fibres.resize(1);
  EXPECT_TRUE(vertexFibreCoordinates(model, model.muscles[0]).empty());
}

}  // namespace
}  // namespace medius::anatomy
