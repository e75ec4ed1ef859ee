// The Visible Human Male set has no femurs: without --complete the rig stops naming the muscle and
// the missing bone; with it, the built-in femur is fitted in on each side, seated on the femoral
// head cartilage, and the report and the femur's card say so.
#include "core/error.h"
#include "reference_data.h"
#include "rig/rig_input.h"
#include "rig/vocabulary.h"
#include "rigged_sets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <utility>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>
#include <nlohmann/json.hpp>

namespace medius::rig::test {
namespace {

TEST(RiggedVhm, WithoutCompleteTheMissingFemurIsNamed) {
  REQUIRE_REFERENCE("visible-human-male");
  try {
    rigModel(writeVhmManifest());
    FAIL() << "a set without femurs was rigged without --complete";
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("gluteus_"), std::string::npos) << message;
    EXPECT_NE(message.find("femur_"), std::string::npos) << message;
    EXPECT_NE(message.find("--complete"), std::string::npos) << message;
  }
}

TEST(RiggedVhm, CompletedFemursSeatedOnTheCartilageAndSaidSo) {
  REQUIRE_REFERENCE("visible-human-male");
  const RiggedModel& rigged = riggedVhm();
  const anatomy::Model& model = rigged.model;
  ASSERT_EQ(model.joints.size(), 2u);
  int completed = 0;
  for (const anatomy::Structure& structure : model.structures) {
    for (const std::string& note : structure.teaching.notes)
      if (note.find("--complete") != std::string::npos) ++completed;
  }
  EXPECT_EQ(completed, 2);
  bool reported = false;
  for (const std::string& line : rigged.report.lines) reported = reported || line.find("Not in the input") != std::string::npos;
  EXPECT_TRUE(reported);
  // The hip centres sit where the cartilage's sphere is: 150-220 mm apart in an adult man.
  const double spacing = glm::distance(model.joints[0].centreInParent, model.joints[1].centreInParent);
  EXPECT_GT(spacing, 0.15);
  EXPECT_LT(spacing, 0.22);
  EXPECT_EQ(model.muscles.size(), 6u);
  for (const anatomy::Muscle& muscle : model.muscles) {
    ASSERT_EQ(muscle.compartments.size(), 3u) << muscle.id;
    for (const anatomy::Compartment& compartment : muscle.compartments) EXPECT_GE(compartment.fibres.size(), 12u) << muscle.id;
    EXPECT_FALSE(muscle.origin.vertices.empty()) << muscle.id;
  }
}

// The left side alone (one hip bone, the sacrum and coccyx): the right spines are the left ones
// mirrored across the midline, the plane through the axial bones normal to their own right-left
// axis, and settled with them in the frame they define. Its pelvis frame against the whole set's:
// 3.1° (anterior) and 2.9° (right) apart; 29° and 24° when the plane's normal was the body's first
// estimate from the one hip bone, 13.5° and 2.9° with the sacrum's normal but no settling.
TEST(RiggedVhm, OneHipBoneMirroredAcrossTheSacrumGivesNearlyTheWholeSetsFrame) {
  REQUIRE_REFERENCE("visible-human-male");
  nlohmann::json manifest = nlohmann::json::parse(std::ifstream(writeVhmManifest()));
  nlohmann::json left = nlohmann::json::array();
  for (const nlohmann::json& mesh : manifest["meshes"])
    if (mesh.value("side", "") != "right") left.push_back(mesh);
  manifest["meshes"] = left;
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_rig_vhm_left.json";
  std::ofstream(path) << manifest.dump();
  RigOptions options;
  options.complete = true;
  const RiggedModel leftOnly = rigModel(path, options);
  const auto axis = [](const glm::dmat4& m, int row) { return glm::normalize(glm::dvec3(m[0][row], m[1][row], m[2][row])); };
  const double anterior = glm::degrees(std::acos(glm::dot(axis(leftOnly.inputToModel, 0), axis(riggedVhm().inputToModel, 0))));
  const double right = glm::degrees(std::acos(glm::dot(axis(leftOnly.inputToModel, 2), axis(riggedVhm().inputToModel, 2))));
  std::printf("left side alone: pelvis axes %.1f° (anterior) and %.1f° (right) from the whole set's\n", anterior, right);
  EXPECT_LT(anterior, 6.0);
  EXPECT_LT(right, 5.0);
  std::filesystem::remove(path);
}

// The Denver folder as it comes here (muscles, sacrum, coccyx and hip cartilages; no hip bone or
// femur), rigged with no manifest: superior from the cartilages' domes, right from the hip centres,
// and the input's own axes taken as they lie near those (the Denver frame: +x left, +y anterior,
// +z inferior); tensor fasciae latae, which begins on the missing hip bone and ends in the
// iliotibial tract, touches no bone and is left out, said in the report. Before December 2026 it
// stopped: "cannot tell which way is superior".
TEST(RiggedVhm, ADenverFolderWithoutBonesRigsWithoutAManifest) {
  REQUIRE_REFERENCE("visible-human-male");
  RigOptions options;
  options.complete = true;
  const RiggedModel rigged = rigModel(referenceDir() / "visible-human-male" / "du-surfaces", options);
  const auto modelDirection = [&](const glm::dvec3& input) {
    return glm::normalize(glm::dvec3(rigged.inputToModel * glm::dvec4(input, 0.0)));
  };
  EXPECT_GT(glm::dot(modelDirection({0.0, 0.0, -1.0}), glm::dvec3(0.0, 1.0, 0.0)), 0.999999) << "superior is the input's -z";
  EXPECT_GT(glm::dot(modelDirection({-1.0, 0.0, 0.0}), glm::dvec3(0.0, 0.0, 1.0)), 0.999999) << "right is the input's -x";
  EXPECT_EQ(rigged.model.muscles.size(), 8u);  // three gluteals and piriformis a side
  int leftOut = 0;
  bool ownAxes = false;
  for (const std::string& line : rigged.report.lines) {
    leftOut += line.find("tensor_fasciae_latae") != std::string::npos && line.find("left out") != std::string::npos;
    ownAxes = ownAxes || line.find("Axes: the input's own") != std::string::npos;
  }
  EXPECT_EQ(leftOut, 2);
  EXPECT_TRUE(ownAxes);
}

// The same files turned 40° about an oblique axis (a manifest transform for each, no axes): its own
// axes no longer lie near the body's, so they are not taken, and the cartilages alone give
// superior within 15° of the truth (measured: 7.7°).
// A manifest at `path` of the Denver files here, each with the transform `transformOf` gives it.
void writeDenverManifest(const std::filesystem::path& path,
                         const std::function<std::pair<glm::dmat3, glm::dvec3>(const InputMesh&)>& transformOf) {
  const RigInput input = readRigInput(referenceDir() / "visible-human-male" / "du-surfaces", builtInVocabulary());
  nlohmann::json manifest = {{"format", "medius-rig"}, {"version", 1}, {"units", "mm"}, {"meshes", nlohmann::json::array()}};
  for (const InputMesh& mesh : input.meshes) {
    const auto [turn, shift] = transformOf(mesh);
    nlohmann::json rows = nlohmann::json::array();
    for (int row = 0; row < 3; ++row) rows.push_back({turn[0][row], turn[1][row], turn[2][row]});
    manifest["meshes"].push_back({{"file", mesh.file.string()},
                                  {"structure", mesh.structure},
                                  {"side", mesh.side},
                                  {"transform", {{"rotation", rows}, {"translation", {shift.x, shift.y, shift.z}}}}});
  }
  std::ofstream(path) << manifest.dump();
}

TEST(RiggedVhm, HipCartilagesAloneGiveSuperior) {
  REQUIRE_REFERENCE("visible-human-male");
  const glm::dmat3 turn = glm::dmat3(glm::rotate(glm::dmat4(1.0), glm::radians(40.0), glm::normalize(glm::dvec3(1.0, 2.0, 3.0))));
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_vhm_turned.json";
  writeDenverManifest(path, [&](const InputMesh&) { return std::make_pair(turn, glm::dvec3(0.0)); });
  RigOptions options;
  options.complete = true;
  const RiggedModel rigged = rigModel(path, options);
  std::filesystem::remove(path);
  const glm::dvec3 superior =
      glm::normalize(glm::dvec3(rigged.inputToModel * glm::dvec4(turn * glm::dvec3(0.0, 0.0, -1.0), 0.0)));
  const double off = glm::degrees(std::acos(std::min(1.0, superior.y)));
  std::printf("Visible Human Male turned 40 deg: superior from the cartilages %.1f deg from the truth\n", off);
  EXPECT_LT(off, 15.0);
  for (const std::string& line : rigged.report.lines) EXPECT_EQ(line.find("Axes: the input's own"), std::string::npos) << line;
  EXPECT_EQ(rigged.model.muscles.size(), 8u);
}

// Only a muscle that ends on no bone is left out of a set without hip bones: a gluteus medius moved
// half a metre away still stops the rig, naming its file.
TEST(RiggedVhm, WithoutHipBonesAMuscleAwayFromItsFemurIsStillAnError) {
  REQUIRE_REFERENCE("visible-human-male");
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_vhm_away.json";
  writeDenverManifest(path, [](const InputMesh& mesh) {
    const bool away = mesh.structure == "gluteus_medius" && mesh.side == "right";
    return std::make_pair(glm::dmat3(1.0), glm::dvec3(away ? 500.0 : 0.0, 0.0, 0.0));
  });
  RigOptions options;
  options.complete = true;
  try {
    rigModel(path, options);
    ADD_FAILURE() << "a gluteus medius touching no bone was left out";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("VHM_Right_Muscle_GluteusMedius_smooth.stl"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("touches no bone"), std::string::npos) << error.what();
  }
  std::filesystem::remove(path);
}

// One side with its femoral head cartilage and gluteus medius only (no hip bone, so the axes come
// from the manifest): the completed femur is scaled by the cartilage's sphere against the built-in
// acetabulum (25.1 against 24.3 mm), not left unscaled as it was.
TEST(RiggedVhm, AFemurFittedToAHeadCartilageAloneIsScaledByIt) {
  REQUIRE_REFERENCE("visible-human-male");
  const std::filesystem::path folder = referenceDir() / "visible-human-male" / "du-surfaces" / "Right";
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_rig_cartilage_only.json";
  std::ofstream(path) << "{\"format\": \"medius-rig\", \"version\": 1, \"units\": \"mm\", "
                      << "\"axes\": {\"anterior\": \"+y\", \"superior\": \"-z\", \"right\": \"-x\"}, \"meshes\": ["
                      << "{\"file\": \"" << (folder / "VHM_Right_Cartilage_FemurHead_smooth.stl").string()
                      << "\", \"structure\": \"femoral_head_cartilage\", \"side\": \"right\"}, "
                      << "{\"file\": \"" << (folder / "VHM_Right_Muscle_GluteusMedius_smooth.stl").string()
                      << "\", \"structure\": \"gluteus_medius\", \"side\": \"right\"}]}";
  RigOptions options;
  options.complete = true;
  const RiggedModel rigged = rigModel(path, options);
  std::string said;
  for (const std::string& line : rigged.report.lines)
    if (line.find("Not in the input") != std::string::npos) said = line;
  std::printf("%s\n", said.c_str());
  EXPECT_NE(said.find("one hip: its femoral head cartilage of radius"), std::string::npos) << said;
  EXPECT_EQ(said.find("not scaled"), std::string::npos) << said;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace medius::rig::test
