#pragma once
// Static optimisation of one joint: share a required joint moment among actuators (fibres) so
// that sum(a_i^2) is smallest, with
//     sum_i a_i * maxMoment_i  +  reserve  =  required     (each of the joint's 3 DOFs),
//     0 <= a_i <= 1,
// where maxMoment_i = Fmax_i * r_i is what actuator i gives at full activation (N·m per DOF).
// What the actuators cannot give goes to `reserve` ("other hip muscles"), never dropped. The
// reserve is one ideal actuator per DOF with an optimal moment ρ_opt, costing (reserve/ρ_opt)²
// like an activation squared (as OpenSim's reserve actuators): a tiny ρ_opt makes it a last
// resort that takes exactly the least-squares shortfall; a larger one lets it share the load.
//
// Method (ours, tested in tests/unit/biomech_static_optimisation_test.cpp): the problem is
// strictly convex; its dual in the 3 moment multipliers λ is a concave, piecewise quadratic
// function, maximised by a semi-smooth Newton method with backtracking. At the optimum
// a_i = clamp(maxMoment_i · λ, 0, 1) (so the bounds hold exactly) and reserve = ρ_opt² λ.
#include <array>
#include <vector>

namespace medius::biomech {

// A last-resort reserve (1e-4 N·m): takes only what the actuators cannot give (~1e-9 N·m otherwise).
constexpr double kLastResortReserveNm = 1e-4;

struct StaticOptimisationResult {
  std::vector<double> activations;      // one per actuator, each exactly within [0, 1]
  std::array<double, 3> reserve{};      // N·m: required − sum a_i maxMoment_i (exactly)
  std::array<double, 3> multipliers{};  // λ: a_i = clamp(maxMoment_i · λ, 0, 1)
  int iterations = 0;
  bool converged = false;
};

// `maxMoments[i]` is actuator i's moment at full activation (N·m per DOF); an actuator with a
// zero vector (removed, 0 % strength) stays at 0. Never throws for finite input.
StaticOptimisationResult solveStaticOptimisation(const std::vector<std::array<double, 3>>& maxMoments,
                                                 const std::array<double, 3>& required,
                                                 double reserveOptimalMomentNm = kLastResortReserveNm);

}  // namespace medius::biomech
