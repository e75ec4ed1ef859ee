#include "biomech/joint_demand.h"

#include "biomech/joint_perturbation.h"

#include <cmath>
#include <numbers>
#include <vector>

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/mat3x3.hpp>
#include <glm/trigonometric.hpp>

namespace medius::biomech {
namespace {

// Step for the derivatives of positions (our choice; the positions are smooth in q).
constexpr double kStepDegrees = 0.5;

struct MassPoint {
  double mass = 0.0;
  glm::dvec3 position{0.0};  // model frame
  glm::dmat3 inertia{0.0};   // about its centre, model frame (zero: a point mass)
};

glm::dvec3 apply(const glm::mat4& m, const glm::dvec3& p) { return glm::dvec3(glm::dmat4(m) * glm::dvec4(p, 1.0)); }

// Thigh, shank and foot of the leg whose femur is placed by `femur` (segment → model), with the
// knee bent `kneeDegrees`. Knee = hip centre + thigh length down the femur's −Y; the shank turns
// back (−X) about the femur's Z as the knee bends; the foot's mass sits at the ankle (our
// simplification: 1.4 % of body mass).
std::vector<MassPoint> legMasses(const glm::mat4& femur, const glm::dvec3& hipInFemur, double kneeDegrees, const Person& person,
                                 glm::dvec3* knee = nullptr) {
  const LowerLimbParameters& p = deLeva1996(person.sex);
  const double scale = person.heightM / p.referenceStatureMetres;
  const double thighLength = p.thigh.lengthMetres * scale, shankLength = p.shank.lengthMetres * scale;
  const glm::dmat3 rotation = glm::dmat3(glm::dmat4(femur));
  const double k = glm::radians(kneeDegrees);
  const glm::dvec3 down(0.0, -1.0, 0.0), shankDirection(-std::sin(k), -std::cos(k), 0.0);
  const glm::dvec3 kneeLocal = hipInFemur + thighLength * down;
  if (knee) *knee = apply(femur, kneeLocal);
  // Inertia about the centre in a frame with y along the segment: m (ρ L)² per axis.
  auto inertia = [&](const SegmentParameters& s, double length, const glm::dmat3& segmentToModel) {
    const double m = s.massFraction * person.bodyMassKg;
    const glm::dvec3 r = s.gyration * length;
    const glm::dmat3 local(glm::dvec3(m * r.x * r.x, 0, 0), glm::dvec3(0, m * r.y * r.y, 0), glm::dvec3(0, 0, m * r.z * r.z));
    return segmentToModel * local * glm::transpose(segmentToModel);
  };
  // The shank's frame: the femur's turned about Z by the knee angle (y along the shank, upwards).
  const glm::dmat3 kneeTurn(glm::dvec3(std::cos(k), -std::sin(k), 0), glm::dvec3(std::sin(k), std::cos(k), 0),
                            glm::dvec3(0, 0, 1));
  std::vector<MassPoint> masses;
  masses.push_back({p.thigh.massFraction * person.bodyMassKg, apply(femur, hipInFemur + p.thigh.comFraction * thighLength * down),
                    inertia(p.thigh, thighLength, rotation)});
  masses.push_back({p.shank.massFraction * person.bodyMassKg,
                    apply(femur, kneeLocal + p.shank.comFraction * shankLength * shankDirection),
                    inertia(p.shank, shankLength, rotation * kneeTurn)});
  masses.push_back(
      {p.foot.massFraction * person.bodyMassKg, apply(femur, kneeLocal + shankLength * shankDirection), glm::dmat3(0.0)});
  return masses;
}

// Angular velocity per unit DOF rate from the rotations at q ± h: vee(R+ R−ᵀ) / 2h.
glm::dvec3 axisFromRotations(const glm::mat4& plus, const glm::mat4& minus, double twoStep) {
  const glm::dmat3 d = glm::dmat3(glm::dmat4(plus)) * glm::transpose(glm::dmat3(glm::dmat4(minus)));
  return glm::dvec3(d[1][2] - d[2][1], d[2][0] - d[0][2], d[0][1] - d[1][0]) * 0.5 / twoStep;
}

}  // namespace

JointDemand jointDemand(const anatomy::Model& model, const Pose& pose, const SegmentTransforms& transforms,
                        const DemandInputs& inputs, const Person& person, const ElasticBand& band) {
  JointDemand demand;
  if (inputs.load == LimbLoad::Rested) return demand;
  const anatomy::Joint& joint = model.joints.at(inputs.joint);
  const glm::dvec3 g = inputs.gravity * kGravity;
  const double h = glm::radians(kStepDegrees), twoStep = 2.0 * h;
  const std::size_t dofs = std::min<std::size_t>(3, joint.dofs.size());

  // Mass points at the pose, and a function placing them for a perturbed DOF value.
  std::vector<MassPoint> masses;
  glm::dvec3 knee(0.0);
  if (inputs.load == LimbLoad::Free) {
    masses = legMasses(transforms.of(joint.child), joint.centreInChild, inputs.kneeFlexionDegrees, person, &knee);
  } else {
    // Upper body: on the midline above the midpoint of the hip centres (pelvis frame), at the
    // trunk's centre of mass height (segment_parameters.h).
    glm::dvec3 midHip(0.0);
    int hips = 0;
    for (const anatomy::Joint& j : model.joints)
      if (j.parent == joint.parent) midHip += glm::dvec3(j.centreInParent), ++hips;
    midHip /= std::max(1, hips);
    const glm::dvec3 upperBody = midHip + glm::dvec3(0.0, upperBodyComHeightFraction(person.sex) * person.heightM, 0.0);
    masses.push_back(
        {upperBodyMassFraction(person.sex) * person.bodyMassKg, apply(transforms.of(joint.parent), upperBody), glm::dmat3(0.0)});
    for (const anatomy::Joint& other : model.joints) {
      if (other.id == joint.id || other.parent != joint.parent) continue;
      for (const MassPoint& m :
           legMasses(transforms.of(other.child), other.centreInChild, inputs.otherKneeFlexionDegrees, person))
        masses.push_back(m);
    }
  }

  std::array<std::vector<glm::dvec3>, 3> velocity;  // ∂p/∂q per DOF and mass
  std::array<glm::dvec3, 3> angular{};              // ∂ω/∂q per DOF (free leg)
  std::array<glm::dvec3, 3> kneeVelocity{};
  const glm::mat4 child = transforms.of(joint.child);
  for (std::size_t d = 0; d < dofs; ++d) {
    const SegmentTransforms plus = perturbedTransforms(model, transforms, pose, inputs.joint, d, +kStepDegrees);
    const SegmentTransforms minus = perturbedTransforms(model, transforms, pose, inputs.joint, d, -kStepDegrees);
    const glm::mat4 childPlus = plus.of(joint.child), childMinus = minus.of(joint.child);
    // Free leg: the leg's points ride on the child. Stance: the child stays, so the parent side
    // moves by child · child(q±)⁻¹.
    const glm::dmat4 movePlus = inputs.load == LimbLoad::Free ? glm::dmat4(childPlus) * glm::inverse(glm::dmat4(child))
                                                              : glm::dmat4(child) * glm::inverse(glm::dmat4(childPlus));
    const glm::dmat4 moveMinus = inputs.load == LimbLoad::Free ? glm::dmat4(childMinus) * glm::inverse(glm::dmat4(child))
                                                               : glm::dmat4(child) * glm::inverse(glm::dmat4(childMinus));
    for (const MassPoint& m : masses)
      velocity[d].push_back(
          (glm::dvec3(movePlus * glm::dvec4(m.position, 1.0)) - glm::dvec3(moveMinus * glm::dvec4(m.position, 1.0))) / twoStep);
    angular[d] = axisFromRotations(glm::mat4(movePlus), glm::mat4(moveMinus), twoStep);
    kneeVelocity[d] = (glm::dvec3(movePlus * glm::dvec4(knee, 1.0)) - glm::dvec3(moveMinus * glm::dvec4(knee, 1.0))) / twoStep;
  }

  const bool bandActs = inputs.load == LimbLoad::Free && band.resistanceNewtons > 0.0 && band.joint == joint.id;
  const glm::dvec3 towardsAnchor = glm::length(band.anchor - knee) > 1e-9 ? glm::normalize(band.anchor - knee) : glm::dvec3(0.0);
  for (std::size_t d = 0; d < dofs; ++d) {
    for (std::size_t i = 0; i < masses.size(); ++i) demand.gravityNm[d] += masses[i].mass * glm::dot(g, velocity[d][i]);
    if (bandActs) demand.bandNm[d] = band.resistanceNewtons * glm::dot(towardsAnchor, kneeVelocity[d]);
  }
  if (inputs.load == LimbLoad::Free) {
    for (std::size_t k = 0; k < dofs; ++k)
      for (std::size_t l = 0; l < dofs; ++l) {
        double mkl = 0.0;
        for (std::size_t i = 0; i < masses.size(); ++i)
          mkl += masses[i].mass * glm::dot(velocity[k][i], velocity[l][i]) + glm::dot(angular[k], masses[i].inertia * angular[l]);
        demand.inertialNm[k] += mkl * inputs.accelerationRadS2[l];
      }
  }
  for (std::size_t d = 0; d < 3; ++d) demand.requiredNm[d] = demand.inertialNm[d] - demand.gravityNm[d] - demand.bandNm[d];
  return demand;
}

}  // namespace medius::biomech
