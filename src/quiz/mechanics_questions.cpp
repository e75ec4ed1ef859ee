// Direction, action and clinical questions: the answer is what the model's mechanics compute now
// (moment arms, the activation analysis of a motion, the pelvic drop of single-leg stance).
#include "anatomy/teaching.h"
#include "biomech/action_claims.h"
#include "biomech/motion_library.h"
#include "biomech/pelvic_drop.h"
#include "quiz/json_reader.h"
#include "quiz/quiz_maker.h"
#include "quiz/quiz_text.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace medius::quiz {
namespace {

// What a muscle is about each DOF of a hip, in its two senses (the order of anatomy::kActionMoments).
constexpr const char* kRoles[3][2] = {
    {"a flexor", "an extensor"}, {"an adductor", "an abductor"}, {"an internal rotator", "an external rotator"}};

std::string compartmentText(const anatomy::Structure* structure, const std::string& compartment) {
  if (structure == nullptr) return "";
  for (const anatomy::CompartmentAction& action : structure->teaching.actions)
    if (action.compartment == compartment) return action.text;
  return firstSentence(structure->teaching.summary);
}

// "right" or "left": the side of a joint's centre (model frame: Z to the right).
std::string sideOf(const anatomy::Joint& joint) { return joint.centreInParent.z > 0.0f ? "right" : "left"; }

}  // namespace

Question QuizMaker::direction(const QuestionSpec& spec, const std::string& where) {
  const anatomy::Model& m = model();
  const std::size_t index = muscleIndex(spec.muscle, where, spec.place + ".muscle");
  const anatomy::Muscle& muscle = m.muscles[index];
  const anatomy::Compartment* compartment = nullptr;
  if (!spec.compartment.empty()) {
    std::string list;
    for (const anatomy::Compartment& c : muscle.compartments) {
      if (c.id == spec.compartment) compartment = &c;
      list += (list.empty() ? "" : ", ") + c.id;
    }
    if (compartment == nullptr)
      throw InputError(where + ": " + spec.place + ".compartment: " + muscle.id + " has no compartment '" + spec.compartment +
                       "'; its compartments are: " + list);
  }
  if (muscleJoints_[index] < 0)
    throw InputError(where + ": " + spec.place + ".muscle: " + muscle.id + " crosses no joint of the model");
  const anatomy::Joint& joint = m.joints[static_cast<std::size_t>(muscleJoints_[index])];
  std::size_t dof = joint.dofs.size();
  std::string dofs;
  for (std::size_t d = 0; d < std::min<std::size_t>(3, joint.dofs.size()); ++d) {
    if (joint.dofs[d].id == spec.dof) dof = d;
    dofs += (dofs.empty() ? "" : ", ") + joint.dofs[d].id;
  }
  if (dof >= std::min<std::size_t>(3, joint.dofs.size()))
    throw InputError(where + ": " + spec.place + ".dof: " + joint.id + " has no DOF '" + spec.dof + "'; its DOFs are: " + dofs);
  if (!joint.dofs.empty() && (spec.flexionDegrees < joint.dofs[0].minDegrees || spec.flexionDegrees > joint.dofs[0].maxDegrees))
    throw InputError(where + ": " + spec.place + ".flexion_deg: " + formatNumber(spec.flexionDegrees) + " is outside " +
                     joint.id + "'s " + joint.dofs[0].id + " range (" + formatNumber(joint.dofs[0].minDegrees) + " to " +
                     formatNumber(joint.dofs[0].maxDegrees) + ")");

  const double arm = biomech::meanMomentArm(flexedAnalysis(spec.flexionDegrees), muscle, index, spec.compartment)[dof];
  const std::string subject = compartment ? "the " + lowerFirst(compartment->name) + " of the " + lowerFirst(muscle.name)
                                          : "the " + lowerFirst(muscle.name);
  const std::string at = formatNumber(spec.flexionDegrees) + "° of hip flexion";
  const std::string number = "moment arm about " + joint.dofs[dof].id + " " + fixed(arm * 1000.0, 1) + " mm at " + at;
  if (std::abs(arm) < kMinMomentArmMetres)
    throw NoSingleAnswer(where + ": " + spec.place + ": no one right answer on this model: " + subject + " has a " + number +
                         ", nearer 0 than " + fixed(kMinMomentArmMetres * 1000.0, 0) + " mm");
  Question q;
  for (int sense = 0; sense < 2; ++sense) q.choices.push_back({anatomy::kActionMoments[2 * dof + sense], kRoles[dof][sense]});
  const int right = arm > 0.0 ? 0 : 1;  // + is the DOF's positive sense (pose.h)
  q.prompt = "At " + at + ", " + (compartment ? "do " : "does ") + subject + " act as " + kRoles[dof][0] + " or as " +
             kRoles[dof][1] + " of the hip?";
  q.answer = q.choices[static_cast<std::size_t>(right)].id;
  q.answerText = kRoles[dof][right];
  q.feedback.structure = muscle.structure;
  q.feedback.compartment = spec.compartment;
  q.feedback.teaching = compartmentText(m.findStructure(muscle.structure), spec.compartment);
  q.feedback.value = arm * 1000.0;
  q.feedback.unit = "mm";
  q.feedback.number = number + " (" + (arm > 0.0 ? "+" : "-") + ": " + spaced(q.answer) + ")";
  return q;
}

