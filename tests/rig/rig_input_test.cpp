// rig/rig_input.h: manifests (every field and every error), Denver Visible Human folders (symlinks
// to the reference surfaces), BodyParts3D FMA ids and English file names.
#include "rig/rig_input.h"
#include "core/error.h"
#include "reference_data.h"

#include <gtest/gtest.h>

#include <fstream>

namespace medius::rig {
namespace {

namespace fs = std::filesystem;

class RigInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medius_rig_input_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path touch(const std::string& relative) {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "v 0 0 0\n";
    return path;
  }
  fs::path manifest(const std::string& json) {
    const fs::path path = dir_ / "rig.json";
    std::ofstream(path) << json;
    return path;
  }
  // The InputError message readRigInput gives ("" when none).
  std::string error(const fs::path& path) {
    try {
      readRigInput(path, builtInVocabulary());
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  // A manifest of one gluteus medius mesh, with `field` (a JSON member) added to it.
  std::string oneMesh(const std::string& meshFields, const std::string& topFields = "") {
    touch("a.obj");
    return R"({"format": "medius-rig", "version": 1, )" + topFields + R"("meshes": [{"file": "a.obj", )" + meshFields + "}]}";
  }

  fs::path dir_;
};

const InputMesh* meshOf(const RigInput& input, const std::string& structure, const std::string& side) {
  for (const InputMesh& mesh : input.meshes)
    if (mesh.structure == structure && mesh.side == side) return &mesh;
  return nullptr;
}

TEST_F(RigInputTest, ReadsEveryManifestField) {
  touch("bones/pelvis.obj");
  touch("gmed.obj");
  touch("sacrum.obj");
  const fs::path path = manifest(R"({
    "format": "medius-rig", "version": 1, "name": "Subject 7", "units": "mm",
    "axes": {"anterior": "+y", "superior": "-z", "right": "-x"},
    "meshes": [
      {"file": "bones/pelvis.obj", "structure": "hip_bone", "side": "right", "units": "cm",
       "transform": {"rotation": [[0, -1, 0], [1, 0, 0], [0, 0, 1]], "translation": [10, 20, 30]}},
      {"file": "gmed.obj", "structure": "gluteus_medius", "side": "left"},
      {"file": "sacrum.obj", "structure": "sacrum", "side": "left"}
    ],
    "landmarks": {"ASIS_r": [1, 2, 3]}
  })");
  const RigInput input = readRigInput(path, builtInVocabulary());
  EXPECT_EQ(input.name, "Subject 7");
  EXPECT_EQ(input.source, path);
  ASSERT_TRUE(input.metresPerUnit.has_value());
  EXPECT_DOUBLE_EQ(*input.metresPerUnit, 0.001);
  ASSERT_TRUE(input.axes.has_value());
  EXPECT_EQ(input.axes->anterior, glm::dvec3(0, 1, 0));
  EXPECT_EQ(input.axes->superior, glm::dvec3(0, 0, -1));
  EXPECT_EQ(input.axes->right, glm::dvec3(-1, 0, 0));
  ASSERT_EQ(input.meshes.size(), 3u);
  const InputMesh& pelvis = input.meshes[0];
  EXPECT_EQ(pelvis.file, dir_ / "bones/pelvis.obj");
  EXPECT_EQ(pelvis.structure, "hip_bone");
  EXPECT_EQ(pelvis.side, "right");
  EXPECT_DOUBLE_EQ(pelvis.metresPerUnit.value(), 0.01);
  ASSERT_TRUE(pelvis.transform.has_value());
  // Rows [0 -1 0] [1 0 0] [0 0 1]: x goes to y; then the translation.
  const glm::dvec4 moved = *pelvis.transform * glm::dvec4(1, 0, 0, 1);
  EXPECT_EQ(glm::dvec3(moved), glm::dvec3(10, 21, 30));
  EXPECT_FALSE(input.meshes[1].metresPerUnit.has_value());
  EXPECT_FALSE(input.meshes[1].transform.has_value());
  EXPECT_EQ(input.meshes[2].side, "midline");  // the sacrum is a midline bone whatever the manifest says
  ASSERT_EQ(input.notes.size(), 1u);
  EXPECT_EQ(input.landmarks.at("ASIS_r"), glm::dvec3(1, 2, 3));
}

TEST_F(RigInputTest, HipBonePartsMayComeInSeveralPieces) {
  touch("ilium1.obj");
  touch("ilium2.obj");
  const fs::path path = manifest(R"({"format": "medius-rig", "version": 1, "meshes": [
      {"file": "ilium1.obj", "structure": "ilium", "side": "right"},
      {"file": "ilium2.obj", "structure": "ilium", "side": "right"}]})");
  EXPECT_EQ(readRigInput(path, builtInVocabulary()).meshes.size(), 2u);
  EXPECT_EQ(readRigInput(path, builtInVocabulary()).name, "rig");  // no name: the manifest's
}

