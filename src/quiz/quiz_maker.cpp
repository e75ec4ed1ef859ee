#include "quiz/quiz_maker.h"

#include "biomech/action_claims.h"
#include "biomech/moment_arms.h"
#include "biomech/motion_library.h"
#include "quiz/quiz_text.h"
#include "quiz/seeded_random.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>

namespace medius::quiz {

QuizMaker::QuizMaker(const biomech::FibrePaths& paths)
    : paths_(paths), source_(paths), muscleJoints_(paths.model().muscles.size(), -1) {
  const std::vector<int> crossed = biomech::crossedJoints(paths.model(), paths);
  for (std::size_t fibre = 0; fibre < paths.fibreCount(); ++fibre) {
    int& joint = muscleJoints_[paths.ref(fibre).muscle];
    if (joint < 0) joint = crossed[fibre];
  }
}

std::size_t QuizMaker::muscleIndex(const std::string& id, const std::string& where, const std::string& field) const {
  const anatomy::Model& m = model();
  std::string list;
  for (std::size_t i = 0; i < m.muscles.size(); ++i) {
    if (m.muscles[i].id == id) return i;
    list += (list.empty() ? "" : ", ") + m.muscles[i].id;
  }
  throw InputError(where + ": " + field + ": unknown muscle '" + id + "'; the muscles are: " + (list.empty() ? "none" : list));
}

std::size_t QuizMaker::jointIndex(const std::string& id, const std::string& where, const std::string& field) const {
  const anatomy::Model& m = model();
  std::string list;
  for (std::size_t i = 0; i < m.joints.size(); ++i) {
    if (m.joints[i].id == id) return i;
    list += (list.empty() ? "" : ", ") + m.joints[i].id;
  }
  throw InputError(where + ": " + field + ": unknown joint '" + id + "'; the joints are: " + (list.empty() ? "none" : list));
}

Question QuizMaker::question(const QuestionSpec& spec, const std::string& where, std::uint32_t seed) {
  Question made;
  switch (spec.kind) {
    case QuestionKind::Find:
      made = find(spec, where);
      break;
    case QuestionKind::Name:
      made = name(spec, where, seed);
      break;
    case QuestionKind::Direction:
      made = direction(spec, where);
      break;
    case QuestionKind::Action:
      made = action(spec, where);
      break;
    case QuestionKind::Clinical:
      made = clinical(spec, where);
      break;
  }
  made.kind = spec.kind;
  if (!spec.prompt.empty()) made.prompt = spec.prompt;  // the file's own wording; the answer stays the model's
  made.place = spec.place;
  made.timeLimitSeconds = spec.timeLimitSeconds;
  made.spec = spec;
  return made;
}

std::vector<QuestionSpec> QuizMaker::candidates(const GeneratedSet& set, const std::string& where) const {
  const anatomy::Model& m = model();
  std::vector<bool> drawn(m.muscles.size(), set.muscles.empty());
  for (std::size_t i = 0; i < set.muscles.size(); ++i)
    drawn[muscleIndex(set.muscles[i], where, set.place + ".generate.muscles[" + std::to_string(i) + "]")] = true;
  std::vector<QuestionSpec> specs;
  QuestionSpec base;
  base.kind = set.topic;
  base.place = set.place;
  base.timeLimitSeconds = set.timeLimitSeconds;
  base.mode = set.mode;
  base.frames = set.frames;
  base.strengthPercent = set.strengthPercent;
  for (std::size_t i = 0; i < m.muscles.size(); ++i) {
    if (!drawn[i]) continue;
    const anatomy::Muscle& muscle = m.muscles[i];
    QuestionSpec spec = base;
    spec.muscle = muscle.id;
    switch (set.topic) {
      case QuestionKind::Find:
        for (const bool origin : {true, false})
          if (!anatomy::attachmentRegions(muscle, origin).empty()) {
            spec.origin = origin;
            specs.push_back(spec);
          }
        break;
      case QuestionKind::Name:  // a muscle's own structure; every structure without a muscle list (below)
        spec.muscle.clear();
        spec.structure = muscle.structure;
        if (!set.muscles.empty()) specs.push_back(spec);
        break;
      case QuestionKind::Direction: {
        if (muscleJoints_[i] < 0) break;
        const anatomy::Joint& joint = m.joints[static_cast<std::size_t>(muscleJoints_[i])];
        for (const double flexion : set.flexionDegrees)
          for (const anatomy::Compartment& compartment : muscle.compartments)
            for (std::size_t d = 0; d < std::min<std::size_t>(3, joint.dofs.size()); ++d) {
              spec.flexionDegrees = flexion;
              spec.compartment = compartment.id;
              spec.dof = joint.dofs[d].id;
              specs.push_back(spec);
            }
        break;
      }
      case QuestionKind::Action:
        if (muscle.compartments.size() < 2) break;
        spec.among = Among::Compartments;
        for (const biomech::Motion& motion : biomech::motionLibrary()) {
          spec.motion = motion.id;
          specs.push_back(spec);
        }
        break;
      case QuestionKind::Clinical:
        if (muscleJoints_[i] < 0) break;
        // The muscle weak alone, and with each later muscle of its joint; standing on its leg, and
        // on each other leg of the same parent segment.
        spec.muscle.clear();
        for (std::size_t other = i; other < m.muscles.size(); ++other) {
          if (other != i && (!drawn[other] || muscleJoints_[other] != muscleJoints_[i])) continue;
          spec.weak = other == i ? std::vector<std::string>{muscle.id} : std::vector<std::string>{muscle.id, m.muscles[other].id};
          const std::string& parent = m.joints[static_cast<std::size_t>(muscleJoints_[i])].parent;
          if (std::count_if(m.joints.begin(), m.joints.end(), [&](const anatomy::Joint& j) { return j.parent == parent; }) < 2)
            break;  // one leg only (a rigged right hip): no single-leg stance to ask about
          for (const anatomy::Joint& joint : m.joints)
            if (joint.parent == parent) {
              spec.joint = joint.id;
              specs.push_back(spec);
            }
        }
        break;
    }
  }
  if (set.topic == QuestionKind::Name && set.muscles.empty())
    for (const anatomy::Structure& structure : m.structures) {
      QuestionSpec spec = base;
      spec.structure = structure.id;
      specs.push_back(spec);
    }
  // An action set drawn from every muscle also asks which muscle of a joint works hardest.
  if (set.topic == QuestionKind::Action && set.muscles.empty())
    for (std::size_t j = 0; j < m.joints.size(); ++j) {
      if (std::count(muscleJoints_.begin(), muscleJoints_.end(), static_cast<int>(j)) < 2) continue;
      QuestionSpec spec = base;
      spec.among = Among::Muscles;
      spec.joint = m.joints[j].id;
      for (const biomech::Motion& motion : biomech::motionLibrary()) {
        spec.motion = motion.id;
        specs.push_back(spec);
      }
    }
  return specs;
}

namespace {

// Two questions ask the same when they show the same and their prompts have the same words (the
// weak muscles of a clinical question may come in either order).
std::string sameQuestionKey(const Question& question) {
  std::istringstream words(question.prompt);
  std::vector<std::string> sorted{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
  std::sort(sorted.begin(), sorted.end());
  std::string key = std::string(toString(question.kind)) + "|" + question.shown;
  for (const std::string& word : sorted) key += "|" + word;
  return key;
}

}  // namespace

std::vector<Question> QuizMaker::make(const QuizFile& quiz) {
  std::vector<Question> questions;
  std::set<std::string> asked;  // a generated set does not ask again what the quiz already asks
  const auto add = [&](Question question) {
    asked.insert(sameQuestionKey(question));
    if (!question.timeLimitSeconds) question.timeLimitSeconds = quiz.timeLimitSeconds;
    question.number = static_cast<int>(questions.size()) + 1;
    questions.push_back(std::move(question));
  };
  for (const QuizItem& item : quiz.items) {
    if (const QuestionSpec* spec = std::get_if<QuestionSpec>(&item)) {
      add(question(*spec, quiz.where, seedOf(spec->structure)));
      continue;
    }
    const GeneratedSet& set = std::get<GeneratedSet>(item);
    std::vector<QuestionSpec> drawn = candidates(set, quiz.where);
    SeededRandom random(set.seed);
    random.shuffle(drawn);
    int made = 0;
    for (QuestionSpec& spec : drawn) {
      if (made == set.count) break;
      spec.place = set.place + " (generated, " + std::to_string(made + 1) + " of " + std::to_string(set.count) + ")";
      try {
        Question drawnQuestion = question(spec, quiz.where, set.seed ^ seedOf(spec.structure));
        if (asked.count(sameQuestionKey(drawnQuestion))) continue;
        add(std::move(drawnQuestion));
        ++made;
      } catch (const NoSingleAnswer&) {
        // Too close to call on this model: draw the next one.
      }
    }
    if (made < set.count)
      throw InputError(quiz.where + ": " + set.place + ".generate.count: the model '" + model().name + "' gives only " +
                       std::to_string(made) + " " + toString(set.topic) + " question" + (made == 1 ? "" : "s") +
                       " with one right answer here, " + std::to_string(set.count) + " asked");
  }
  return questions;
}

const biomech::FrameAnalysis& QuizMaker::flexedAnalysis(double flexionDegrees) {
  auto found = flexed_.find(flexionDegrees);
  if (found == flexed_.end()) {
    // A held pose through the scene core, as `medius analyze --pose` computes it (moment arms do not
    // depend on the activation mode).
    scene::FrameRequest request;
    request.pose = biomech::flexedPose(model(), flexionDegrees);
    request.activation = biomech::ActivationSettings{};
    found = flexed_.emplace(flexionDegrees, std::move(*source_.compute(request).analysis)).first;
  }
  return found->second;
}

const std::vector<double>& QuizMaker::meanActivations(const std::string& motionId, const std::string& mode, int frames) {
  const auto key = std::make_tuple(motionId, mode, frames);
  auto found = activations_.find(key);
  if (found != activations_.end()) return found->second;
  const biomech::Motion& motion = *biomech::findMotion(motionId);
  biomech::ActivationSettings settings;
  settings.mode = *biomech::parseActivationMode(mode);
  std::vector<double> sums;
  for (int k = 0; k < frames; ++k) {  // the frames `medius analyze --frames N` prints
    const double time = motion.durationSeconds * k / frames;
    const scene::SceneFrame frame = source_.compute(scene::motionAt(motion, time, settings));
    const std::vector<biomech::CompartmentActivation>& compartments = frame.analysis->compartments;
    if (sums.empty()) {
      sums.assign(compartments.size(), 0.0);
      compartments_ = compartments;
    }
    for (std::size_t c = 0; c < compartments.size(); ++c) sums[c] += compartments[c].activation;
  }
  for (double& sum : sums) sum /= frames;
  return activations_.emplace(key, std::move(sums)).first->second;
}

}  // namespace medius::quiz
