#include "rig/body_axes.h"

#include "core/error.h"
#include "core/number_text.h"
#include "rig/bone_geometry.h"

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace medius::rig {
namespace {

constexpr double kInputAxisDegrees = 25.0;  // the input's axes taken within this of those found (our choice)

std::optional<glm::dvec3> findSuperior(const std::vector<SideCues>& cues, RigReport& report) {
  // The femur's mechanical axis is close to the body's long axis (within about 3°, Moreland et
  // al. 1987, JBJS 69-A:745); the hip bone's long axis leans with the ilium's flare and tilt, and
  // only the sum over both sides cancels the flare, so it is used only without a femur.
  // A femur cut short gives only its proximal shaft, the anatomical axis (5-9° off the mechanical
  // one, and bowed forwards): after both hip bones, before one alone.
  glm::dvec3 fromFemurs(0.0), fromHipBones(0.0), fromCutFemurs(0.0);
  int hipBones = 0;
  for (const SideCues& c : cues) {
    if (c.femurSuperior) fromFemurs += *c.femurSuperior;
    if (c.hipBoneSuperior) fromHipBones += *c.hipBoneSuperior, ++hipBones;
    if (c.cutFemurSuperior) fromCutFemurs += *c.cutFemurSuperior;
  }
  if (glm::length(fromFemurs) > 0.0) {
    report.say("Superior: along the femur from the knee to the femoral head.");
    return glm::normalize(fromFemurs);
  }
  if (hipBones >= 2 && glm::length(fromHipBones) > 0.0) {
    report.say("Superior: along both hip bones from the acetabulum towards the iliac crest (no whole femur).");
    return glm::normalize(fromHipBones);
  }
  if (glm::length(fromCutFemurs) > 0.0) {
    report.say("Superior: along the shaft of the femur cut short, towards its head (no whole femur, one hip bone at most).");
    return glm::normalize(fromCutFemurs);
  }
  if (glm::length(fromHipBones) > 0.0) {
    report.say("Superior: along the hip bone from the acetabulum towards the iliac crest (no femur).");
    return glm::normalize(fromHipBones);
  }
  return std::nullopt;
}

// Without bones: the cartilages' domes (SideCues::cartilageDome) of both hips, less their part
// along the line between the hip centres (the head's dome also leans medially). Needs two sides.
std::optional<glm::dvec3> superiorFromCartilages(const std::vector<SideCues>& cues, const glm::dvec3& across, RigReport& report) {
  glm::dvec3 sum(0.0);
  int sides = 0;
  for (const SideCues& c : cues)
    if (c.cartilageDome) sum += unitOrZero(perpendicularPart(*c.cartilageDome, across)), ++sides;
  if (sides < 2 || glm::length(sum) == 0.0) return std::nullopt;
  report.say(
      "Superior: from the hip cartilages of both sides, whose area lies above the joints' centres (the "
      "weight-bearing dome; no femur or hip bone).");
  return glm::normalize(sum);
}

// The input's own axis (±x, ±y or ±z) nearest `direction`, when within `degrees` of it.
std::optional<glm::dvec3> inputAxisNear(const glm::dvec3& direction, double degrees) {
  glm::dvec3 best(0.0);
  for (int k = 0; k < 3; ++k) {
    glm::dvec3 axis(0.0);
    axis[k] = direction[k] < 0.0 ? -1.0 : 1.0;
    if (glm::dot(axis, direction) > glm::dot(best, direction)) best = axis;
  }
  if (glm::dot(best, direction) < std::cos(glm::radians(degrees))) return std::nullopt;
  return best;
}

// An anterior hint, used only to decide which way "right" points when no side is given.
std::optional<glm::dvec3> anteriorHint(const std::vector<SideCues>& cues, const std::optional<glm::dvec3>& axialCentre,
                                       const glm::dvec3& hipMidpoint, const glm::dvec3& superior, const glm::dvec3& across,
                                       std::string& from) {
  auto inPlane = [&](glm::dvec3 v) { return unitOrZero(perpendicularPart(perpendicularPart(v, superior), across)); };
  // The sacrum lies behind the hip joints.
  if (axialCentre) {
    const glm::dvec3 hint = inPlane(hipMidpoint - *axialCentre);
    if (glm::length(hint) > 0.0) return from = "the axial bones lie behind the hip joints", hint;
  }
  glm::dvec3 sum(0.0);
  for (const SideCues& c : cues)
    if (c.femurPosterior) sum -= *c.femurPosterior;
  if (glm::length(inPlane(sum)) > 0.0) return from = "the femoral condyles bulge behind the shaft", inPlane(sum);
  // The acetabulum faces forward by its anteversion (about 15-20°, Murray 1993, JBJS 75-B:228).
  for (const SideCues& c : cues)
    if (c.socketOpening) sum += *c.socketOpening;
  if (glm::length(inPlane(sum)) > 0.0) return from = "the acetabulum opens forwards", inPlane(sum);
  return std::nullopt;
}

}  // namespace

BodyAxes findBodyAxes(const std::vector<SideCues>& cues, const std::optional<glm::dvec3>& axialCentre,
                      const std::optional<AnatomicalAxes>& given, RigReport& report) {
  BodyAxes result;
  std::vector<std::size_t> withCentre;
  for (std::size_t i = 0; i < cues.size(); ++i)
    if (cues[i].hipCentre) withCentre.push_back(i);
  glm::dvec3 hipMidpoint(0.0);
  for (std::size_t i : withCentre) hipMidpoint += *cues[i].hipCentre;
  if (!withCentre.empty()) hipMidpoint /= static_cast<double>(withCentre.size());

  if (given) {
    result.axes = {unitOrZero(given->anterior), unitOrZero(given->superior), unitOrZero(given->right)};
    report.say("Axes: as given by the input.");
  } else {
    std::optional<glm::dvec3> foundSuperior = findSuperior(cues, report);
    const bool fromCartilages = !foundSuperior && withCentre.size() >= 2;
    if (fromCartilages)
      foundSuperior =
          superiorFromCartilages(cues, unitOrZero(*cues[withCentre[1]].hipCentre - *cues[withCentre[0]].hipCentre), report);
    if (!foundSuperior)
      throw InputError(
          "cannot tell which way is superior: the set has neither a femur nor a hip bone, nor the hip cartilages of both "
          "sides; give \"axes\" in the manifest");
    const glm::dvec3 superior = *foundSuperior;
    // The line across the body, and whether it is known to point right (a sign of +1 or -1) or not (0).
    glm::dvec3 across(0.0);
    int sign = 0;
    if (withCentre.size() >= 2) {
      const SideCues& a = cues[withCentre[0]];
      const SideCues& b = cues[withCentre[1]];
      across = unitOrZero(perpendicularPart(*b.hipCentre - *a.hipCentre, superior));
      if (b.side == "right" || a.side == "left") sign = 1;
      if (a.side == "right" || b.side == "left") sign = -1;
      report.say("Right: along the line between the two hip joint centres.");
    } else {
      for (const SideCues& c : cues) {
        glm::dvec3 medial(0.0);
        if (c.medial)
          medial = *c.medial;
        else if (axialCentre && c.hipCentre)
          medial = *axialCentre - *c.hipCentre;
        medial = unitOrZero(perpendicularPart(medial, superior));
        if (glm::length(medial) == 0.0) continue;
        across = -medial;  // lateral of this side
        sign = c.side == "right" ? 1 : c.side == "left" ? -1 : 0;
        report.say("Right: from the side of the hip the " + c.side + (c.side.empty() ? "" : " ") +
                   "bones form (the femoral head and the acetabulum's floor face the midline).");
        break;
      }
    }
    if (glm::length(across) == 0.0)
      throw InputError(
          "cannot tell left from right: no hip joint centre found and no bone shows the midline; give \"axes\" in the manifest");
    if (sign == 0) {
      std::string from;
      const std::optional<glm::dvec3> hint = anteriorHint(cues, axialCentre, hipMidpoint, superior, across, from);
      sign = 1;
      if (hint && glm::dot(glm::cross(superior, across), *hint) < 0.0) sign = -1;
      report.say(hint ? "Which side is right: decided from anterior, as " + from + "."
                      : "Which side is right: nothing tells anterior from posterior; assumed, check the result.");
    }
    glm::dvec3 right = across * static_cast<double>(sign);
    glm::dvec3 up = superior;
    // The more precise direction leads: the line between two hip centres, else the femur's axis.
    if (withCentre.size() >= 2)
      up = glm::normalize(perpendicularPart(up, right));
    else
      right = glm::normalize(perpendicularPart(right, up));
    // Found from cartilages alone, superior leans with the domes (8° on the Visible Human Male);
    // a set without bones is most likely a scan's or an atlas's, exported in the body's own axes,
    // so those are taken where both lie near what was found.
    if (fromCartilages) {
      const std::optional<glm::dvec3> inputUp = inputAxisNear(up, kInputAxisDegrees);
      const std::optional<glm::dvec3> inputRight = inputAxisNear(right, kInputAxisDegrees);
      if (inputUp && inputRight && glm::dot(*inputUp, *inputRight) == 0.0) {
        report.say("Axes: the input's own, superior and right within " +
                   core::shortestText(std::round(glm::degrees(std::acos(glm::dot(*inputUp, up))))) + "° and " +
                   core::shortestText(std::round(glm::degrees(std::acos(glm::dot(*inputRight, right))))) +
                   "° of those found (a scan's or an atlas's axes are the body's).");
        up = *inputUp, right = *inputRight;
      }
    }
    // ISB (Wu et al. 2002): X anterior, Y superior, Z right, X × Y = Z, so X = Y × Z.
    result.axes = {glm::cross(up, right), up, right};
  }

  for (std::size_t i = 0; i < cues.size(); ++i) {
    const SideCues& c = cues[i];
    std::string side = c.side;
    if (side.empty()) {
      glm::dvec3 lateral(0.0);
      if (withCentre.size() >= 2 && c.hipCentre)
        lateral = *c.hipCentre - hipMidpoint;
      else if (c.medial)
        lateral = -*c.medial;
      else if (axialCentre && c.hipCentre)
        lateral = *c.hipCentre - *axialCentre;
      side = glm::dot(lateral, result.axes.right) >= 0.0 ? "right" : "left";
      report.say("Side: these bones form the " + side + " hip.");
    }
    result.sides.push_back(side);
  }
  return result;
}

}  // namespace medius::rig
