#include "rig/bone_frames.h"

#include "core/error.h"
#include "core/number_text.h"
#include "rig/body_axes.h"
#include "rig/bone_geometry.h"
#include "rig/femur_landmarks.h"
#include "rig/pelvis_landmarks.h"
#include "rig/sphere_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace medius::rig {
namespace {

std::string mm(double metres) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f mm", metres * 1000.0);
  return text;
}

std::string point(const glm::dvec3& p) {
  char text[96];
  std::snprintf(text, sizeof text, "(%.1f, %.1f, %.1f) mm", p.x * 1000.0, p.y * 1000.0, p.z * 1000.0);
  return text;
}

std::string sphereText(const Sphere& s) {
  return "centre " + point(s.centre) + ", radius " + mm(s.radius) + ", rms residual " + mm(s.rmsResidual) + " over " +
         std::to_string(s.points) + " vertices";
}

std::string sideName(const SideParts& side) { return side.side.empty() ? std::string("side not given") : side.side + " side"; }

// A cartilage shell: both of its surfaces share the centre; a robust refit drops its rim.
std::optional<Sphere> cartilageSphere(const anatomy::TriangleMesh& mesh) {
  const std::vector<glm::dvec3> points = vertexPositions(mesh);
  const Sphere all = fitSphere(points);
  if (all.radius <= 0.0) return std::nullopt;
  const std::vector<glm::dvec3> normals = outwardVertexNormals(mesh);
  return refineSphereOnSurface(points, normals, all, SphereSurface::Either);
}

struct SideFindings {
  std::optional<FemurLandmarks> femur;
  std::optional<Acetabulum> acetabulum;
};

// A femoral head sits in its acetabulum, so every joint sphere found on a side (the head, the
// acetabulum, either cartilage) has its centre near the others' (2-3 mm apart on the LHDL and
// Visible Human sets). Centres more than half a radius apart mean a head half out of its socket:
// meshes not in one frame, or not of one body, and nothing the rig would find from them is right.
void checkJointSpheresAgree(const SideParts& parts, const SideFindings& found, const std::optional<Sphere>& ball,
                            const std::optional<Sphere>& socket) {
  struct JointSphere {
    std::string what;
    const anatomy::TriangleMesh* mesh;
    Sphere sphere;
  };
  std::vector<JointSphere> spheres;
  if (found.femur) spheres.push_back({"femoral head", parts.femur, found.femur->head});
  if (found.acetabulum) spheres.push_back({"acetabulum", parts.hipBone, found.acetabulum->sphere});
  if (ball) spheres.push_back({"head cartilage", parts.ballCartilage, *ball});
  if (socket) spheres.push_back({"acetabular cartilage", parts.socketCartilage, *socket});
  for (std::size_t a = 0; a < spheres.size(); ++a)
    for (std::size_t b = a + 1; b < spheres.size(); ++b) {
      const double apart = glm::distance(spheres[a].sphere.centre, spheres[b].sphere.centre);
      if (apart <= 0.5 * std::max(spheres[a].sphere.radius, spheres[b].sphere.radius)) continue;
      throw InputError(sideName(parts) + ": the " + spheres[a].what + " of " + spheres[a].mesh->name + " (centre " +
                       point(spheres[a].sphere.centre) + ") lies " + mm(apart) + " from the " + spheres[b].what + " of " +
                       spheres[b].mesh->name + " (centre " + point(spheres[b].sphere.centre) +
                       "), more than half their radius: a femoral head sits in its acetabulum, so these meshes are not in "
                       "one frame or not of one body (a manifest can give a file its transform)");
    }
}

