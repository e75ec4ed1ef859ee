#pragma once
// The two ways into rig_input.h's readRigInput, one file each: a manifest (rig_manifest.cpp) and a
// folder recognised by its file names (rig_file_names.cpp), and the check both share.
#include "rig/rig_input.h"

#include <optional>
#include <string>

namespace medius::rig {

// Reads a "medius-rig" manifest; throws InputError naming the file and the field.
RigInput readRigManifest(const std::filesystem::path& manifest, const Vocabulary& vocabulary);

// What a file name says: the structure and side, and which convention said it.
struct RecognisedName {
  std::string structure;
  std::string side;        // "right", "left", "midline" or "" when the name does not say
  std::string convention;  // "Denver Visible Human", "BodyParts3D FMA id", "English name"
};
std::optional<RecognisedName> recogniseFileName(const std::string& fileName, const Vocabulary& vocabulary);

// The meshes of a folder and one level of subfolders whose names are recognised.
RigInput recogniseRigFolder(const std::filesystem::path& folder, const Vocabulary& vocabulary);

// Throws InputError naming both files when two meshes claim the same structure and side (parts of
// a bone, such as the ilium of the hip bone, may come in several pieces).
void checkNoDuplicates(const RigInput& input, const Vocabulary& vocabulary);

}  // namespace medius::rig
