#pragma once
// Teaching text of a structure, as a lecturer would put it on a card: what it is, where it
// starts and ends, its nerve, what each part does, a clinical note and exercises that train it.
#include <string>
#include <vector>

namespace medius::anatomy {

struct CompartmentAction {
  std::string compartment;  // e.g. "anterior"
  std::string text;
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