SideCues analyseSide(const SideParts& parts, SideFrames& frames, SideFindings& found, RigReport& report) {
  SideCues cues;
  cues.side = parts.side;
  const std::string where = sideName(parts);
  if (parts.femur) {
    found.femur = findFemurLandmarks(*parts.femur);
    if (found.femur) {
      report.say("Femoral head (" + where + ", " + parts.femur->name + "): " + sphereText(found.femur->head) + ".");
      if (!found.femur->whole)
        report.say("Femur (" + where + ", " + parts.femur->name + "): " + mm(found.femur->length) + " long, " +
                   core::shortestText(std::round(found.femur->length / found.femur->head.radius * 10.0) / 10.0) +
                   " times its head's radius (a whole femur: about 17-22): cut short, so it has no knee and no "
                   "epicondyles; its axes come from its shaft and head, and the rotation it was captured in is not known.");
      if (found.femur->medialEpicondyle && found.femur->lateralEpicondyle)
        report.say("Epicondyles (" + where + "): medial " + point(*found.femur->medialEpicondyle) + ", lateral " +
                   point(*found.femur->lateralEpicondyle) + ", " +
                   mm(glm::distance(*found.femur->medialEpicondyle, *found.femur->lateralEpicondyle)) + " apart.");
    } else {
      report.say("Femur (" + where + ", " + parts.femur->name + "): no femoral head found on it.");
    }
  }
  if (parts.hipBone) {
    found.acetabulum = findAcetabulum(*parts.hipBone);
    if (found.acetabulum)
      report.say("Acetabulum (" + where + ", " + parts.hipBone->name + "): " + sphereText(found.acetabulum->sphere) + ".");
    else
      report.say("Hip bone (" + where + ", " + parts.hipBone->name + "): no acetabulum found on it.");
  }
  std::optional<Sphere> ball, socket;
  if (parts.ballCartilage) {
    ball = cartilageSphere(*parts.ballCartilage);
    if (ball) report.say("Femoral head cartilage (" + where + "): " + sphereText(*ball) + ".");
  }
  if (parts.socketCartilage) {
    socket = cartilageSphere(*parts.socketCartilage);
    if (socket) report.say("Acetabular cartilage (" + where + "): " + sphereText(*socket) + ".");
  }
  // The cartilages cover the weight-bearing dome: the head's is missing where the neck leaves it
  // (below and to the side) and the acetabulum's lunate surface is open below, at the notch, so
  // their area centroid lies above the joint sphere's centre (medially too, for the head's).
  glm::dvec3 dome(0.0);
  if (ball) dome += unitOrZero(areaCentroid(*parts.ballCartilage) - ball->centre);
  if (socket) dome += unitOrZero(areaCentroid(*parts.socketCartilage) - socket->centre);
  if (glm::length(dome) > 0.0) cues.cartilageDome = glm::normalize(dome);

  checkJointSpheresAgree(parts, found, ball, socket);
  if (found.femur)
    frames.hipJoint = found.femur->head, frames.hipJointSource = "femoral head";
  else if (found.acetabulum)
    frames.hipJoint = found.acetabulum->sphere, frames.hipJointSource = "acetabulum";
  else if (ball)
    frames.hipJoint = *ball, frames.hipJointSource = "femoral head cartilage";
  else if (socket)
    frames.hipJoint = *socket, frames.hipJointSource = "acetabular cartilage";
  if (frames.hipJoint.radius > 0.0) {
    cues.hipCentre = frames.hipJoint.centre;
    report.say("Hip joint centre (" + where + "): " + point(frames.hipJoint.centre) + ", from the " + frames.hipJointSource +
               ".");
  }
  if (found.femur) {
    const FemurLandmarks& f = *found.femur;
    if (f.medialEpicondyle && f.lateralEpicondyle) {
      const glm::dvec3 knee = 0.5 * (*f.medialEpicondyle + *f.lateralEpicondyle);
      cues.femurSuperior = glm::normalize(f.head.centre - knee);
      frames.medialEpicondyle = f.medialEpicondyle, frames.lateralEpicondyle = f.lateralEpicondyle;
    } else if (!f.whole) {
      cues.cutFemurSuperior = f.towardsHead;
    } else {
      cues.femurSuperior = f.towardsHead;
    }
    // The epicondylar axis is the femur's own medial-lateral direction (ISB, Wu et al. 2002); the
    // head's direction leans forward by the femoral anteversion (10-30°) and is the fallback.
    cues.medial = f.medial;
    if (f.medialEpicondyle && f.lateralEpicondyle && glm::distance(*f.medialEpicondyle, *f.lateralEpicondyle) > 0.0)
      cues.medial = glm::normalize(*f.medialEpicondyle - *f.lateralEpicondyle);
    if (glm::length(f.posterior) > 0.0) cues.femurPosterior = f.posterior;
  }
  if (found.acetabulum) {
    cues.hipBoneSuperior = found.acetabulum->superior;
    if (glm::length(found.acetabulum->opening) > 0.0) {
      cues.socketOpening = found.acetabulum->opening;
      if (!cues.medial) cues.medial = -found.acetabulum->opening;
    }
  }
  return cues;
}

