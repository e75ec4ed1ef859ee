// Muscles deformed with their fibres (muscle_skin.h), through the CPU reference that the vertex
// shader mirrors: exact at rest, finite everywhere, volume kept within ±15 % over every motion,
// vertices near their fibres, no sinking into bone at the ends of the ranges of motion.
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "biomech_test_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_inverse.hpp>

namespace medius::biomech {
namespace {

using test::hipModel;

PosedModel& posed() {
  static PosedModel shared(hipModel());
  return shared;
}

// What the vertex shader computes: deformed with the fibres, kept out of the bones.
std::vector<glm::vec3> deformedPositions(const MuscleBinding& binding, const FibreFrames& frames) {
  std::vector<glm::vec3> positions;
  positions.reserve(binding.vertices.size());
  for (const VertexBinding& vertex : binding.vertices)
    positions.push_back(
        keepOutOfBones(deformVertex(vertex, frames).position, vertex, binding, posed().fibres().bones(), posed().transforms()));
  return positions;
}

// Enclosed volume by the divergence theorem (the muscle meshes are closed).
double enclosedVolume(const anatomy::TriangleMesh& mesh, const std::vector<glm::vec3>& positions) {
  double volume = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(positions[mesh.indices[t]]), b(positions[mesh.indices[t + 1]]), c(positions[mesh.indices[t + 2]]);
    volume += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return std::abs(volume);
}

// Fraction of the positions deeper than `depth` inside any bone at the current pose.
double fractionInsideBone(const std::vector<glm::vec3>& positions, float depth) {
  const PosedModel& p = posed();
  std::size_t inside = 0;
  for (const glm::vec3& position : positions) {
    for (const BoneField& bone : p.fibres().bones()) {
      const glm::vec3 local(glm::affineInverse(p.transforms().of(bone.segment)) * glm::vec4(position, 1.0f));
      if (bone.grid.near(local, 0.0f) && bone.grid.distance(local) < -depth) {
        ++inside;
        break;
      }
    }
  }
  return static_cast<double>(inside) / static_cast<double>(positions.size());
}

float distanceToFibres(const glm::vec3& p, const FibreFrames& frames, const std::vector<std::uint32_t>& fibres) {
  float best = 1e9f;
  for (const std::uint32_t f : fibres)
    for (std::size_t s = 0; s + 1 < frames.samplesPerFibre; ++s) {
      const glm::vec3 a = frames.at(f, s).position, ab = frames.at(f, s + 1).position - a;
      const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
      best = std::min(best, glm::distance(p, a + t * ab));
    }
  return best;
}

const anatomy::TriangleMesh& meshOf(const MuscleBinding& binding) { return hipModel().structures[binding.structure].mesh; }

TEST(BiomechMuscleSkin, EveryMuscleIsBoundAndRestGivesTheMeshBack) {
  posed().setPose(Pose{});
  ASSERT_EQ(posed().bindings().size(), hipModel().muscles.size());
  for (const MuscleBinding& binding : posed().bindings()) {
    const anatomy::Structure& structure = hipModel().structures[binding.structure];
    ASSERT_EQ(binding.vertices.size(), structure.mesh.positions.size());
    const glm::mat4 toModel = hipModel().neutralSegmentTransform(structure.segment);
    const std::vector<glm::vec3> positions = deformedPositions(binding, posed().frames());
    float worst = 0.0f;
    for (std::size_t v = 0; v < positions.size(); ++v) {
      worst = std::max(worst, glm::distance(positions[v], glm::vec3(toModel * glm::vec4(structure.mesh.positions[v], 1.0f))));
      const VertexBinding& vertex = binding.vertices[v];
      float weights = 0.0f;
      for (const float w : vertex.weight) weights += w;
      EXPECT_NEAR(weights, 1.0f, 1e-5f);
    }
    EXPECT_LT(worst, 1e-5f) << structure.id;
  }
}

TEST(BiomechMuscleSkin, BulgeKeepsTheFibreVolume) {
  for (const float ratio : {0.6f, 0.8f, 1.0f, 1.2f, 1.5f}) {
    const float a = bulgeForLength(1.0f, ratio);
    // ∫ (1 + a sin πu)² du by the midpoint rule, times the length, is the rest volume.
    double integral = 0.0;
    for (int i = 0; i < 1000; ++i) {
      const double s = 1.0 + a * std::sin(std::numbers::pi * (i + 0.5) / 1000.0);
      integral += s * s / 1000.0;
    }
    EXPECT_NEAR(integral * ratio, 1.0, 1e-3) << "length ratio " << ratio;
  }
}

// Every motion, sampled through its loop: finite positions, volume within ±15 % of rest, and
// vertices near their muscle's fibres. A vertex moves away from its fibres by the thickening of a
// shortening muscle and by sliding over bone, but must not leave the muscle: at most 15 mm
// farther than at rest (about the thickness of gluteus medius), 3 mm on average.
TEST(BiomechMuscleSkin, MusclesKeepVolumeAndStayOnTheirFibresOverEveryMotion) {
  posed().setPose(Pose{});
  std::vector<double> restVolume;
  std::vector<std::vector<float>> restDistance;
  std::vector<std::vector<std::uint32_t>> fibresOf;
  for (const MuscleBinding& binding : posed().bindings()) {
    const std::vector<glm::vec3> positions = deformedPositions(binding, posed().frames());
    restVolume.push_back(enclosedVolume(meshOf(binding), positions));
    const std::vector<std::uint32_t>& fibres = binding.fibres;
    std::vector<float> distances;
    for (std::size_t v = 0; v < positions.size(); v += 7)
      distances.push_back(distanceToFibres(positions[v], posed().frames(), fibres));
    restDistance.push_back(std::move(distances));
    fibresOf.push_back(fibres);
  }
  for (const Motion& motion : motionLibrary()) {
    double worstChange = 0.0, worstSigned = 0.0, worstDrift = 0.0, meanDrift = 0.0;
    std::size_t drifts = 0;
    for (int step = 0; step < 8; ++step) {
      posed().setPose(motion.sample(motion.durationSeconds * step / 8.0));
      for (std::size_t m = 0; m < posed().bindings().size(); ++m) {
        const MuscleBinding& binding = posed().bindings()[m];
        const std::vector<glm::vec3> positions = deformedPositions(binding, posed().frames());
        for (const glm::vec3& p : positions) ASSERT_TRUE(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z));
        const double change = enclosedVolume(meshOf(binding), positions) / restVolume[m] - 1.0;
        if (std::abs(change) > worstChange) {
          worstChange = std::abs(change);
          worstSigned = change;
        }
        EXPECT_LT(std::abs(change), 0.15) << motion.id << " step " << step << " " << hipModel().structures[binding.structure].id;
        for (std::size_t v = 0, k = 0; v < positions.size(); v += 7, ++k) {
          const float drift = distanceToFibres(positions[v], posed().frames(), fibresOf[m]) - restDistance[m][k];
          worstDrift = std::max(worstDrift, static_cast<double>(drift));
          meanDrift += drift;
          ++drifts;
        }
      }
    }
    meanDrift /= static_cast<double>(drifts);
    std::printf("%-26s worst volume change %5.1f %%, drift from fibres: worst %4.1f mm, mean %3.1f mm\n", motion.id.c_str(),
                100.0 * worstSigned, 1000.0 * worstDrift, 1000.0 * meanDrift);
    // Bellies of real thickness (issue 16) put surface points up to about 25 mm from the nearest
    // fibre; carried by the fibres' frames they drift by at most 20 mm at the ends of external
    // rotation and the clamshell, and by under 1 mm on average.
    EXPECT_LT(worstDrift, 0.020) << motion.id;
    EXPECT_LT(meanDrift, 0.003) << motion.id;
  }
}

// No tearing: over every motion no edge of a muscle mesh grows by more than 25 mm (a tenth of
// gluteus maximus; where it wraps the greater trochanter at 90° of flexion a 22 mm edge grows to
// about 41 mm, smoothly, as the rendered muscle shows), and 99.9 % of edges change length by less
// than a factor of 3 (bellies of real thickness, issue 16, are squeezed on the inside of a bend:
// 2.7 at most today; thin slabs stayed under 2.5).
TEST(BiomechMuscleSkin, NoTearingOverEveryMotion) {
  posed().setPose(Pose{});
  std::vector<std::vector<float>> rest;
  for (const MuscleBinding& binding : posed().bindings()) {
    const std::vector<glm::vec3> p = deformedPositions(binding, posed().frames());
    const anatomy::TriangleMesh& mesh = meshOf(binding);
    std::vector<float> lengths;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
      for (int e = 0; e < 3; ++e) lengths.push_back(glm::distance(p[mesh.indices[t + e]], p[mesh.indices[t + (e + 1) % 3]]));
    rest.push_back(std::move(lengths));
  }
  std::vector<float> ratios;
  float worstGrowth = 0.0f;
  for (const Motion& motion : motionLibrary())
    for (int step = 0; step < 4; ++step) {
      posed().setPose(motion.sample(motion.durationSeconds * (step + 0.5) / 4.0));
      for (std::size_t m = 0; m < posed().bindings().size(); ++m) {
        const std::vector<glm::vec3> p = deformedPositions(posed().bindings()[m], posed().frames());
        const anatomy::TriangleMesh& mesh = meshOf(posed().bindings()[m]);
        std::size_t k = 0;
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
          for (int e = 0; e < 3; ++e, ++k) {
            const float length = glm::distance(p[mesh.indices[t + e]], p[mesh.indices[t + (e + 1) % 3]]);
            if (rest[m][k] > 1e-6f) ratios.push_back(std::max(length / rest[m][k], rest[m][k] / std::max(length, 1e-9f)));
            worstGrowth = std::max(worstGrowth, length - rest[m][k]);
          }
      }
    }
  std::sort(ratios.begin(), ratios.end());
  const float p999 = ratios[ratios.size() * 999 / 1000];
  std::printf("edge length change over all motions: 99.9th percentile x%.2f, worst growth %.1f mm\n", p999,
              1000.0f * worstGrowth);
  EXPECT_LT(worstGrowth, 0.025f);
  EXPECT_LT(p999, 3.0f);
}

// At the ends of every DOF's range, no more muscle vertices lie deep inside bone than at rest
// (where a few touch the bone at the attachments).
TEST(BiomechMuscleSkin, NoSinkingIntoBoneAtTheEndsOfTheRanges) {
  constexpr float kDepth = 0.003f;  // deeper than the grid's error and the fibres' clearance
  const auto insideFraction = [&]() {
    std::vector<glm::vec3> all;
    for (const MuscleBinding& binding : posed().bindings()) {
      const std::vector<glm::vec3> positions = deformedPositions(binding, posed().frames());
      all.insert(all.end(), positions.begin(), positions.end());
    }
    return fractionInsideBone(all, kDepth);
  };
  posed().setPose(Pose{});
  const double rest = insideFraction();
  std::printf("rest: %.2f %% of muscle vertices deeper than %.0f mm in bone\n", 100.0 * rest, 1000.0 * kDepth);
  for (const anatomy::Joint& joint : hipModel().joints)
    for (const anatomy::JointDof& dof : joint.dofs)
      for (const double angle : {dof.minDegrees, dof.maxDegrees}) {
        Pose pose;
        pose.joints[joint.id][dof.id] = angle;
        posed().setPose(pose);
        const double fraction = insideFraction();
        std::printf("%s.%s = %6.1f: %.2f %%\n", joint.id.c_str(), dof.id.c_str(), angle, 100.0 * fraction);
        EXPECT_LT(fraction, rest + 0.005) << joint.id << "." << dof.id << " = " << angle;
      }
}

}  // namespace
}  // namespace medius::biomech