Question QuizMaker::action(const QuestionSpec& spec, const std::string& where) {
  const anatomy::Model& m = model();
  const biomech::Motion* motion = biomech::findMotion(spec.motion);
  if (motion == nullptr)
    throw InputError(where + ": " + spec.place + ".motion: unknown motion '" + spec.motion +
                     "'; the motions are: " + biomech::motionIds());
  struct Candidate {
    std::string id, text;
    std::size_t muscle = 0;
    std::string compartment;
    double activation = 0.0;
  };
  std::vector<Candidate> candidates;
  std::string group;
  if (spec.among == Among::Compartments) {
    const std::size_t index = muscleIndex(spec.muscle, where, spec.place + ".muscle");
    const std::vector<double>& means = meanActivations(spec.motion, spec.mode, spec.frames);
    for (std::size_t c = 0; c < compartments_.size(); ++c) {
      if (compartments_[c].muscle != index || compartments_[c].fibres.empty()) continue;
      const anatomy::Compartment& compartment = m.muscles[index].compartments[compartments_[c].compartment];
      candidates.push_back({compartment.id, compartment.name, index, compartment.id, means[c]});
    }
    group = "which part of the " + lowerFirst(m.muscles[index].name);
  } else {
    const int joint = static_cast<int>(jointIndex(spec.joint, where, spec.place + ".joint"));
    const std::vector<double>& means = meanActivations(spec.motion, spec.mode, spec.frames);
    for (std::size_t i = 0; i < m.muscles.size(); ++i) {
      if (muscleJoints_[i] != joint) continue;
      double sum = 0.0, fibres = 0.0;  // the muscle's mean over its fibres
      for (std::size_t c = 0; c < compartments_.size(); ++c)
        if (compartments_[c].muscle == i) {
          sum += means[c] * static_cast<double>(compartments_[c].fibres.size());
          fibres += static_cast<double>(compartments_[c].fibres.size());
        }
      candidates.push_back({m.muscles[i].id, m.muscles[i].name, i, "", fibres > 0.0 ? sum / fibres : 0.0});
    }
    group = "which muscle of the " + sideOf(m.joints[static_cast<std::size_t>(joint)]) + " hip";
  }
  if (candidates.size() < 2)
    throw InputError(where + ": " + spec.place + ": " + group.substr(6) + ": fewer than two to choose among in this model");
  std::vector<const Candidate*> ranked;
  for (const Candidate& candidate : candidates) ranked.push_back(&candidate);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Candidate* a, const Candidate* b) { return a->activation > b->activation; });
  const Candidate& best = *ranked[0];
  const Candidate& next = *ranked[1];
  const std::string numbers = "mean activation over the loop " + fixed(best.activation * 100.0, 1) + " % (" + best.text +
                              "), next " + fixed(next.activation * 100.0, 1) + " % (" + next.text + ")";
  if (best.activation < kMinActivation || best.activation - next.activation < kMinActivationLead)
    throw NoSingleAnswer(where + ": " + spec.place + ": no one right answer on this model: " + numbers);
  Question q;
  for (const Candidate& candidate : candidates) q.choices.push_back({candidate.id, candidate.text});
  const std::string how = spec.mode == "load" ? "holding and moving the leg against gravity" : "by the direction of the motion";
  q.prompt = "During " + lowerFirst(motion->name) + " (" + how + "), " + group + " works hardest?";
  q.motion = motion->id;
  q.answer = best.id;
  q.answerText = best.text;
  const anatomy::Structure* structure = m.findStructure(m.muscles[best.muscle].structure);
  q.feedback.structure = m.muscles[best.muscle].structure;
  q.feedback.compartment = best.compartment;
  q.feedback.motion = motion->id;
  q.feedback.teaching = best.compartment.empty() ? (structure ? firstSentence(structure->teaching.summary) : "")
                                                 : compartmentText(structure, best.compartment);
  q.feedback.value = best.activation * 100.0;
  q.feedback.unit = "%";
  q.feedback.number = numbers;
  return q;
}