glm::dvec3 mirrored(const glm::dvec3& p, const glm::dvec3& planePoint, const glm::dvec3& normal) {
  return p - 2.0 * glm::dot(p - planePoint, normal) * normal;
}

// The input → pelvis transform from the ISB frame's origin and unit axes.
glm::dmat4 toFrame(const glm::dvec3& origin, const glm::dvec3& x, const glm::dvec3& y, const glm::dvec3& z) {
  glm::dmat4 m(1.0);
  for (int c = 0; c < 3; ++c) m[c] = glm::dvec4(x[c], y[c], z[c], 0.0);
  m[3] = glm::dvec4(-glm::dot(x, origin), -glm::dot(y, origin), -glm::dot(z, origin), 1.0);
  return m;
}

// ASIS and PSIS are the ilium's extreme points in the pelvis frame they define (ISB): found first
// along the body's axes from the other bones, then along the frame they give, until they stay put.
// So the pelvis frame does not depend on the pose the scan held the pelvis in against the bones
// the axes came from (its tilt against a femur, or the shaft of a femur cut short).
// With one hip bone, `mirror` puts the other side's spines back after each round.
void settleSpines(const SkeletonParts& parts, SkeletonFrames& result, glm::dvec3& asisRight, glm::dvec3& psisRight,
                  glm::dvec3& asisLeft, glm::dvec3& psisLeft, RigReport& report, const std::function<void()>& mirror = {}) {
  constexpr int kMostRounds = 8;
  constexpr double kSettled = 1e-4;  // metres: 0.1 mm (our choice)
  const std::array<glm::dvec3, 4> first{asisRight, psisRight, asisLeft, psisLeft};
  int rounds = 0;
  double moved = 0.0;
  do {
    const glm::dvec3 z = glm::normalize(asisRight - asisLeft);
    const glm::dvec3 x = glm::normalize(perpendicularPart(0.5 * (asisRight + asisLeft) - 0.5 * (psisRight + psisLeft), z));
    const glm::dvec3 y = glm::cross(z, x);
    moved = 0.0;
    for (std::size_t i = 0; i < parts.sides.size(); ++i) {
      SideFrames& frames = result.sides[i];
      if (!parts.sides[i].hipBone || !frames.asis || !frames.psis) continue;
      const IliacSpines spines = findIliacSpines(*parts.sides[i].hipBone, frames.hipJoint.centre, x, y);
      moved = std::max({moved, glm::distance(spines.asis, *frames.asis), glm::distance(spines.psis, *frames.psis)});
      frames.asis = spines.asis, frames.psis = spines.psis;
      (frames.side == "right" ? asisRight : asisLeft) = spines.asis;
      (frames.side == "right" ? psisRight : psisLeft) = spines.psis;
    }
    if (mirror) mirror();
    ++rounds;
  } while (moved > kSettled && rounds < kMostRounds);
  const std::array<glm::dvec3, 4> settled{asisRight, psisRight, asisLeft, psisLeft};
  double fromFirst = 0.0;
  for (std::size_t k = 0; k < first.size(); ++k) fromFirst = std::max(fromFirst, glm::distance(first[k], settled[k]));
  report.say("ASIS and PSIS found again in the pelvis frame they define: " + std::to_string(rounds) + " round" +
             (rounds == 1 ? "" : "s") + ", up to " + mm(fromFirst) + " from the first; ASIS (right) " + point(asisRight) +
             ", PSIS " + point(psisRight) + "; ASIS (left) " + point(asisLeft) + ", PSIS " + point(psisLeft) + ".");
}

}  // namespace

