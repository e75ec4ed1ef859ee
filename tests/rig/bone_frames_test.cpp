// Joint centres, landmarks and axes found on real bones (rig/bone_frames.h).
#include "rig/bone_frames.h"
#include "reference_data.h"
#include "rig/femur_landmarks.h"
#include "rig/sphere_fit.h"

#include "anatomy/mesh_import.h"
#include "core/error.h"
#include "core/paths.h"

#include <nlohmann/json.hpp>

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace medius::rig::test {
namespace {

TEST(BoneFramesSphere, FitsNoisyPartialSphere) {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0.0, 0.2);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  const glm::dvec3 centre(12.0, -4.0, 30.0);
  const double radius = 22.0;
  std::vector<glm::dvec3> points;
  while (points.size() < 2000) {
    const glm::dvec3 d(unit(random), unit(random), unit(random));
    const double length = glm::length(d);
    if (length > 1.0 || length < 0.1 || d.z < -0.2 * length) continue;  // a cap, a bit over a hemisphere
    points.push_back(centre + (radius + noise(random)) * d / length);
  }
  const Sphere sphere = fitSphere(points);
  EXPECT_LT(glm::distance(sphere.centre, centre), 0.05);
  EXPECT_NEAR(sphere.radius, radius, 0.05);
  EXPECT_NEAR(sphere.rmsResidual, 0.2, 0.02);
  EXPECT_EQ(sphere.points, points.size());
}

TEST(BoneFramesSphere, PlanarPointsGiveNoSphere) {
  std::vector<glm::dvec3> points;
  for (int i = 0; i < 50; ++i) points.emplace_back(std::cos(i * 0.3) * 5.0, std::sin(i * 0.3) * 5.0, 1.0);
  EXPECT_EQ(fitSphere(points).radius, 0.0);
  EXPECT_EQ(fitSphere({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}).radius, 0.0);
}

struct LhdlSet {
  anatomy::TriangleMesh femur = lhdlMeshMetres("femur"), rightHip = lhdlMeshMetres("hip_bone", "right"),
                        leftHip = lhdlMeshMetres("hip_bone", "left"), sacrum = lhdlMeshMetres("sacrum");
  SkeletonParts parts(bool sidesGiven) const {
    SkeletonParts p;
    p.sides.push_back({sidesGiven ? "right" : "", &rightHip, &femur, nullptr, nullptr});
    p.sides.push_back({sidesGiven ? "left" : "", &leftHip, nullptr, nullptr, nullptr});
    p.axialBones.push_back(&sacrum);
    return p;
  }
};

// The LHDL CT frame, read off the data: the femoral head (HJC) lies 395 mm above the knee
// (Mid_Condyle) along +z; the right hip bone's centroid lies at smaller x than the left one's;
// the patella lies at smaller y than the condyles' midpoint: anterior is -y.
const AnatomicalAxes kLhdlAxes{{0.0, -1.0, 0.0}, {0.0, 0.0, 1.0}, {-1.0, 0.0, 0.0}};

double degreesBetween(const glm::dvec3& a, const glm::dvec3& b) {
  return std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0, 1.0)) * 180.0 / 3.14159265358979323846;
}

glm::dvec3 millimetres(const glm::dvec3& metres) { return metres * 1000.0; }

TEST(BoneFramesLhdl, CtFrameReadOffTheData) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const glm::dvec3 up = lhdlNamedLandmark("HJC") - lhdlNamedLandmark("Mid_Condyle");
  EXPECT_LT(degreesBetween(up, kLhdlAxes.superior), 10.0);
  auto centroid = [](const anatomy::TriangleMesh& m) {
    glm::dvec3 c(0.0);
    for (const glm::vec3& p : m.positions) c += glm::dvec3(p);
    return c / static_cast<double>(m.positions.size());
  };
  EXPECT_GT(glm::dot(centroid(lhdlMesh("hip_bone", "right")) - centroid(lhdlMesh("hip_bone", "left")), kLhdlAxes.right), 100.0);
  const anatomy::TriangleMesh patella = anatomy::importMeshes(lhdlPath("_LHDL_hip_r_dataset.187.vtk")).front();
  EXPECT_GT(glm::dot(centroid(patella) - lhdlNamedLandmark("Mid_Condyle"), kLhdlAxes.anterior), 20.0);
}

