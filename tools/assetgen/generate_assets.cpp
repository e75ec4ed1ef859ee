#include "generate_assets.h"

#include "glb_io.h"
#include "iliotibial_tract.h"
#include "mesh_processing.h"
#include "muscle_assets.h"
#include "muscle_recipe.h"
#include "occlusion_step.h"
#include "teaching_text.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace medius::assetgen {

namespace {
void checkReadable(const std::string& path, size_t triangles) {
  const anatomy::TriangleMesh back = readMesh(path);
  if (back.triangleCount() != triangles)
    throw GlbError(path + ": read back " + std::to_string(back.triangleCount()) + " triangles, wrote " +
                   std::to_string(triangles));
}
}  // namespace

std::vector<StructureEntry> generateAssets(const GenerateOptions& o) {
  const LandmarkSet landmarks = LandmarkSet::load(o.landmarksPath);
  const BoneFields fields(landmarks);
  const std::string musclesDirectory = o.musclesDirectory.empty()
                                           ? (std::filesystem::path(o.landmarksPath).parent_path() / "muscles").string()
                                           : o.musclesDirectory;
  const std::vector<MuscleSpec> recipes = loadMuscleRecipes(musclesDirectory, landmarks);
  std::filesystem::create_directories(o.outputDirectory);
  const auto dir = std::filesystem::path(o.outputDirectory);
  std::vector<StructureEntry> structures;

  auto finish = [&](const anatomy::TriangleMesh& mesh, StructureEntry entry) {
    const std::string path = (dir / entry.mesh).string();
    writeGlb(mesh, entry.id, path, entry.kind);
    checkReadable(path, mesh.triangleCount());
    entry.triangles = mesh.triangleCount();
    if (o.verbose) std::printf("%-12s %6zu triangles  %s\n", entry.id.c_str(), entry.triangles, path.c_str());
    structures.push_back(entry);
  };
  auto build = [&](const DistanceFunction& f, const Box& box, size_t budget) {
    const auto start = std::chrono::steady_clock::now();
    anatomy::TriangleMesh m = meshBone(f, box, {o.gridSpacing, budget, o.threads});
    if (o.verbose)
      std::printf("  meshed in %.1f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return m;
  };

  const anatomy::TriangleMesh hip =
      build([&](glm::vec3 p) { return fields.hipBoneDistance(p); }, fields.hipBoneBounds(), kHipBoneBudget);
  finish(hip, {"hip_bone_r", "Right hip bone", "pelvis", "hip_bone_r.glb", "right", 0});
  finish(mirrorZ(hip), {"hip_bone_l", "Left hip bone", "pelvis", "hip_bone_l.glb", "left", 0});
  const anatomy::TriangleMesh sacrum =
      build([&](glm::vec3 p) { return fields.sacrumDistance(p); }, fields.sacrumBounds(), kSacrumBudget);
  finish(sacrum, {"sacrum", "Sacrum and coccyx", "pelvis", "sacrum.glb", "midline", 0});
  const anatomy::TriangleMesh femur =
      build([&](glm::vec3 p) { return fields.femurDistance(p); }, fields.femurBounds(), kFemurBudget);
  finish(femur, {"femur_r", "Right femur", "femur_r", "femur_r.glb", "right", 0});
  finish(mirrorZ(femur), {"femur_l", "Left femur", "femur_l", "femur_l.glb", "left", 0});

  // The iliotibial tract (iliotibial_tract.h): tendon tissue that moves with the femur.
  const anatomy::TriangleMesh tract = buildIliotibialTract(landmarks, fields);
  for (const bool left : {false, true}) {
    StructureEntry entry{left ? "iliotibial_tract_l" : "iliotibial_tract_r",
                         left ? "Left iliotibial tract" : "Right iliotibial tract",
                         left ? "femur_l" : "femur_r",
                         left ? "iliotibial_tract_l.glb" : "iliotibial_tract_r.glb",
                         left ? "left" : "right",
                         0};
    entry.kind = "other";
    entry.tissue = "tendon";
    finish(left ? mirrorZ(tract) : tract, entry);
  }

  // Muscles (muscle_assets.h): meshes after the bones, their section in model.json.
  const MuscleAssets muscles = buildMuscleAssets(recipes, fields, {o.gridSpacing, 9000, o.threads, o.verbose});
  for (const MuscleMesh& m : muscles.meshes) finish(m.mesh, m.entry);
  structures.insert(structures.end(), muscles.parts.begin(), muscles.parts.end());  // tendons: no mesh of their own
  nlohmann::ordered_json document = buildModelJson(landmarks, structures, o.gridSpacing);
  document["muscles"] = muscles.section;
  bakeWrittenOcclusion(document, dir, o.threads, o.verbose);  // post-processing of the written meshes
  // Teaching text lives beside the landmarks (assets/hip/teaching.json).
  attachTeaching(document, (std::filesystem::path(o.landmarksPath).parent_path() / "teaching.json").string());
  writeJsonFile(document, (dir / "model.json").string());
  return structures;
}

}  // namespace medius::assetgen
