#pragma once
// Teaching text of a structure, as a lecturer would put it on a card: what it is, where it
// starts and ends, its nerve, what each part does, a clinical note and exercises that train it.
#include <string>
#include <vector>

namespace medius::anatomy {

// One checkable statement behind an action's text: "abducts the hip at 0° of flexion". The
// moment is one of the hip DOFs' two senses (kActionMoments); tests and the card compare its sign
// with the model's moment arm at that flexion (biomech/action_claims.h). Where the literature says
// one thing and the model computes another, `modelDiffers` says why, and the card shows it.
struct ActionClaim {
  std::string moment;  // "abduction", "internal_rotation", ...
  double flexionDegrees = 0.0;
  std::string modelDiffers;  // empty: the model agrees
};

// The moments a claim may name, in pairs of opposite senses of one DOF (flexion, adduction,
// rotation, as in biomech/pose.h): the first of each pair is the DOF's positive sense.
inline constexpr const char* kActionMoments[] = {"flexion",   "extension",         "adduction",
                                                 "abduction", "internal_rotation", "external_rotation"};

struct CompartmentAction {
  std::string compartment;  // e.g. "anterior"
  std::string text;
  std::vector<ActionClaim> claims;  // what the text states, checkable
};

struct Exercise {
  std::string name;
  std::string text;    // what it does for the muscle, with numbers
  std::string source;  // author, year
  std::string motion;  // a motion of the library that performs it ("clamshell"), or empty: the card
                       // then shows the model's activation for it beside the EMG (ui/info_card.h)
};

struct Teaching {
  std::string summary;
  std::vector<std::string> features;  // landmarks of a bone
  std::string origin;
  std::string insertion;
  std::string innervation;
  std::vector<CompartmentAction> actions;
  std::string clinical;
  std::vector<Exercise> exercises;
  // How this structure's model was made, where a reader should know it (a rigged real mesh: a bone
  // fitted in from the built-in model, an attachment left out). Written by `medius rig`.
  std::vector<std::string> notes;

  bool empty() const { return summary.empty() && origin.empty() && features.empty() && notes.empty(); }
};

}  // namespace medius::anatomy