TEST(BoneFramesLhdl, HipCentreEpicondylesAxesAndSpines) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const LhdlSet set;
  RigReport report;
  const SkeletonFrames frames = findSkeletonFrames(set.parts(true), report);
  for (const std::string& line : report.lines) std::printf("  %s\n", line.c_str());
  ASSERT_EQ(frames.sides.size(), 2u);
  const SideFrames& right = frames.sides[0];
  EXPECT_EQ(right.hipJointSource, "femoral head");
  const double hipError = glm::distance(millimetres(right.hipJoint.centre), lhdlNamedLandmark("HJC"));
  std::printf("hip centre error %.2f mm, residual %.2f mm over %zu vertices\n", hipError, right.hipJoint.rmsResidual * 1000.0,
              right.hipJoint.points);
  EXPECT_LT(hipError, 3.0);
  EXPECT_LT(right.hipJoint.rmsResidual, 0.001);
  ASSERT_TRUE(right.medialEpicondyle && right.lateralEpicondyle);
  const double medialError = glm::distance(millimetres(*right.medialEpicondyle), lhdlNamedLandmark("R_Med_Epi"));
  const double lateralError = glm::distance(millimetres(*right.lateralEpicondyle), lhdlNamedLandmark("R_Lat_Condyle"));
  std::printf("epicondyle errors: medial %.1f mm, lateral %.1f mm\n", medialError, lateralError);
  // Both landmarks lie on the bone's surface (0.3 and 0.9 mm from the nearest vertex).
  // R_Lat_Condyle, despite its name, is on the lateral epicondyle's top: the most lateral region of
  // the distal end. R_Med_Epi lies on the distal end of the medial prominence's top, a ridge 12 mm
  // long that rises proximally and backwards towards the adductor tubercle; along the axis through
  // the two landmarks it stands 0.2 mm below the ridge's highest point (docs/RIG.md). The method
  // (the axis joining the tops of the two prominences across the mechanical axis, each top the
  // middle of its 1.3 mm cap, the medial one that cap's most distal vertex) gives 4.4 and 4.7 mm
  // (the middle of the medial cap gave 7.7 mm). The medial margin is small: the goal is
  // the limit.
  EXPECT_LT(lateralError, 5.0);
  EXPECT_LT(medialError, 5.0);
  const double a = degreesBetween(frames.axes.anterior, kLhdlAxes.anterior),
               s = degreesBetween(frames.axes.superior, kLhdlAxes.superior),
               r = degreesBetween(frames.axes.right, kLhdlAxes.right);
  std::printf("axes off the CT frame: anterior %.1f°, superior %.1f°, right %.1f°\n", a, s, r);
  EXPECT_LT(a, 10.0);
  EXPECT_LT(s, 10.0);
  EXPECT_LT(r, 10.0);
  EXPECT_NEAR(glm::dot(glm::cross(frames.axes.anterior, frames.axes.superior), frames.axes.right), 1.0, 1e-9);
  ASSERT_TRUE(right.asis && frames.sides[1].asis && right.psis && frames.sides[1].psis);
  const double interAsis = glm::distance(*right.asis, *frames.sides[1].asis) * 1000.0;
  std::printf("inter-ASIS %.1f mm, inter-PSIS %.1f mm\n", interAsis, glm::distance(*right.psis, *frames.sides[1].psis) * 1000.0);
  EXPECT_GT(interAsis, 200.0);
  EXPECT_LT(interAsis, 280.0);
  // ISB pelvis frame: the right ASIS on +Z, both ASIS in front of the PSIS.
  const glm::dvec4 asisInPelvis = frames.inputToPelvis * glm::dvec4(*right.asis, 1.0);
  const glm::dvec4 psisInPelvis = frames.inputToPelvis * glm::dvec4(*right.psis, 1.0);
  EXPECT_NEAR(asisInPelvis.x, 0.0, 1e-6);
  EXPECT_GT(asisInPelvis.z, 0.1);
  EXPECT_LT(psisInPelvis.x, -0.1);
  // The acetabulum alone gives the centre too (the femur's head sits in it).
  RigReport hipOnly;
  SkeletonParts noFemur = set.parts(true);
  noFemur.sides[0].femur = nullptr;
  const SkeletonFrames fromSocket = findSkeletonFrames(noFemur, hipOnly);
  EXPECT_EQ(fromSocket.sides[0].hipJointSource, "acetabulum");
  const double socketError = glm::distance(millimetres(fromSocket.sides[0].hipJoint.centre), lhdlNamedLandmark("HJC"));
  std::printf("acetabulum centre error %.2f mm (radius %.1f mm)\n", socketError, fromSocket.sides[0].hipJoint.radius * 1000.0);
  EXPECT_LT(socketError, 5.0);
}