TEST_F(RigInputTest, ManifestErrorsNameTheFileAndTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {oneMesh(R"("structure": "gluteus_medius", "side": "right")", R"("units": "inch", )"),
       "units: 'inch' is not one of mm, cm, m"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right")",
               R"("axes": {"anterior": "+w", "superior": "+z", "right": "+x"}, )"),
       "axes.anterior: '+w' is not a signed axis"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right")",
               R"("axes": {"anterior": "+x", "superior": "-x", "right": "+y"}, )"),
       "axes: anterior, superior and right must be three different axes"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right")", R"("landmarks": {"HJC": [1, 2]}, )"),
       "landmarks.HJC: expected [x, y, z]"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right")", R"("name": 5, )"), "name: expected a string"},
      {oneMesh(R"("structure": "gluteus_mediums", "side": "right")"),
       "meshes[0].structure: 'gluteus_mediums' is not a structure the rig knows"},
      {oneMesh(R"("structure": "gluteus_medius")"), "meshes[0].side: the gluteus medius comes in a right and a left"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "up")"), "meshes[0].side: 'up' is not right, left or midline"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right", "units": 3)"), "meshes[0].units: expected a string"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right", "transform": {"rotation": [[2, 0, 0], [0, 1, 0], [0, 0, 1]]})"),
       "meshes[0].transform.rotation: is not a rotation"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right", "transform": {"rotation": [[1, 0, 0], [0, 1, 0]]})"),
       "meshes[0].transform.rotation: expected 3 rows"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right", "transform": {"translation": [1, "a", 3]})"),
       "meshes[0].transform.translation: expected three finite numbers"},
      {oneMesh(R"("structure": "gluteus_medius", "side": "right", "transform": [1, 2])"),
       "meshes[0].transform: expected an object"},
      {R"({"format": "medius-rig", "version": 1, "meshes": [{"file": "missing.obj", "structure": "femur", "side": "right"}]})",
       "meshes[0].file: '"},
      {R"({"format": "medius-rig", "version": 1, "meshes": [{"structure": "femur", "side": "right"}]})",
       "meshes[0].file: missing"},
      {R"({"format": "medius-rig", "version": 1, "meshes": []})", "meshes: lists no mesh"},
      {R"({"format": "medius-rig", "version": 1})", "meshes: missing"},
      {R"({"format": "medius-rig", "version": 2, "meshes": []})", "version: only version 1 is known"},
      {R"({"format": "medius-model", "version": 1, "meshes": []})", "format: expected 'medius-rig'"},
      {R"({"version": 1, "meshes": []})", "format: missing"},
      {R"([1, 2])", "the document: expected an object"},
      {"{ not json", "not valid JSON"},
  };
  for (const auto& [json, says] : cases) {
    const std::string message = error(manifest(json));
    EXPECT_NE(message.find((dir_ / "rig.json").string()), std::string::npos) << json << "\n -> " << message;
    EXPECT_NE(message.find(says), std::string::npos) << json << "\n -> " << message;
  }
}

