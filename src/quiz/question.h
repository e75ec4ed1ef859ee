#pragma once
// A question as it is asked: its prompt, its choices, the one right answer the model gives now,
// and the feedback shown after it (the structure to highlight, a sentence of the teaching text
// and the number behind the answer). Made by QuizMaker (quiz_maker.h); never read from a file.
// Points: metres, model frame at the neutral pose (ISB / OpenSim: X anterior, Y superior, Z right).
#include "quiz/quiz_file.h"

#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::quiz {

struct Choice {
  std::string id;    // what an answer names ("external_rotation", a structure id, "left")
  std::string text;  // what a person reads ("external rotation", "Right gluteus minimus")
};

// One bone region of a find question's answer: the bone and the points of its attachment region.
struct FindRegion {
  std::string structure;          // the bone's structure id
  std::vector<glm::vec3> points;  // the region's mesh vertices, model frame at the neutral pose
  double areaSquareMetres = 0.0;  // of the bone's triangles whose three corners are in the region
};

struct Feedback {
  std::string structure;    // structure to highlight (the answer's)
  std::string compartment;  // fibres to show: a compartment id of `structure`'s muscle ("" none)
  std::string motion;       // motion to play ("" none)
  std::string teaching;     // a sentence of the teaching text ("" when the model has none)
  std::string number;       // the number behind the answer, in words: "moment arm -14.2 mm at 90° of flexion"
  double value = 0.0;       // that number in `unit`
  std::string unit;         // "mm", "%", "deg", "cm2" or "" (no number)
};

struct Question {
  int number = 0;  // from 1, in the order asked
  QuestionKind kind = QuestionKind::Find;
  std::string place;                // where it comes from in the file: "questions[3]" or "questions[2] (generated, 4 of 6)"
  std::string prompt;               // what is asked
  std::string shown;                // structure shown with the question (name: the one to name), or ""
  std::string motion;               // motion played with the question (action, clinical), or ""
  std::vector<Choice> choices;      // the choices; empty for find (answered by picking)
  std::string answer;               // id of the right choice; find: the first region's bone
  std::string answerText;           // the right answer for people
  std::vector<FindRegion> regions;  // find: every bone region of the attachment
  Feedback feedback;
  std::optional<double> timeLimitSeconds;
  QuestionSpec spec;  // what it was made from (a generated question's spec says what was drawn)
};

// A picked point counts as on an attachment region within this distance of one of its vertices
// (our choice: about one edge of the built-in bones' meshes, so a click inside the painted region
// always counts and one a finger's width outside does not).
inline constexpr double kFindToleranceMetres = 0.005;

}  // namespace medius::quiz
