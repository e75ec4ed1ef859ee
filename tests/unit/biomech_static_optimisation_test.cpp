// Static optimisation (min Σa² s.t. Σ a_i maxMoment_i + reserve = required, 0 <= a <= 1): the
// moment equality to 1e-6 N·m, the bounds exactly, optimality (KKT), the reserve taking exactly
// what the actuators cannot give, and a removed actuator's share taken up by the others.
#include "biomech/static_optimisation.h"

#include <cmath>
#include <cstdio>
#include <random>

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

using Moments = std::vector<std::array<double, 3>>;

std::array<double, 3> carried(const Moments& c, const std::vector<double>& a) {
  std::array<double, 3> sum{};
  for (std::size_t i = 0; i < c.size(); ++i)
    for (std::size_t k = 0; k < 3; ++k) sum[k] += a[i] * c[i][k];
  return sum;
}

// A fan of 36 actuators like a hip's gluteals: Fmax 20–70 N, moment arms up to ±6 cm.
Moments randomFan(std::mt19937& random) {
  std::uniform_real_distribution<double> force(20.0, 70.0), arm(-0.06, 0.06);
  Moments c(36);
  for (auto& m : c) {
    const double f = force(random);
    m = {f * arm(random), f * arm(random), f * arm(random)};
  }
  return c;
}

void expectKkt(const Moments& c, const StaticOptimisationResult& r) {
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double s = c[i][0] * r.multipliers[0] + c[i][1] * r.multipliers[1] + c[i][2] * r.multipliers[2];
    if (r.activations[i] > 0.0 && r.activations[i] < 1.0) {
      EXPECT_NEAR(r.activations[i], s, 1e-9) << i;
    } else if (r.activations[i] == 0.0) {
      EXPECT_LE(s, 1e-9) << i;
    } else {
      EXPECT_EQ(r.activations[i], 1.0) << i;
      EXPECT_GE(s, 1.0 - 1e-9) << i;
    }
  }
}

TEST(BiomechStaticOptimisation, MeetsTheMomentToAMicroNewtonMetreWithinTheBounds) {
  std::mt19937 random(7);
  double worst = 0.0;
  int iterations = 0, saturated = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const Moments c = randomFan(random);
    // A target the fan can reach: what a random activation pattern up to 50 % gives, or (odd
    // trials) 95 % of every actuator that pulls along a random direction: near the edge of what
    // the fan can do, so many bounds bind.
    std::uniform_real_distribution<double> level(0.0, 0.5), unit(-1.0, 1.0);
    const std::array<double, 3> direction{unit(random), unit(random), unit(random)};
    std::vector<double> pattern(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
      const double along = c[i][0] * direction[0] + c[i][1] * direction[1] + c[i][2] * direction[2];
      pattern[i] = trial % 2 ? (along > 0.0 ? 0.95 : 0.0) : level(random);
    }
    const std::array<double, 3> required = carried(c, pattern);
    const StaticOptimisationResult r = solveStaticOptimisation(c, required);
    ASSERT_TRUE(r.converged) << trial;
    iterations = std::max(iterations, r.iterations);
    const std::array<double, 3> achieved = carried(c, r.activations);
    for (std::size_t k = 0; k < 3; ++k) {
      worst = std::max(worst, std::abs(achieved[k] - required[k]));
      EXPECT_NEAR(achieved[k], required[k], 1e-6) << trial;
      EXPECT_NEAR(r.reserve[k], 0.0, 1e-6) << trial;
    }
    for (const double a : r.activations) {
      EXPECT_GE(a, 0.0);
      EXPECT_LE(a, 1.0);
      saturated += a == 1.0;
    }
    expectKkt(c, r);
  }
  std::printf("200 feasible problems: worst moment error %.2e N·m, at most %d Newton iterations, %d activations at 1\n", worst,
              iterations, saturated);
}

TEST(BiomechStaticOptimisation, IsTheMinimumNormSolutionWhenNoBoundBinds) {
  // Two actuators on one DOF: min a1² + a2² with 10 a1 + 20 a2 = 5 → a = (0.1, 0.2).
  const StaticOptimisationResult r = solveStaticOptimisation({{10, 0, 0}, {20, 0, 0}}, {5, 0, 0});
  EXPECT_NEAR(r.activations[0], 0.1, 1e-9);
  EXPECT_NEAR(r.activations[1], 0.2, 1e-9);
}

TEST(BiomechStaticOptimisation, AnUnreachableMomentGoesToTheReserveNeverDropped) {
  // 10 + 20 N·m at full activation; 50 N·m asked: both saturate, the reserve carries 20.
  const StaticOptimisationResult r = solveStaticOptimisation({{10, 0, 0}, {20, 0, 0}}, {50, 0, 0});
  EXPECT_EQ(r.activations[0], 1.0);
  EXPECT_EQ(r.activations[1], 1.0);
  EXPECT_NEAR(r.reserve[0], 20.0, 1e-6);
  // A DOF no actuator acts on goes to the reserve whole, while the others are still met.
  const StaticOptimisationResult s = solveStaticOptimisation({{10, 0, 0}, {20, 0, 0}}, {5, 0, -3});
  EXPECT_NEAR(s.reserve[2], -3.0, 1e-6);
  EXPECT_NEAR(s.reserve[0], 0.0, 1e-6);
  // An actuator that pulls the wrong way stays off; one with no moment stays off.
  const StaticOptimisationResult t = solveStaticOptimisation({{-10, 0, 0}, {0, 0, 0}, {20, 0, 0}}, {5, 0, 0});
  EXPECT_EQ(t.activations[0], 0.0);
  EXPECT_EQ(t.activations[1], 0.0);
  EXPECT_NEAR(t.activations[2], 0.25, 1e-9);
  // No moment asked: everything off.
  const StaticOptimisationResult z = solveStaticOptimisation({{10, 1, 0}, {20, 0, 3}}, {0, 0, 0});
  EXPECT_EQ(z.activations[0], 0.0);
  EXPECT_EQ(z.activations[1], 0.0);
}

TEST(BiomechStaticOptimisation, OthersTakeUpARemovedActuatorsShare) {
  std::mt19937 random(11);
  const Moments c = randomFan(random);
  std::vector<double> pattern(c.size(), 0.3);
  const std::array<double, 3> required = carried(c, pattern);
  const StaticOptimisationResult full = solveStaticOptimisation(c, required);
  // Remove the actuator that carries most.
  std::size_t busiest = 0;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (full.activations[i] > full.activations[busiest]) busiest = i;
  Moments without = c;
  without[busiest] = {0, 0, 0};
  const StaticOptimisationResult reduced = solveStaticOptimisation(without, required);
  EXPECT_EQ(reduced.activations[busiest], 0.0);
  const std::array<double, 3> achieved = carried(without, reduced.activations);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(achieved[k], required[k], 1e-6);
  double before = 0.0, after = 0.0;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (i != busiest)
      before += full.activations[i] * full.activations[i], after += reduced.activations[i] * reduced.activations[i];
  EXPECT_GT(after, before);  // the others work harder
  std::printf("removed actuator %zu (a = %.2f): the others' Σa² %.3f -> %.3f, moment still met\n", busiest,
              full.activations[busiest], before, after);
}

}  // namespace
}  // namespace medius::biomech