TEST_F(RigInputTest, TwoMeshesOfOneStructureAndSideAreAnErrorNamingBoth) {
  touch("one.obj");
  touch("two.obj");
  const std::string message = error(manifest(R"({"format": "medius-rig", "version": 1, "meshes": [
      {"file": "one.obj", "structure": "femur", "side": "right"}, {"file": "two.obj", "structure": "femur", "side": "right"}]})"));
  EXPECT_NE(message.find("one.obj"), std::string::npos) << message;
  EXPECT_NE(message.find("two.obj"), std::string::npos) << message;
  EXPECT_NE(message.find("both claim femur (right)"), std::string::npos) << message;
  // In a folder too.
  touch("set/Right gluteus medius.obj");
  touch("set/gluteus_medius_right.stl");
  const std::string folderMessage = error(dir_ / "set");
  EXPECT_NE(folderMessage.find("Right gluteus medius.obj"), std::string::npos) << folderMessage;
  EXPECT_NE(folderMessage.find("gluteus_medius_right.stl"), std::string::npos) << folderMessage;
}

TEST_F(RigInputTest, RecognisesBodyParts3DAndEnglishNames) {
  touch("bp3d/FMA16586.obj");                                  // right hip bone
  touch("bp3d/FMA22315.obj");                                  // gluteus medius, side not in the id
  touch("bp3d/FJ1428M_BP23829_FMA22341_Left piriformis.obj");  // BodyParts3D's own naming
  touch("bp3d/parts/Right gluteus minimus.obj");               // one level down
  touch("bp3d/gluteus_medius_left.stl");
  touch("bp3d/Sacrum.ply");
  touch("bp3d/FMA99999999.obj");
  touch("bp3d/README.txt");
  touch("bp3d/a/b/femur_right.obj");  // two levels down: not looked at
  const RigInput input = readRigInput(dir_ / "bp3d", builtInVocabulary());
  EXPECT_EQ(input.name, "bp3d");
  ASSERT_EQ(input.meshes.size(), 6u);
  EXPECT_NE(meshOf(input, "piriformis", "left"), nullptr);
  EXPECT_NE(meshOf(input, "hip_bone", "right"), nullptr);
  EXPECT_NE(meshOf(input, "gluteus_medius", ""), nullptr);
  EXPECT_NE(meshOf(input, "gluteus_minimus", "right"), nullptr);
  EXPECT_NE(meshOf(input, "gluteus_medius", "left"), nullptr);
  EXPECT_NE(meshOf(input, "sacrum", "midline"), nullptr);
  EXPECT_EQ(meshOf(input, "femur", "right"), nullptr);
  std::string notes;
  for (const std::string& note : input.notes) notes += note + "\n";
  EXPECT_NE(notes.find("ignored: FMA99999999.obj (not a structure the rig knows)"), std::string::npos) << notes;
  EXPECT_NE(notes.find("ignored: README.txt"), std::string::npos) << notes;
  EXPECT_NE(notes.find("recognised 3 files by BodyParts3D FMA id"), std::string::npos) << notes;
  EXPECT_NE(notes.find("recognised 3 files by English name"), std::string::npos) << notes;
}

