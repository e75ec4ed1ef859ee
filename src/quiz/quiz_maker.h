#pragma once
// Questions made from the model and its mechanics, never from an answer key: the answer to a find
// question is the muscle's attachment region; to a name question, the structure shown (the other
// choices drawn from the model); to a direction question, the sign of the compartment's moment arm
// at that hip flexion (biomech::meanMomentArm, the number `medius analyze` prints); to an action
// question, the compartment or muscle with the highest mean activation over one loop of the motion
// (scene::FrameSource, as `medius analyze --motion M --frames N` computes it); to a clinical
// question, the side the pelvis drops in single-leg stance (biomech::singleLegStanceDrop).
//
// A question is made only when it has exactly one right answer on this model now: a moment arm
// within kMinMomentArmMetres of zero, two activations within kMinActivationLead of each other or a
// pelvic drop that hardly starts is refused (a stated question) or skipped (a generated set).
//
//   const biomech::FibrePaths paths(model, biomech::buildBoneFields(model));
//   quiz::QuizMaker maker(paths);
//   std::vector<quiz::Question> questions = maker.make(quiz::readQuizFile("quiz.json"));
#include "biomech/fibre_paths.h"
#include "quiz/question.h"
#include "quiz/quiz_file.h"
#include "scene/frame_source.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace medius::quiz {

// Below these the answer is too close to call (our choices): 1 mm of moment arm (the model's
// moment arms are good to about that: the central difference of kMomentArmStepDegrees and the
// wrapping's kinks); one percentage point of activation; half a degree of pelvic drop.
inline constexpr double kMinMomentArmMetres = 0.001;
inline constexpr double kMinActivationLead = 0.01;
inline constexpr double kMinActivation = 0.01;
inline constexpr double kMinDropDegrees = 0.5;

class QuizMaker {
 public:
  // Keeps a reference to `paths` (and its model), which must outlive the maker.
  explicit QuizMaker(const biomech::FibrePaths& paths);

  // Every question of the quiz, numbered from 1, generated sets drawn in place. Throws InputError
  // naming the file, the item and the field: an id the model lacks, a question without exactly one
  // right answer on this model, a set asking for more questions than the model gives.
  std::vector<Question> make(const QuizFile& quiz);

  // One stated question. `seed` draws a name question's other choices and their order.
  Question question(const QuestionSpec& spec, const std::string& where, std::uint32_t seed);

  // Every question a set could draw (before any is checked for one right answer), in model order.
  std::vector<QuestionSpec> candidates(const GeneratedSet& set, const std::string& where) const;

  const anatomy::Model& model() const { return paths_.model(); }

 private:
  Question find(const QuestionSpec& spec, const std::string& where) const;
  Question name(const QuestionSpec& spec, const std::string& where, std::uint32_t seed) const;
  Question direction(const QuestionSpec& spec, const std::string& where);
  Question action(const QuestionSpec& spec, const std::string& where);
  Question clinical(const QuestionSpec& spec, const std::string& where);

  std::size_t muscleIndex(const std::string& id, const std::string& where, const std::string& field) const;
  std::size_t jointIndex(const std::string& id, const std::string& where, const std::string& field) const;
  // Mean activation per analysis compartment over `frames` frames of one loop.
  const std::vector<double>& meanActivations(const std::string& motion, const std::string& mode, int frames);
  const biomech::FrameAnalysis& flexedAnalysis(double flexionDegrees);

  const biomech::FibrePaths& paths_;
  scene::FrameSource source_;
  std::vector<int> muscleJoints_;  // per muscle: the joint its fibres cross, or -1
  std::map<double, biomech::FrameAnalysis> flexed_;
  std::map<std::tuple<std::string, std::string, int>, std::vector<double>> activations_;
  std::vector<biomech::CompartmentActivation> compartments_;  // analysis order, for the activation means
};

}  // namespace medius::quiz