// The built-in femur (generated by tools/assetgen) against the epicondyles its landmarks.json
// gives, which were measured on the gait2392 femur the generator follows: a femur that is not the
// LHDL one, so the method is not fitted to that bone.
TEST(BoneFramesBuiltIn, EpicondylesOfTheBuiltInFemurMatchItsLandmarks) {
  const std::filesystem::path hip = core::assetDirectory() / "hip";
  const anatomy::TriangleMesh femur = anatomy::importMeshes(hip / "femur_r.glb").front();
  std::ifstream in(hip / "landmarks.json");
  const nlohmann::json document = nlohmann::json::parse(in);
  std::map<std::string, glm::dvec3> given;
  for (const nlohmann::json& landmark : document.at("landmarks"))
    if (landmark.contains("position")) {
      const auto& p = landmark.at("position");
      given[landmark.at("id").get<std::string>()] =
          glm::dvec3(p.at(0).get<double>(), p.at(1).get<double>(), p.at(2).get<double>());
    }
  ASSERT_TRUE(given.count("medial_epicondyle") && given.count("lateral_epicondyle"));
  const std::optional<FemurLandmarks> found = findFemurLandmarks(femur);
  ASSERT_TRUE(found && found->medialEpicondyle && found->lateralEpicondyle);
  const double medialError = glm::distance(*found->medialEpicondyle, given["medial_epicondyle"]) * 1000.0;
  const double lateralError = glm::distance(*found->lateralEpicondyle, given["lateral_epicondyle"]) * 1000.0;
  std::printf("built-in femur: epicondyle errors medial %.1f mm, lateral %.1f mm\n", medialError, lateralError);
  EXPECT_LT(medialError, 5.0);
  EXPECT_LT(lateralError, 5.0);
}

// The MyoLeg femurs (908 triangles, their own body frames, metres): the right and the left one are
// mirror images in z, so their epicondyles must be too, and as far apart as an adult's (epicondylar
// breadth 75.6 ± 6.1 mm, Khaleel & Shaik; anatomy-facts §3.1).
TEST(BoneFramesMyoLeg, EpicondylesOfMirroredFemursAreMirrored) {
  REQUIRE_REFERENCE("myoleg");
  std::optional<FemurLandmarks> found[2];
  const char* files[2] = {"r_femur.stl", "l_femur.stl"};
  for (int i = 0; i < 2; ++i) {
    found[i] = findFemurLandmarks(anatomy::importMeshes(referenceDir() / "myoleg" / "meshes" / files[i]).front());
    ASSERT_TRUE(found[i] && found[i]->medialEpicondyle && found[i]->lateralEpicondyle) << files[i];
  }
  const glm::dvec3 mirror(1.0, 1.0, -1.0);
  const double medial = glm::distance(*found[0]->medialEpicondyle, mirror * *found[1]->medialEpicondyle) * 1000.0;
  const double lateral = glm::distance(*found[0]->lateralEpicondyle, mirror * *found[1]->lateralEpicondyle) * 1000.0;
  const double breadth = glm::distance(*found[0]->medialEpicondyle, *found[0]->lateralEpicondyle) * 1000.0;
  std::printf("MyoLeg femurs: right vs mirrored left epicondyles %.2f / %.2f mm apart; breadth %.1f mm\n", medial, lateral,
              breadth);
  EXPECT_LT(medial, 1.0);
  EXPECT_LT(lateral, 1.0);
  EXPECT_GT(breadth, 60.0);
  EXPECT_LT(breadth, 95.0);
  // On the right femur the medial epicondyle lies on -z (the body frame's z points right).
  EXPECT_LT(found[0]->medialEpicondyle->z, 0.0);
  EXPECT_GT(found[0]->lateralEpicondyle->z, 0.0);
}

