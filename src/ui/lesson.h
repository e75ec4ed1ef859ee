#pragma once
// A lesson: a titled list of steps, each a view of the model with a caption, as a lecturer
// steps through it. Plain data with its JSON file format (docs/FORMATS.md, "Lesson
// files"); no ImGui here. Applying a step to the viewer is in lesson_view.h, stepping through a
// lesson in lesson_player.h.
//
// Motion, time, activation and pose are carried as plain fields for the motion controls to apply;
// they are checked on load (known motion, known joints, known muscles) but not interpreted here.
#include "anatomy/model.h"
#include "biomech/joint_demand.h"
#include "render/camera.h"
#include "ui/view_options.h"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medius::ui {

inline constexpr std::string_view kLessonFormat = "medius-lesson";
inline constexpr int kLessonFormatVersion = 2;  // written; version 1 files are still read

// How one structure looks in a step. Structures a step does not list are visible and opaque.
struct LessonStructure {
  std::string id;  // a structure id of the model (e.g. "gluteus_medius_r")
  bool visible = true;
  float opacity = 1.0f;  // 0..1

  bool operator==(const LessonStructure&) const = default;
};

// The whole activation setting of a step (biomech::ActivationSettings as the window edits it), so
// that a "pelvis level" and a "pelvis drops" step differ. Defaults are biomech's.
struct LessonActivation {
  std::string mode = "none";                                      // "none" (shading off), "action" or "load"
  double bodyMassKg = biomech::Person{}.bodyMassKg;               // 10 to 500
  double heightM = biomech::Person{}.heightM;                     // 0.5 to 2.5
  std::string sex = "male";                                       // "male" or "female" (de Leva 1996 tables)
  double bandNewtons = biomech::ElasticBand{}.resistanceNewtons;  // >= 0; 0: no band
  std::array<double, 3> bandAnchor{biomech::ElasticBand{}.anchor.x, biomech::ElasticBand{}.anchor.y,
                                   biomech::ElasticBand{}.anchor.z};
  std::string bandJoint = biomech::ElasticBand{}.joint;  // a joint id of the model; empty: the motion's band leg
  std::map<std::string, double> strengthPercent;         // muscle id -> 0..100; a muscle not listed: 100
  std::string colourMap = "heat";                        // "heat" or "cividis" (render/colour_map.h)

  bool operator==(const LessonActivation&) const = default;
};

struct LessonStep {
  std::string title;    // required, not empty
  std::string caption;  // what the lecturer says; shown in the caption bar
  render::Camera camera;
  std::vector<LessonStructure> structures;  // in file order, each id at most once
  std::optional<std::string> selected;      // structure id
  ViewToggles highlights =
      defaultViewToggles();           // the view options, in the file's "highlights" (view_options.h names the fields)
  std::optional<std::string> motion;  // a motion id of biomech::motionLibrary() (e.g. "clamshell")
  double time = 0.0;                  // seconds into the motion, >= 0
  LessonActivation activation;        // mode, person, band, strengths
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

// Parses lesson JSON, version 1 (activation: a mode name; the rest takes the defaults) or 2
// (activation: an object). `source` names the file in messages. Throws InputError naming the file, the
// step (number from 1 and title) and the field, e.g.
//   "intro.json: step 2 ('The Trendelenburg sign'): camera.distance: expected a number, got a string"
// and, for malformed JSON, the line and column.
Lesson lessonFromJson(std::string_view text, const std::string& source);

// One step as compact JSON on one line, for a view link (view_link.h): the fields of a step in a
// lesson file, those at their default left out (caption "", no structures, false highlights, no
// motion, time 0, the default activation setting...). lessonStepFromJson reads it back.
std::string lessonStepToJson(const LessonStep& step);

// Parses one step object (the form of a step in a lesson file; missing optional fields take their
// defaults). `where` starts every message, e.g. "--view-link: camera.distance: expected a number,
// got a string"; malformed JSON is reported with its line and column. Throws InputError.
LessonStep lessonStepFromJson(std::string_view text, const std::string& where);

// Checks one step against a model and the motion library, as checkLesson does for each step;
// `where` starts every message. Throws InputError.
void checkLessonStep(const LessonStep& step, const anatomy::Model& model, const std::string& where);

// Checks the lesson against a model and the motion library: structure ids (visible, selected),
// motion ids, the pose's joints, the band's joint and the muscles given a strength. Throws InputError as above, listing the valid
// ids.
void checkLesson(const Lesson& lesson, const anatomy::Model& model, const std::string& source);

// Reads, parses and checks a lesson file. Throws InputError (missing, unreadable or damaged).
Lesson loadLesson(const std::filesystem::path& path, const anatomy::Model& model);

// Writes the lesson atomically (temporary file, then rename). Throws OutputError; an existing file
// is left untouched on failure.
void saveLesson(const Lesson& lesson, const std::filesystem::path& path);

}  // namespace medius::ui
