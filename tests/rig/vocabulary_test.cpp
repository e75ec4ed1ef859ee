// The rig's vocabulary (assets/rig/structures.json) reads, and names what the teaching text knows.
#include "rig/vocabulary.h"

#include "core/error.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace medius::rig {
namespace {

TEST(RigVocabulary, BuiltInReadsWithRolesSidesAndCompartments) {
  const Vocabulary& vocabulary = builtInVocabulary();
  ASSERT_FALSE(vocabulary.structures.empty());
  int pelvic = 0, limb = 0, muscles = 0;
  for (const KnownStructure& s : vocabulary.structures) {
    pelvic += s.role == StructureRole::PelvicBone;
    limb += s.role == StructureRole::LimbBone;
    if (s.kind == "muscle") {
      ++muscles;
      EXPECT_FALSE(s.onLimb) << s.id << ": muscles are carried by the root segment, their fibres by both";
    }
    EXPECT_FALSE(s.denver.empty() && s.names.empty()) << s.id << " has no name to be recognised by";
  }
  EXPECT_EQ(pelvic, 1);
  EXPECT_EQ(limb, 1);
  EXPECT_GE(muscles, 3);
  ASSERT_NE(vocabulary.side("right"), nullptr);
  EXPECT_NE(vocabulary.limbSegmentOf("right"), vocabulary.limbSegmentOf("left"));
  EXPECT_NE(vocabulary.jointOf("right"), vocabulary.jointOf("left"));
}

TEST(RigVocabulary, DamagedFileNamesTheField) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_vocabulary_test.json";
  std::ofstream(path) << R"({"format": "medius-rig-vocabulary", "version": 1, "root_segment": "pelvis",
    "limb_segment": "femur{suffix}", "joint": "hip{suffix}", "specific_tension_n_per_m2": 610000, "sides": {"right": {"suffix": "_r", "name": "Right"}},
    "structures": [{"id": "x", "name": "x", "kind": "tendon", "segment": "root"}]})";
  try {
    loadVocabulary(path);
    FAIL() << "a wrong kind was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("structures[0].kind"), std::string::npos) << error.what();
  }
  std::filesystem::remove(path);
}

TEST(RigVocabulary, AWordNamingBothSidesIsAnError) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_vocabulary_sides_test.json";
  std::ofstream(path) << R"({"format": "medius-rig-vocabulary", "version": 1, "root_segment": "pelvis",
    "limb_segment": "femur{suffix}", "joint": "hip{suffix}", "specific_tension_n_per_m2": 610000,
    "sides": {"right": {"suffix": "_r", "name": "Right", "words": ["r", "d"]}, "left": {"suffix": "_l", "name": "Left", "words": ["l", "d"]}},
    "structures": [{"id": "x", "name": "x", "kind": "bone", "segment": "root"}]})";
  try {
    loadVocabulary(path);
    FAIL() << "a side word shared by both sides was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("the word 'd' names both left and right"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
  std::filesystem::remove(path);
}

TEST(RigVocabulary, EndsOnBoneMustBeTrueOrFalse) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "medius_vocabulary_ends_test.json";
  std::ofstream(path) << R"({"format": "medius-rig-vocabulary", "version": 1, "root_segment": "pelvis",
    "limb_segment": "femur{suffix}", "joint": "hip{suffix}", "specific_tension_n_per_m2": 610000,
    "sides": {"right": {"suffix": "_r", "name": "Right"}},
    "structures": [{"id": "x", "name": "x", "kind": "muscle", "segment": "root", "ends_on_bone": "no"}]})";
  try {
    loadVocabulary(path);
    FAIL() << "a string was taken for true or false";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("structures[0].ends_on_bone"), std::string::npos) << error.what();
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace medius::rig
