#pragma once
// What files given all at once are (the page's file chooser and drag and drop put them in one
// folder of the page's file system): a lesson, a quiz, or a model, opened as `medius --model` would.
//   one .json file      its "format": "medius-quiz" a quiz, "medius-rig" a rig manifest (a model;
//                       its meshes come with it), a "structures" list a model.json; any other JSON
//                       a lesson (whose checks then name what is wrong)
//   one other file      a mesh file shown as it is (`medius --model bone.stl`)
//   several files       with a model.json: that model; with a rig manifest: that manifest; else
//                       the folder, real meshes rigged as `medius --model DIR` rigs them
#include <filesystem>

namespace medius::app {

enum class OpenedKind { Lesson, Quiz, Model };

struct OpenedFiles {
  OpenedKind kind = OpenedKind::Model;
  std::filesystem::path path;  // the file, or the folder for real meshes to rig
};

// The files of `folder`. Throws InputError when it holds no file.
OpenedFiles classifyOpenedFiles(const std::filesystem::path& folder);

}  // namespace medius::app
