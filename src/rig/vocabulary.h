#pragma once
// The structures the rig recognises (assets/rig/structures.json): kind, segment, role and the names
// each goes by in the Denver Visible Human and BodyParts3D files. Anatomy is data: the rig's code
// knows roles (a pelvic bone forms the socket and carries ASIS and PSIS, a limb bone carries the
// ball and the epicondyles), never structure ids.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

enum class StructureRole { None, PelvicBone, AxialBone, LimbBone, BallCartilage, SocketCartilage };

struct CompartmentPart {
  std::string id;    // "anterior"
  std::string name;  // "Anterior fibres"
};

struct KnownStructure {
  std::string id;    // base id without side suffix: "gluteus_medius"
  std::string name;  // for people, lower case: "gluteus medius"
  std::string kind;  // "bone", "muscle" or "other"
  StructureRole role = StructureRole::None;
  bool onLimb = false;  // carried by the limb segment (femur) rather than the root (pelvis)
  bool sided = true;
  std::string partOf;                         // "hip_bone" for the ilium: parts are merged into that bone
  std::vector<std::string> denver;            // "<Category>_<Name>" tokens of Denver file names
  std::vector<std::string> names;             // English names (BodyParts3D, manifests), lower case
  std::vector<std::string> fmaIds;            // BodyParts3D FMA ids, e.g. "FMA22315"
  std::string compartmentAxis;                // "anterior" or "superior": fibres are ordered across the origin along it
  std::vector<CompartmentPart> compartments;  // from the +axis end to the −axis end
  std::string rigNote;                        // what the card of a rigged structure adds about how it was rigged
  bool endsOnBone = true;                     // false for a muscle that ends in fascia (tensor fasciae latae)
  std::optional<glm::vec3> colour;            // linear RGB, for a structure the built-in model lacks
};

// How the rig names a landmark it finds (ASIS, PSIS, hip centre, epicondyles).
struct LandmarkNaming {
  std::string id;    // "asis{suffix}"
  std::string name;  // "Anterior superior iliac spine"
};

struct SideNaming {
  std::string side;    // "right", "left"
  std::string suffix;  // "_r"
  std::string name;    // "Right"
  // Words that name this side in a file name, lower case: "right", "r", "dexter" (the side id and
  // the lower-case name always count).
  std::vector<std::string> words;
};

struct Vocabulary {
  std::filesystem::path source;
  std::string rootSegment;  // "pelvis"
  std::string limbSegment;  // "femur{suffix}"
  std::string joint;        // "hip{suffix}"
  std::vector<SideNaming> sides;
  std::vector<KnownStructure> structures;
  // Words of file names that say nothing about the structure ("muscle", "smooth"), lower case.
  std::vector<std::string> ignoredNameWords;
  // What the rig finds, by method: "asis", "psis", "hip_centre", "medial_epicondyle", "lateral_epicondyle".
  std::map<std::string, LandmarkNaming> landmarks;
  double specificTension = 0.0;  // N/m², for a compartment's force from the muscle's volume (PCSA)

  const KnownStructure* find(const std::string& id) const;
  const SideNaming* side(const std::string& side) const;
  // "femur{suffix}" with the side's suffix; midline or unsided: the pattern without it.
  std::string sided(const std::string& pattern, const std::string& side) const;
  // The model id of a structure on a side: "gluteus_medius_r"; unsided structures keep their id.
  std::string modelId(const KnownStructure& structure, const std::string& side) const;
  // For people: "Right gluteus medius", "Sacrum".
  std::string displayName(const KnownStructure& structure, const std::string& side) const;
  std::string limbSegmentOf(const std::string& side) const { return sided(limbSegment, side); }
  std::string jointOf(const std::string& side) const { return sided(joint, side); }
};

// Reads a vocabulary file; throws InputError naming the file and field.
Vocabulary loadVocabulary(const std::filesystem::path& path);
// The vocabulary shipped with Medius (core::assetDirectory()/rig/structures.json).
const Vocabulary& builtInVocabulary();

}  // namespace medius::rig