TEST(BoneFramesLhdl, DetectionDoesNotDependOnOrientationOrGivenSides) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  std::mt19937 random(2026);
  std::normal_distribution<double> gauss(0.0, 1.0);
  for (int trial = 0; trial < 3; ++trial) {
    LhdlSet set;
    glm::dvec3 axis(gauss(random), gauss(random), gauss(random));
    axis = glm::normalize(axis);
    const double angle = std::uniform_real_distribution<double>(0.5, 3.0)(random);
    const glm::dmat3 rotation = glm::dmat3(glm::rotate(glm::dmat4(1.0), angle, axis));
    const glm::dvec3 shift(0.3, -0.2, 0.5);
    for (anatomy::TriangleMesh* m : {&set.femur, &set.rightHip, &set.leftHip, &set.sacrum})
      for (glm::vec3& p : m->positions) p = glm::vec3(rotation * glm::dvec3(p) + shift);
    RigReport report;
    const SkeletonFrames frames = findSkeletonFrames(set.parts(trial != 0), report);
    ASSERT_EQ(frames.sides.size(), 2u);
    EXPECT_EQ(frames.sides[0].side, "right");
    EXPECT_EQ(frames.sides[1].side, "left");
    const double a = degreesBetween(frames.axes.anterior, rotation * kLhdlAxes.anterior),
                 s = degreesBetween(frames.axes.superior, rotation * kLhdlAxes.superior),
                 r = degreesBetween(frames.axes.right, rotation * kLhdlAxes.right);
    const glm::dvec3 hjc = rotation * (lhdlNamedLandmark("HJC") * 0.001) + shift;
    const double hipError = glm::distance(frames.sides[0].hipJoint.centre, hjc) * 1000.0;
    ASSERT_TRUE(frames.sides[0].medialEpicondyle && frames.sides[0].lateralEpicondyle);
    const double medialError =
        glm::distance(*frames.sides[0].medialEpicondyle, rotation * (lhdlNamedLandmark("R_Med_Epi") * 0.001) + shift) * 1000.0;
    const double lateralError =
        glm::distance(*frames.sides[0].lateralEpicondyle, rotation * (lhdlNamedLandmark("R_Lat_Condyle") * 0.001) + shift) *
        1000.0;
    std::printf(
        "trial %d (sides %s): anterior %.1f°, superior %.1f°, right %.1f°, hip centre %.2f mm, epicondyles %.1f / %.1f mm\n",
        trial, trial != 0 ? "given" : "decided", a, s, r, hipError, medialError, lateralError);
    EXPECT_LT(a, 10.0);
    EXPECT_LT(s, 10.0);
    EXPECT_LT(r, 10.0);
    EXPECT_LT(hipError, 3.0);
    EXPECT_LT(medialError, 5.0);
    EXPECT_LT(lateralError, 5.0);
  }
}

TEST(BoneFramesLhdl, OneSideOnlyMirrorsThePelvis) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const LhdlSet set;
  SkeletonParts parts;
  parts.sides.push_back({"", &set.rightHip, &set.femur, nullptr, nullptr});  // side to be decided
  RigReport report;
  const SkeletonFrames frames = findSkeletonFrames(parts, report);
  ASSERT_EQ(frames.sides.size(), 1u);
  EXPECT_EQ(frames.sides[0].side, "right");
  const double a = degreesBetween(frames.axes.anterior, kLhdlAxes.anterior),
               s = degreesBetween(frames.axes.superior, kLhdlAxes.superior),
               r = degreesBetween(frames.axes.right, kLhdlAxes.right);
  std::printf("one side: anterior %.1f°, superior %.1f°, right %.1f°\n", a, s, r);
  EXPECT_LT(a, 10.0);
  EXPECT_LT(s, 10.0);
  EXPECT_LT(r, 10.0);
  bool saidMirrored = false;
  for (const std::string& line : report.lines) saidMirrored |= line.find("mirrored") != std::string::npos;
  EXPECT_TRUE(saidMirrored);
  // The mirrored left ASIS lies on -Z of the pelvis frame as far as the right one on +Z.
  const glm::dvec4 asis = frames.inputToPelvis * glm::dvec4(*frames.sides[0].asis, 1.0);
  std::printf("one side: right ASIS at Z = %.1f mm in the pelvis frame\n", asis.z * 1000.0);
  EXPECT_GT(asis.z, 0.09);
  EXPECT_LT(asis.z, 0.15);
}

