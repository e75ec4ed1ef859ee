// Files given all at once (the page's file chooser, drag and drop) are told apart by their kind:
// a lesson, a quiz, or a model opened as `medius --model` opens it.
#include "app/opened_files.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace medius {
namespace {

using app::OpenedKind;

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

TEST(OpenedFiles, OneJsonFileIsToldByItsFormat) {
  test::TempDir quiz, lesson, broken, rig, model;
  write(quiz / "q.json", R"({"format": "medius-quiz", "version": 1, "questions": []})");
  write(lesson / "l.json", R"({"format": "medius-lesson", "version": 2, "steps": []})");
  write(broken / "b.json", "{ not json");
  write(rig / "r.json", R"({"format": "medius-rig", "meshes": []})");
  write(model / "m.json", R"({"name": "x", "structures": []})");
  EXPECT_EQ(app::classifyOpenedFiles(quiz.path()).kind, OpenedKind::Quiz);
  EXPECT_EQ(app::classifyOpenedFiles(lesson.path()).kind, OpenedKind::Lesson);
  EXPECT_EQ(app::classifyOpenedFiles(broken.path()).kind, OpenedKind::Lesson);  // the lesson's checks say what is wrong
  EXPECT_EQ(app::classifyOpenedFiles(broken.path()).path, broken / "b.json");
  EXPECT_EQ(app::classifyOpenedFiles(rig.path()).kind, OpenedKind::Model);
  EXPECT_EQ(app::classifyOpenedFiles(model.path()).kind, OpenedKind::Model);
}

TEST(OpenedFiles, OneMeshFileIsShownAsItIs) {
  test::TempDir folder;
  write(folder / "bone.stl", "solid x\nendsolid x\n");
  const app::OpenedFiles opened = app::classifyOpenedFiles(folder.path());
  EXPECT_EQ(opened.kind, OpenedKind::Model);
  EXPECT_EQ(opened.path, folder / "bone.stl");
}

TEST(OpenedFiles, SeveralFilesAreAModelFolderAManifestOrMeshesToRig) {
  test::TempDir meshes, withModel, withManifest;
  write(meshes / "VHM_Right_Bone_Femur.stl", "x");
  write(meshes / "VHM_Right_Muscle_GluteusMedius.stl", "x");
  EXPECT_EQ(app::classifyOpenedFiles(meshes.path()).path, meshes.path());  // rigged like `medius --model DIR`
  write(withModel / "model.json", "{}");
  write(withModel / "femur.glb", "x");
  EXPECT_EQ(app::classifyOpenedFiles(withModel.path()).path, withModel / "model.json");
  write(withManifest / "a.stl", "x");
  write(withManifest / "hip.json", R"({"format": "medius-rig"})");
  EXPECT_EQ(app::classifyOpenedFiles(withManifest.path()).path, withManifest / "hip.json");
}

TEST(OpenedFiles, AnEmptyFolderIsRefused) {
  test::TempDir folder;
  EXPECT_THROW(app::classifyOpenedFiles(folder.path()), InputError);
}

}  // namespace
}  // namespace medius
