#pragma once
// A lesson: a titled list of steps, each a view of the model with a caption, as a lecturer
// steps through it (issue 7). Plain data with its JSON file format (docs/FORMATS.md, "Lesson
// files"); no ImGui here. Applying a step to the viewer is in lesson_view.h, stepping through a
// lesson in lesson_player.h.
//
// Motion, time, activation and pose are carried as plain fields for the motion controls to apply;
// they are checked on load (known motion, known joints) but not interpreted here.
#include "anatomy/model.h"
#include "render/camera.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medius::ui {

inline constexpr std::string_view kLessonFormat = "medius-lesson";
inline constexpr int kLessonFormatVersion = 1;

// How one structure looks in a step. Structures a step does not list are visible and opaque.
struct LessonStructure {
  std::string id;  // a structure id of the model (e.g. "gluteus_medius_r")
  bool visible = true;
  float opacity = 1.0f;  // 0..1

  bool operator==(const LessonStructure&) const = default;
};

// The teaching overlays of a step; attachments and fibres are those of the selected muscle, or of
// every muscle when nothing (or a bone) is selected, as in the viewer.
struct LessonHighlights {
  bool attachments = false;  // origin red, insertion blue
  bool fibres = false;       // fibre lines with arrows
  bool xray = false;         // every muscle see-through
  bool labels = false;       // a label for each visible structure
  bool landmarks = false;    // the teaching landmarks

  bool operator==(const LessonHighlights&) const = default;
};

struct LessonStep {
  std::string title;    // required, not empty
  std::string caption;  // what the lecturer says; shown in the caption bar
  render::Camera camera;
  std::vector<LessonStructure> structures;  // in file order, each id at most once
  std::optional<std::string> selected;      // structure id
  LessonHighlights highlights;
  std::optional<std::string> motion;  // a motion id of biomech::motionLibrary() (e.g. "clamshell")
  double time = 0.0;                  // seconds into the motion, >= 0
  std::string activation = "none";    // "none", "action" or "load"
  std::optional<std::string> pose;    // as for --pose, e.g. "hip_r.abduction=30"

  bool operator==(const LessonStep&) const = default;
};

struct Lesson {
  std::string title;  // required, not empty
  std::vector<LessonStep> steps;

  bool operator==(const Lesson&) const = default;
};

// The activation modes a step may name.
bool isActivationMode(std::string_view mode);

// The lesson as JSON text (2-space indent, fields in a fixed order, ending with a newline).
// The same lesson always gives the same bytes; numbers are written as the shortest text that
// reads back to the same value, so save -> load -> save is byte-identical.
std::string lessonToJson(const Lesson& lesson);

// Parses lesson JSON. `source` names the file in messages. Throws InputError naming the file, the
// step (number from 1 and title) and the field, e.g.
//   "intro.json: step 2 ('The Trendelenburg sign'): camera.distance: expected a number, got a string"
// and, for malformed JSON, the line and column.
Lesson lessonFromJson(std::string_view text, const std::string& source);

// Checks the lesson against a model and the motion library: structure ids (visible, selected),
// motion ids and the pose's joints. Throws InputError as above, listing the valid ids.
void checkLesson(const Lesson& lesson, const anatomy::Model& model, const std::string& source);

// Reads, parses and checks a lesson file. Throws InputError (missing, unreadable or damaged).
Lesson loadLesson(const std::filesystem::path& path, const anatomy::Model& model);

// Writes the lesson atomically (temporary file, then rename). Throws OutputError; an existing file
// is left untouched on failure.
void saveLesson(const Lesson& lesson, const std::filesystem::path& path);

}  // namespace medius::ui