TEST(BoneFramesErrors, NoJointOnASideNamesTheMesh) {
  anatomy::TriangleMesh flat;
  flat.name = "flat_thing.stl";
  for (int i = 0; i < 200; ++i)
    flat.positions.emplace_back(0.001f * static_cast<float>(i % 20), 0.001f * static_cast<float>(i / 20), 0.0f);
  for (std::uint32_t i = 0; i + 21 < 200; ++i) flat.indices.insert(flat.indices.end(), {i, i + 1, i + 20});
  SkeletonParts parts;
  parts.sides.push_back({"right", nullptr, &flat, nullptr, nullptr});
  RigReport report;
  try {
    findSkeletonFrames(parts, report);
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("flat_thing.stl"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("right side"), std::string::npos) << error.what();
  }
}

TEST(BoneFramesSeat, ScalesAboutTheJointAndMoves) {
  anatomy::TriangleMesh bone;
  bone.positions = {{0.0f, 0.0f, 0.0f}, {0.0f, -0.4f, 0.0f}};
  const anatomy::TriangleMesh seated = seatBuiltInBone(bone, {0.01, -0.07, 0.08}, 1.1);
  EXPECT_NEAR(seated.positions[0].x, 0.01f, 1e-6f);
  EXPECT_NEAR(seated.positions[1].y, -0.07f - 0.44f, 1e-6f);
  EXPECT_NEAR(seated.positions[1].z, 0.08f, 1e-6f);
}

// The HuBMAP pelvis's compact-bone parts of one side ("_R" or "_L"), merged, moved into the Denver
// frame by the README's rigid transform, in metres. Read through Assimp node by node: the
// project's importer pre-transforms and so merges meshes that share a material.
anatomy::TriangleMesh vhmHipBone(const std::string& suffix) {
  const std::filesystem::path file = referenceDir() / "visible-human-male" / "VH_M_Pelvis.glb";
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(file.string(), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
  if (scene == nullptr) throw std::runtime_error("cannot read " + file.string());
  const glm::dmat3 r(0.9999, -0.0142, -0.0036, -0.0041, -0.0351, -0.9994, 0.0141, 0.9993, -0.0352);  // columns
  const glm::dvec3 t(344.67, 181.24, 458.60);
  anatomy::TriangleMesh merged;
  merged.name = "VH_M_Pelvis hip bone" + suffix;
  std::function<void(const aiNode*, aiMatrix4x4)> visit = [&](const aiNode* node, aiMatrix4x4 parent) {
    const aiMatrix4x4 world = parent * node->mTransformation;
    for (unsigned k = 0; k < node->mNumMeshes; ++k) {
      const aiMesh* mesh = scene->mMeshes[node->mMeshes[k]];
      const std::string name = mesh->mName.C_Str();
      const std::string nodeName = node->mName.C_Str();
      const std::string label = name + " " + nodeName;
      if (label.find("compact") == std::string::npos || label.find("sacrum") != std::string::npos ||
          label.find("coccyx") != std::string::npos || name.size() < suffix.size() ||
          (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0 &&
           nodeName.compare(nodeName.size() - std::min(nodeName.size(), suffix.size()), suffix.size(), suffix) != 0))
        continue;
      const auto base = static_cast<std::uint32_t>(merged.positions.size());
      for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
        const aiVector3D q = world * mesh->mVertices[v];
        const glm::dvec3 du = r * (1000.0 * glm::dvec3(q.x, q.y, q.z)) + t;
        merged.positions.emplace_back(du * 0.001);
      }
      for (unsigned f = 0; f < mesh->mNumFaces; ++f)
        if (mesh->mFaces[f].mNumIndices == 3)
          for (unsigned c = 0; c < 3; ++c) merged.indices.push_back(base + mesh->mFaces[f].mIndices[c]);
    }
    for (unsigned c = 0; c < node->mNumChildren; ++c) visit(node->mChildren[c], world);
  };
  visit(scene->mRootNode, aiMatrix4x4());
  return merged;
}