SkeletonFrames findSkeletonFrames(const SkeletonParts& parts, RigReport& report) {
  SkeletonFrames result;
  std::vector<SideCues> cues;
  std::vector<SideFindings> findings(parts.sides.size());
  for (std::size_t i = 0; i < parts.sides.size(); ++i) {
    const SideParts& side = parts.sides[i];
    SideFrames frames;
    cues.push_back(analyseSide(side, frames, findings[i], report));
    if (frames.hipJoint.radius <= 0.0) {
      std::string names;
      for (const anatomy::TriangleMesh* m : {side.femur, side.hipBone, side.ballCartilage, side.socketCartilage})
        if (m) names += (names.empty() ? "" : ", ") + m->name;
      throw InputError("no hip joint centre found on the " + sideName(side) + (names.empty() ? "" : " (" + names + ")") +
                       ": need a femur with its head, a hip bone with its acetabulum, or a hip cartilage");
    }
    result.sides.push_back(frames);
  }

  std::optional<glm::dvec3> axialCentre;
  glm::dvec3 axialSum(0.0);
  std::size_t axialCount = 0;
  for (const anatomy::TriangleMesh* bone : parts.axialBones)
    for (const glm::vec3& p : bone->positions) axialSum += glm::dvec3(p), ++axialCount;
  if (axialCount > 0) axialCentre = axialSum / static_cast<double>(axialCount);

  const BodyAxes body = findBodyAxes(cues, axialCentre, parts.givenAxes, report);
  result.axes = body.axes;
  const AnatomicalAxes& axes = result.axes;
  report.say("Axes in the input frame: anterior (" + std::to_string(axes.anterior.x) + ", " + std::to_string(axes.anterior.y) +
             ", " + std::to_string(axes.anterior.z) + "), superior (" + std::to_string(axes.superior.x) + ", " +
             std::to_string(axes.superior.y) + ", " + std::to_string(axes.superior.z) + "), right (" +
             std::to_string(axes.right.x) + ", " + std::to_string(axes.right.y) + ", " + std::to_string(axes.right.z) + ").");

  std::optional<glm::dvec3> asisRight, asisLeft, psisRight, psisLeft;
  for (std::size_t i = 0; i < parts.sides.size(); ++i) {
    SideFrames& frames = result.sides[i];
    frames.side = body.sides[i];
    const anatomy::TriangleMesh* hipBone = parts.sides[i].hipBone;
    if (!hipBone) continue;
    const IliacSpines spines = findIliacSpines(*hipBone, frames.hipJoint.centre, axes.anterior, axes.superior);
    frames.asis = spines.asis, frames.psis = spines.psis;
    report.say("ASIS (" + frames.side + "): " + point(spines.asis) + "; PSIS: " + point(spines.psis) + ".");
    (frames.side == "right" ? asisRight : asisLeft) = spines.asis;
    (frames.side == "right" ? psisRight : psisLeft) = spines.psis;
  }

  if (asisRight && asisLeft) settleSpines(parts, result, *asisRight, *psisRight, *asisLeft, *psisLeft, report);

  if (asisRight.has_value() != asisLeft.has_value()) {
    // One hip bone: its spines mirrored across the sagittal plane, through the sacrum or else
    // through the bone's most medial point (the pubic symphysis).
    const SideParts* only = nullptr;
    for (std::size_t i = 0; i < parts.sides.size(); ++i)
      if (parts.sides[i].hipBone) only = &parts.sides[i];
    glm::dvec3 midline(0.0), normal = axes.right;
    std::string normalSaid;
    if (axialCentre) {
      midline = *axialCentre;
      // The sacrum is symmetric about the midline: of its principal axes (its length, its width
      // across the alae, its depth) the one nearest the body's right-left is the plane's normal,
      // a better one than the body's axes from one hip bone (its socket and its flared blade).
      std::vector<glm::dvec3> axialPoints;
      for (const anatomy::TriangleMesh* bone : parts.axialBones)
        for (const glm::vec3& q : bone->positions) axialPoints.emplace_back(q);
      const PrincipalAxes own = principalAxes(axialPoints);
      for (const glm::dvec3& axis : own.axis)
        if (std::abs(glm::dot(axis, axes.right)) > std::abs(glm::dot(normal, axes.right)) || normal == axes.right) normal = axis;
      if (glm::dot(normal, axes.right) < 0.0) normal = -normal;
      char text[96];
      std::snprintf(text, sizeof text, ", normal to their own right-left axis (%.0f° from the body's first estimate)",
                    glm::degrees(std::acos(std::clamp(glm::dot(normal, axes.right), -1.0, 1.0))));
      normalSaid = text;
    } else {
      const double towardsMidline = asisRight ? -1.0 : 1.0;
      double best = std::numeric_limits<double>::lowest();
      for (const glm::vec3& q : only->hipBone->positions) {
        const double s = towardsMidline * glm::dot(glm::dvec3(q), axes.right);
        if (s > best) best = s, midline = glm::dvec3(q);
      }
    }
    const bool rightIsReal = asisRight.has_value();
    const auto mirror = [&] {
      if (rightIsReal)
        asisLeft = mirrored(*asisRight, midline, normal), psisLeft = mirrored(*psisRight, midline, normal);
      else
        asisRight = mirrored(*asisLeft, midline, normal), psisRight = mirrored(*psisLeft, midline, normal);
    };
    mirror();
    report.say(
        std::string("Pelvis frame: one hip bone only; the other side's ASIS and PSIS mirrored across the sagittal plane ") +
        (axialCentre ? "through the axial bones" + normalSaid + "." : "through the pubic symphysis."));
    settleSpines(parts, result, *asisRight, *psisRight, *asisLeft, *psisLeft, report, mirror);
  }
  if (asisRight && asisLeft) {
    // The ASIS lie 1.3-1.45 times as far apart as the hip joint centres in an adult pelvis (LHDL
    // 240 against 185 mm, the Visible Human 247 against 177). Closer than the hip centres, or more
    // than twice as far, the spines were found on something that is not one hip bone each.
    std::vector<glm::dvec3> hipCentres;
    for (const SideFrames& side : result.sides)
      if (side.hipJoint.radius > 0.0) hipCentres.push_back(side.hipJoint.centre);
    std::string hipBones;
    for (const SideParts& side : parts.sides)
      if (side.hipBone) hipBones += (hipBones.empty() ? "" : " and ") + side.hipBone->name;
    if (hipCentres.size() == 2) {
      const double spines = glm::distance(*asisRight, *asisLeft), joints = glm::distance(hipCentres[0], hipCentres[1]);
      if (spines < joints || spines > 2.0 * joints)
        throw InputError("the ASIS found on " + hipBones + " lie " + mm(spines) + " apart against hip joint centres " +
                         mm(joints) +
                         " apart, which no adult pelvis has (1.3-1.45 times as far): a hip bone mesh holds more than one "
                         "hip bone (a whole pelvis as one connected surface: give each hip bone its own file), or the "
                         "meshes are not in one frame");
    }
    const glm::dvec3 origin = 0.5 * (*asisRight + *asisLeft);
    const glm::dvec3 z = glm::normalize(*asisRight - *asisLeft);
    const glm::dvec3 psisMid = 0.5 * (*psisRight + *psisLeft);
    const glm::dvec3 x = glm::normalize(perpendicularPart(origin - psisMid, z));
    const glm::dvec3 y = glm::cross(z, x);
    result.inputToPelvis = toFrame(origin, x, y, z);
    char axesText[160];
    std::snprintf(axesText, sizeof axesText, "anterior (%.4f, %.4f, %.4f), right (%.4f, %.4f, %.4f)", x.x, x.y, x.z, z.x, z.y,
                  z.z);
    report.say("Pelvis frame (ISB, Wu et al. 2002): origin midway between the ASIS, which are " +
               mm(glm::distance(*asisRight, *asisLeft)) + " apart; the PSIS " + mm(glm::distance(*psisRight, *psisLeft)) +
               " apart; its axes in the input frame: " + axesText + ".");
  } else {
    glm::dvec3 origin(0.0);
    for (const SideFrames& s : result.sides) origin += s.hipJoint.centre;
    if (!result.sides.empty()) origin /= static_cast<double>(result.sides.size());
    result.inputToPelvis = toFrame(origin, axes.anterior, axes.superior, axes.right);
    report.say("Pelvis frame: no hip bone, so no ASIS; the body's axes with the origin between the hip joint centres.");
  }
  return result;
}

anatomy::TriangleMesh seatBuiltInBone(const anatomy::TriangleMesh& builtInBone, const glm::dvec3& jointCentreInPelvis,
                                      double scale) {
  anatomy::TriangleMesh seated = builtInBone;
  const glm::vec3 offset(jointCentreInPelvis);
  for (glm::vec3& p : seated.positions) p = p * static_cast<float>(scale) + offset;
  return seated;  // a uniform scale keeps the normals' directions
}

}  // namespace medius::rig
