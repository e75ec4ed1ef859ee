#include "biomech/static_optimisation.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace medius::biomech {
namespace {

using Vec3 = Eigen::Vector3d;

Vec3 toVec(const std::array<double, 3>& a) { return {a[0], a[1], a[2]}; }

// ψ(s) = max over a in [0,1] of (a s − a²/2): the conjugate of the activation cost with bounds.
double psi(double s) {
  if (s <= 0.0) return 0.0;
  if (s >= 1.0) return s - 0.5;
  return 0.5 * s * s;
}

struct Dual {
  const std::vector<Vec3>& c;
  Vec3 b;
  double reserveWeight;  // 1 / ρ_opt²
  // Concave dual function D(λ) = λ·b − Σ ψ(c_i·λ) − |λ|² / (2W).
  double value(const Vec3& lambda) const {
    double v = lambda.dot(b) - lambda.squaredNorm() / (2.0 * reserveWeight);
    for (const Vec3& ci : c) v -= psi(ci.dot(lambda));
    return v;
  }
  // Its gradient: the moment residual b − Σ a_i c_i − reserve; and the generalised Hessian's negative.
  Vec3 gradient(const Vec3& lambda, Eigen::Matrix3d* curvature) const {
    Vec3 g = b - lambda / reserveWeight;
    Eigen::Matrix3d h = Eigen::Matrix3d::Identity() / reserveWeight;
    for (const Vec3& ci : c) {
      const double s = ci.dot(lambda);
      g -= std::clamp(s, 0.0, 1.0) * ci;
      if (s > 0.0 && s < 1.0) h += ci * ci.transpose();
    }
    if (curvature) *curvature = h;
    return g;
  }
};

}  // namespace

StaticOptimisationResult solveStaticOptimisation(const std::vector<std::array<double, 3>>& maxMoments,
                                                 const std::array<double, 3>& required, double reserveOptimalMomentNm) {
  std::vector<Vec3> c;
  c.reserve(maxMoments.size());
  for (const auto& m : maxMoments) c.push_back(toVec(m));
  const double reserveWeight = 1.0 / (reserveOptimalMomentNm * reserveOptimalMomentNm);
  const Dual dual{c, toVec(required), reserveWeight};

  // Start from the multipliers that would be exact if every actuator were free (unbounded).
  Eigen::Matrix3d all = Eigen::Matrix3d::Identity() / reserveWeight;
  for (const Vec3& ci : c) all += ci * ci.transpose();
  Vec3 lambda = all.ldlt().solve(dual.b);

  StaticOptimisationResult result;
  const double tolerance = 1e-11 * std::max(1.0, dual.b.norm());
  for (result.iterations = 0; result.iterations < 200; ++result.iterations) {
    Eigen::Matrix3d h;
    const Vec3 g = dual.gradient(lambda, &h);
    if (g.norm() <= tolerance) {
      result.converged = true;
      break;
    }
    const Vec3 step = h.ldlt().solve(g);
    // Backtracking (Armijo) on the concave dual: every accepted step raises D.
    const double d0 = dual.value(lambda);
    const double slope = g.dot(step);
    double t = 1.0;
    while (t > 1e-12 && dual.value(lambda + t * step) < d0 + 1e-4 * t * slope) t *= 0.5;
    const Vec3 next = lambda + t * step;
    if ((next - lambda).norm() <= 1e-15 * std::max(1.0, lambda.norm())) {
      result.converged = g.norm() <= 1e-6 * std::max(1.0, dual.b.norm());
      break;
    }
    lambda = next;
  }

  result.activations.resize(c.size());
  Vec3 carried = Vec3::Zero();
  for (std::size_t i = 0; i < c.size(); ++i) {
    result.activations[i] = std::clamp(c[i].dot(lambda), 0.0, 1.0);
    carried += result.activations[i] * c[i];
  }
  const Vec3 reserve = dual.b - carried;
  for (int k = 0; k < 3; ++k) {
    result.reserve[static_cast<std::size_t>(k)] = reserve[k];
    result.multipliers[static_cast<std::size_t>(k)] = lambda[k];
  }
  return result;
}

}  // namespace medius::biomech