anatomy::TriangleMesh denverMetres(const std::string& side, const std::string& file) {
  anatomy::TriangleMesh mesh = anatomy::importMeshes(referenceDir() / "visible-human-male" / "du-surfaces" / side / file).front();
  for (glm::vec3& p : mesh.positions) p *= 0.001f;
  return mesh;
}

TEST(BoneFramesVhm, AcetabulumAndHeadCartilageAgree) {
  REQUIRE_REFERENCE("visible-human-male");
  const anatomy::TriangleMesh rightHip = vhmHipBone("_R"), leftHip = vhmHipBone("_L");
  ASSERT_GT(rightHip.triangleCount(), 1000u);
  ASSERT_GT(leftHip.triangleCount(), 1000u);
  const anatomy::TriangleMesh rightHead = denverMetres("Right", "VHM_Right_Cartilage_FemurHead_smooth.stl");
  const anatomy::TriangleMesh leftHead = denverMetres("Left", "VHM_Left_Cartilage_FemurHead_smooth.stl");
  const anatomy::TriangleMesh sacrum = denverMetres("Left", "VHM_Left_Bone_Sacrum_smooth.stl");
  // Sides not given: decided from the anatomy. Denver frame: +x left, +y anterior, +z inferior.
  SkeletonParts bones;
  bones.sides.push_back({"", &rightHip, nullptr, nullptr, nullptr});
  bones.sides.push_back({"", &leftHip, nullptr, nullptr, nullptr});
  bones.axialBones.push_back(&sacrum);
  RigReport report;
  const SkeletonFrames fromBones = findSkeletonFrames(bones, report);
  for (const std::string& line : report.lines) std::printf("  %s\n", line.c_str());
  EXPECT_EQ(fromBones.sides[0].side, "right");
  EXPECT_EQ(fromBones.sides[1].side, "left");
  EXPECT_EQ(fromBones.sides[0].hipJointSource, "acetabulum");
  const AnatomicalAxes denver{{0.0, 1.0, 0.0}, {0.0, 0.0, -1.0}, {-1.0, 0.0, 0.0}};
  std::printf("axes off the Denver frame: anterior %.1f°, superior %.1f°, right %.1f°\n",
              degreesBetween(fromBones.axes.anterior, denver.anterior), degreesBetween(fromBones.axes.superior, denver.superior),
              degreesBetween(fromBones.axes.right, denver.right));
  EXPECT_LT(degreesBetween(fromBones.axes.right, denver.right), 10.0);
  ASSERT_TRUE(fromBones.sides[0].asis && fromBones.sides[1].asis);
  const double interAsis = glm::distance(*fromBones.sides[0].asis, *fromBones.sides[1].asis) * 1000.0;
  std::printf("inter-ASIS %.1f mm\n", interAsis);
  EXPECT_GT(interAsis, 200.0);
  EXPECT_LT(interAsis, 280.0);

  SkeletonParts cartilages;
  cartilages.sides.push_back({"right", nullptr, nullptr, &rightHead, nullptr});
  cartilages.sides.push_back({"left", nullptr, nullptr, &leftHead, nullptr});
  cartilages.givenAxes = denver;
  RigReport cartilageReport;
  const SkeletonFrames fromCartilage = findSkeletonFrames(cartilages, cartilageReport);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(fromCartilage.sides[i].hipJointSource, "femoral head cartilage");
    const double apart = glm::distance(fromBones.sides[i].hipJoint.centre, fromCartilage.sides[i].hipJoint.centre) * 1000.0;
    std::printf("%s: acetabulum vs head cartilage centres %.2f mm apart (cartilage radius %.1f mm, rms %.2f mm)\n",
                fromCartilage.sides[i].side.c_str(), apart, fromCartilage.sides[i].hipJoint.radius * 1000.0,
                fromCartilage.sides[i].hipJoint.rmsResidual * 1000.0);
    EXPECT_LT(apart, 4.0);
  }
}

}  // namespace
}  // namespace medius::rig::test