Question QuizMaker::clinical(const QuestionSpec& spec, const std::string& where) {
  const anatomy::Model& m = model();
  std::vector<std::size_t> weak;
  std::map<std::string, double> strengths;
  std::string names;
  for (std::size_t k = 0; k < spec.weak.size(); ++k) {
    const std::string field = spec.weak.size() == 1 ? ".muscle" : ".muscles[" + std::to_string(k) + "]";
    weak.push_back(muscleIndex(spec.weak[k], where, spec.place + field));
    strengths[spec.weak[k]] = spec.strengthPercent;
    names += (k == 0 ? "" : k + 1 == spec.weak.size() ? " and the " : ", the ") + lowerFirst(m.muscles[weak.back()].name);
  }
  const anatomy::Muscle& muscle = m.muscles[weak.front()];
  if (muscleJoints_[weak.front()] < 0)
    throw InputError(where + ": " + spec.place + ": " + muscle.id + " crosses no joint of the model");
  const anatomy::Joint& own = m.joints[static_cast<std::size_t>(muscleJoints_[weak.front()])];
  const anatomy::Joint& stance = spec.joint.empty() ? own : m.joints[jointIndex(spec.joint, where, spec.place + ".joint")];
  const bool swingSide = std::any_of(m.joints.begin(), m.joints.end(), [&](const anatomy::Joint& joint) {
    return joint.id != stance.id && joint.parent == stance.parent;
  });
  if (!swingSide)
    throw InputError(where + ": " + spec.place + ".joint: " + stance.id + " has no other leg on " + stance.parent +
                     " to lift, so there is no single-leg stance to ask about");
  const biomech::PelvicDrop drop = biomech::singleLegStanceDrop(paths_, stance.id, biomech::Person{}, strengths);
  // Obliquity + drops the right side (pose.h).
  const std::string dropped = drop.obliquityDegrees > 0.0 ? "right" : "left";
  const std::string number =
      drop.level ? "the abductors of the " + sideOf(stance) + " hip can give " + fixed(drop.availableMomentNm, 1) + " N·m; " +
                       fixed(drop.requiredMomentNm, 1) + " N·m holds the pelvis level"
                 : "the pelvis drops " + fixed(drop.dropDegrees, 1) + "° on the " + dropped +
                       " (the gluteal balance alone: " + fixed(drop.uncompensatedDropDegrees, 1) + "°); the abductors give " +
                       fixed(drop.availableMomentNm, 1) + " of the " + fixed(drop.requiredMomentNm, 1) + " N·m needed";
  if (!drop.level && drop.dropDegrees < kMinDropDegrees)
    throw NoSingleAnswer(where + ": " + spec.place + ": no one right answer on this model: " + number);
  Question q;
  q.choices = {{"left", "the left side drops"}, {"right", "the right side drops"}, {"level", "it stays level"}};
  q.prompt = "Standing on the " + sideOf(stance) + " leg with the " + names + " at " + formatNumber(spec.strengthPercent) +
             " % of " + (weak.size() == 1 ? "its" : "their") + " strength, what does the pelvis do?";
  q.answer = drop.level ? "level" : dropped;
  for (const Choice& choice : q.choices)
    if (choice.id == q.answer) q.answerText = choice.text;
  for (const biomech::Motion& motion : biomech::motionLibrary())
    if (motion.support.heldStanceJoint == stance.id) {
      q.motion = motion.id;
      break;
    }
  q.feedback.structure = muscle.structure;
  q.feedback.motion = q.motion;
  if (const anatomy::Structure* structure = m.findStructure(muscle.structure))
    q.feedback.teaching =
        firstSentence(structure->teaching.clinical.empty() ? structure->teaching.summary : structure->teaching.clinical);
  q.feedback.value = drop.level ? 0.0 : drop.dropDegrees;
  q.feedback.unit = "deg";
  q.feedback.number = number;
  return q;
}

}  // namespace medius::quiz
