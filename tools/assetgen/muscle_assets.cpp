#include "muscle_assets.h"

#include "mesh_processing.h"

namespace medius::assetgen {

MuscleAssets buildMuscleAssets(const std::vector<MuscleSpec>& specs, const BoneFields& fields,
                               const MuscleBuildSettings& settings) {
  const std::vector<BuiltMuscle> muscles = buildMuscles(specs, fields, settings);
  MuscleAssets out;
  out.section = nlohmann::ordered_json::array();
  for (bool left : {false, true})
    for (const BuiltMuscle& m : muscles) {
      std::string id = m.spec.id, name = m.spec.name;
      if (left) {
        id.back() = 'l';
        name.replace(0, 5, "Left");
      }
      StructureEntry entry{id, name, "pelvis", id + ".glb", left ? "left" : "right", 0};
      entry.kind = "muscle";
      entry.colour = m.spec.colour;
      out.meshes.push_back({left ? mirrorZ(m.mesh) : m.mesh, entry});
      out.section.push_back(muscleEntry(m, fields, left));
      if (m.spec.tendon) {
        std::string tendonName = m.spec.tendon->name;
        if (left) tendonName.replace(tendonName.find("right"), 5, "left");
        StructureEntry tendon{tendonIdOf(id), tendonName, "pelvis", "", left ? "left" : "right", 0};
        tendon.kind = "other";
        tendon.tissue = "tendon";
        tendon.partOf = id;
        out.parts.push_back(tendon);
      }
    }
  return out;
}

}  // namespace medius::assetgen