// Names as people and other programs write them: Medius's own ids (what `medius rig` writes),
// CamelCase, Z-Anatomy's ".r"/".l", TotalSegmentator's, Latin side words, words that say nothing
// about the structure.
TEST_F(RigInputTest, RecognisesEnglishNamesWrittenInOtherWays) {
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> named{
      {"gluteus_medius_r.stl", {"gluteus_medius", "right"}},
      {"GluteusMaximus_L.obj", {"gluteus_maximus", "left"}},
      {"Gluteus minimus muscle.r.obj", {"gluteus_minimus", "right"}},
      {"musculus piriformis dexter.stl", {"piriformis", "right"}},
      {"Femur (left) 02.ply", {"femur", "left"}},
      {"os_coxae_sinistra_smooth.stl", {"hip_bone", "left"}},
      {"M. tensor fasciae latae, rt.obj", {"tensor_fasciae_latae", "right"}},
      {"sacrum_decimated.stl", {"sacrum", "midline"}},
      {"hip_right.stl", {"hip_bone", "right"}},        // TotalSegmentator's names for the hip bone
      {"iliopsoas_left.stl", {"iliopsoas", "left"}}};  // and for iliacus and psoas major as one
  for (const auto& [file, expected] : named) touch("set/" + file);
  const std::vector<std::string> notOne{"gluteus medius and minimus.stl", "gluteus_medius_origin.stl", "r.stl",
                                        "Left_right_femur.stl", "muscle_12.obj"};
  for (const std::string& file : notOne) touch("set/" + file);
  const RigInput input = readRigInput(dir_ / "set", builtInVocabulary());
  std::string notes;
  for (const std::string& note : input.notes) notes += note + "\n";
  EXPECT_EQ(input.meshes.size(), named.size()) << notes;
  for (const auto& [file, expected] : named) {
    const InputMesh* mesh = meshOf(input, expected.first, expected.second);
    ASSERT_NE(mesh, nullptr) << file << " not recognised as " << expected.first << " (" << expected.second << ")\n" << notes;
    EXPECT_EQ(mesh->file.filename(), file);
  }
  for (const std::string& file : notOne)
    EXPECT_NE(notes.find("ignored: " + file + " (not a structure the rig knows)"), std::string::npos) << file << "\n" << notes;
  EXPECT_NE(notes.find("recognised 10 files by English name"), std::string::npos) << notes;
}

TEST_F(RigInputTest, FolderErrors) {
  EXPECT_NE(error(dir_ / "nothing here").find("no such file or folder"), std::string::npos);
  touch("empty/notes.txt");
  touch("empty/VHM_Right_Muscle_Unknown_smooth.stl");
  const std::string message = error(dir_ / "empty");
  EXPECT_NE(message.find((dir_ / "empty").string()), std::string::npos) << message;
  EXPECT_NE(message.find("no file recognised"), std::string::npos) << message;
}

TEST_F(RigInputTest, RecognisesADenverFolder) {
  REQUIRE_REFERENCE("visible-human-male");
  const fs::path denver = test::referenceDir() / "visible-human-male" / "du-surfaces";
  // The set's own layout (Left/, Right/), as links, plus a file the rig does not know.
  for (const char* side : {"Left", "Right"})
    for (const auto& entry : fs::directory_iterator(denver / side)) {
      fs::create_directories(dir_ / "VHM" / side);
      fs::create_symlink(entry.path(), dir_ / "VHM" / side / entry.path().filename());
    }
  touch("VHM/Right/VHM_Right_Muscle_Sartorius_smooth.stl");
  const RigInput input = readRigInput(dir_ / "VHM", builtInVocabulary());
  std::printf("[ measured ] Denver folder: %zu meshes\n", input.meshes.size());
  for (const std::string& note : input.notes) std::printf("[ measured ]   %s\n", note.c_str());
  EXPECT_EQ(input.name, "VHM");
  EXPECT_EQ(input.meshes.size(), 15u);                     // 9 on the left, 6 on the right (the added Sartorius ignored)
  ASSERT_NE(meshOf(input, "sacrum", "midline"), nullptr);  // filed under Left, a midline bone
  EXPECT_NE(meshOf(input, "coccyx", "midline"), nullptr);
  EXPECT_NE(meshOf(input, "gluteus_medius", "right"), nullptr);
  EXPECT_NE(meshOf(input, "gluteus_medius", "left"), nullptr);
  EXPECT_NE(meshOf(input, "acetabular_cartilage", "left"), nullptr);
  EXPECT_NE(meshOf(input, "femoral_head_cartilage", "right"), nullptr);
  EXPECT_EQ(meshOf(input, "gluteus_medius", "right")->file.filename(), "VHM_Right_Muscle_GluteusMedius_smooth.stl");
  std::string notes;
  for (const std::string& note : input.notes) notes += note + "\n";
  EXPECT_NE(notes.find("ignored: Right/VHM_Right_Muscle_Sartorius_smooth.stl"), std::string::npos) << notes;
  EXPECT_NE(notes.find("recognised 15 files by Denver Visible Human"), std::string::npos) << notes;
}

}  // namespace
}  // namespace medius::rig
