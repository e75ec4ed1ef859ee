#include "app/pose_activation_tracker.h"

#include "biomech/motion_library.h"
#include "render/fibre_ribbons.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace medius::app {
namespace {

constexpr int kCurveSamples = 41;  // moment-arm curve points (our choice: smooth, ~0.1 s to compute)
constexpr int kLoopBins = 90;      // activation-over-time bins per loop

// Compartments of `muscleId` in an analysis, in model order.
std::vector<const biomech::CompartmentActivation*> compartmentsOf(const biomech::FrameAnalysis& frame,
                                                                  const anatomy::Model& model, const std::string& muscleId) {
  std::vector<const biomech::CompartmentActivation*> found;
  for (const biomech::CompartmentActivation& c : frame.compartments)
    if (model.muscles[c.muscle].id == muscleId) found.push_back(&c);
  return found;
}

ui::PlotSeries seriesFor(const anatomy::Muscle& muscle, std::size_t compartment) {
  ui::PlotSeries series;
  series.name = muscle.compartments[compartment].name;
  const glm::vec3 colour = render::compartmentColor(compartment);
  series.colour[0] = colour.r, series.colour[1] = colour.g, series.colour[2] = colour.b;
  return series;
}

// A DOF named for the way the motion takes it, with the sign that makes that way positive
// ("abduction", -1: abduction is negative adduction; pose.h), so a student reads 0 to 30°
// of abduction, not 0 to -30° of adduction.
struct NamedAxis {
  std::string name;
  double sign = 1.0;
};
NamedAxis namedAxis(const std::string& dof, double lo, double hi) {
  const bool negative = std::abs(lo) > std::abs(hi);
  if (dof == "flexion") return negative ? NamedAxis{"extension", -1.0} : NamedAxis{"flexion", 1.0};
  if (dof == "adduction") return negative ? NamedAxis{"abduction", -1.0} : NamedAxis{"adduction", 1.0};
  if (dof == "rotation") return negative ? NamedAxis{"external rotation", -1.0} : NamedAxis{"internal rotation", 1.0};
  return {dof, 1.0};
}

// The muscle the plots show first: the one the playing motion names (its file's plot_muscle),
// else the one the library's first motion names, else the model's first muscle.
std::string defaultPlotMuscle(const anatomy::Model& model, const biomech::Motion* motion) {
  const auto inModel = [&](const std::string& id) {
    return std::any_of(model.muscles.begin(), model.muscles.end(), [&](const anatomy::Muscle& m) { return m.id == id; });
  };
  if (motion && inModel(motion->plotMuscle)) return motion->plotMuscle;
  const std::vector<biomech::Motion>& library = biomech::motionLibrary();
  if (!library.empty() && inModel(library.front().plotMuscle)) return library.front().plotMuscle;
  return model.muscles.empty() ? std::string() : model.muscles.front().id;
}

// The joint a muscle moves: the one whose child segment holds the insertion end of its fibres.
std::string insertionJoint(const anatomy::Model& model, const anatomy::Muscle& muscle) {
  for (const anatomy::Compartment& compartment : muscle.compartments)
    for (const anatomy::Fibre& fibre : compartment.fibres) {
      if (fibre.points.empty()) continue;
      for (const anatomy::Joint& joint : model.joints)
        if (joint.child == fibre.points.back().segment) return joint.id;
    }
  return "";
}

}  // namespace

PoseActivationTracker::PoseActivationTracker(biomech::PosedModel& posed) : posed_(posed), source_(posed.fibres()) {}

render::ScenePosePtr PoseActivationTracker::update(ui::MotionPlayer& player, ui::ActivationView& view, double nowSeconds) {
  // A long gap (the window was idle, or a slow frame) does not make the motion jump.
  const double elapsed = lastSeconds_ < 0.0 ? 0.0 : std::min(nowSeconds - lastSeconds_, 0.25);
  lastSeconds_ = nowSeconds;
  player.advance(elapsed);
  const anatomy::Model& model = posed_.model();
  const biomech::Motion* motion = player.motion();
  if (view.plotMuscle.empty()) view.plotMuscle = defaultPlotMuscle(model, motion);
  answerExerciseRequests(view);
  answerClaimRequests(view);
  const bool settingsChanged = view.revision != shownRevision_ || view.enabled != shownEnabled_;
  const scene::FrameRequest request{motion, player.time(), player.pose(),
                                    view.enabled ? std::optional(view.settings) : std::nullopt};
  const biomech::Pose pose = source_.requestedPose(request);
  view.drop = source_.dropFor(request.activation ? &*request.activation : nullptr, motion);
  if (shownPose_ && pose == *shownPose_ && !settingsChanged && scenePose_) return scenePose_;

  const scene::SceneFrame frame = source_.pose(posed_, request, elapsed);
  if (view.enabled) {
    view.latest = frame.analysis;
    if (curvesMotion_ != motion || curvesMuscle_ != view.plotMuscle || curvesRevision_ != view.revision) {
      updateMomentArmCurves(motion, view);
      curvesMotion_ = motion;
      curvesMuscle_ = view.plotMuscle;
      curvesRevision_ = view.revision;
      view.activationOverLoop = {};
    }
    recordActivation(motion, player.time(), view);
  } else {
    view.latest.reset();
  }
  scenePose_ = render::scenePoseOf(posed_, frame.fibreActivation, frame.fibreMark);
  shownPose_ = pose;
  shownRevision_ = view.revision;
  shownEnabled_ = view.enabled;
  return scenePose_;
}

// As OpenSim's plotter: the motion's main DOF (the one it moves most) swept over the range the
// motion covers, the other DOFs at their mean over the motion; each compartment's moment arm
// about that DOF.
void PoseActivationTracker::updateMomentArmCurves(const biomech::Motion* motion, ui::ActivationView& view) {
  view.momentArms = {};
  const anatomy::Model& model = posed_.model();
  const auto muscle =
      std::find_if(model.muscles.begin(), model.muscles.end(), [&](const anatomy::Muscle& m) { return m.id == view.plotMuscle; });
  if (!motion || muscle == model.muscles.end()) return;
  const std::string joint = insertionJoint(model, *muscle);
  if (joint.empty()) return;
  const std::array<std::string, 3> dofs = {"flexion", "adduction", "rotation"};
  std::array<double, 3> lo{}, hi{}, mean{};
  lo.fill(std::numeric_limits<double>::max());
  hi.fill(std::numeric_limits<double>::lowest());
  constexpr int kScan = 60;
  for (int i = 0; i < kScan; ++i) {
    const biomech::JointAngles angles = motion->sample(motion->durationSeconds * i / kScan).angles(joint);
    for (std::size_t d = 0; d < 3; ++d) {
      lo[d] = std::min(lo[d], angles[dofs[d]]);
      hi[d] = std::max(hi[d], angles[dofs[d]]);
      mean[d] += angles[dofs[d]] / kScan;
    }
  }
  std::size_t main = 0;
  for (std::size_t d = 1; d < 3; ++d)
    if (hi[d] - lo[d] > hi[main] - lo[main]) main = d;
  if (hi[main] - lo[main] < 1.0) return;
  curveJoint_ = joint;
  curveDof_ = dofs[main];
  const NamedAxis axis = namedAxis(dofs[main], lo[main], hi[main]);
  curveSign_ = axis.sign;
  const std::string named = muscle->side + " hip " + axis.name;  // "right hip abduction"
  view.momentArms.xLabel = named + " (°)";
  view.momentArms.yLabel = "Moment arm about " + named + " (mm)";
  view.momentArms.xMin = static_cast<float>(axis.sign > 0.0 ? lo[main] : -hi[main]);
  view.momentArms.xMax = static_cast<float>(axis.sign > 0.0 ? hi[main] : -lo[main]);
  for (std::size_t c = 0; c < muscle->compartments.size(); ++c) view.momentArms.series.push_back(seriesFor(*muscle, c));
  biomech::ActivationSettings action = view.settings;
  action.mode = biomech::ActivationMode::Action;
  for (int i = 0; i < kCurveSamples; ++i) {
    biomech::Pose pose;
    biomech::JointAngles& angles = pose.joints[joint];
    for (std::size_t d = 0; d < 3; ++d) angles[dofs[d]] = mean[d];
    const double share = static_cast<double>(i) / (kCurveSamples - 1);  // along the named axis, left to right
    angles[dofs[main]] = axis.sign > 0.0 ? lo[main] + (hi[main] - lo[main]) * share : hi[main] - (hi[main] - lo[main]) * share;
    const biomech::FrameAnalysis frame = source_.analyzer().analyse(pose, action);
    const auto compartments = compartmentsOf(frame, model, view.plotMuscle);
    for (std::size_t c = 0; c < compartments.size() && c < view.momentArms.series.size(); ++c)
      view.momentArms.series[c].values.push_back(static_cast<float>(axis.sign * 1000.0 * compartments[c]->momentArmM[main]));
  }
}

void PoseActivationTracker::recordActivation(const biomech::Motion* motion, double timeSeconds, ui::ActivationView& view) {
  ui::PlotData& plot = view.activationOverLoop;
  const anatomy::Model& model = posed_.model();
  if (!motion || !view.latest) return;
  const std::vector<const biomech::CompartmentActivation*> compartments = compartmentsOf(*view.latest, model, view.plotMuscle);
  if (plot.series.size() != compartments.size()) {
    plot.series.clear();
    for (const biomech::CompartmentActivation* c : compartments) {
      plot.series.push_back(seriesFor(model.muscles[c->muscle], c->compartment));
      plot.series.back().values.assign(kLoopBins, std::numeric_limits<float>::quiet_NaN());
    }
    plot.xLabel = "time in the loop (s)";
    // Direction mode is no effort (render/activation_legend.h): its plot says what it shows.
    plot.yLabel = view.settings.mode == biomech::ActivationMode::Load ? "Activation (%)"
                                                                      : "Direction of action (% of the motion's fastest)";
    plot.xMin = 0.0f;
    plot.xMax = static_cast<float>(motion->durationSeconds);
  }
  const int bin = std::clamp(static_cast<int>(timeSeconds / motion->durationSeconds * kLoopBins), 0, kLoopBins - 1);
  // A slow frame skips bins: they take this frame's value, so the line stays joined.
  const int from = bin > lastBin_ && bin - lastBin_ < kLoopBins / 4 ? lastBin_ + 1 : bin;
  for (std::size_t c = 0; c < compartments.size(); ++c)
    for (int b = from; b <= bin; ++b)
      plot.series[c].values[static_cast<std::size_t>(b)] = static_cast<float>(100.0 * compartments[c]->activation);
  lastBin_ = bin;
  plot.marker = static_cast<float>(timeSeconds);
  // The moment-arm plot's marker follows the joint angle.
  if (!view.momentArms.series.empty())
    view.momentArms.marker = static_cast<float>(curveSign_ * motion->sample(timeSeconds).angles(curveJoint_)[curveDof_]);
}

// The card's exercise numbers: Load mode, the default person (as `medius analyze --mode load`).
// The library's one-leg exercises move the right leg; for a muscle of the side that stays idle
// the card shows the same muscle of the side that works, and says so.
void PoseActivationTracker::answerExerciseRequests(ui::ActivationView& view) {
  const anatomy::Model& model = posed_.model();
  biomech::ActivationSettings settings;
  settings.mode = biomech::ActivationMode::Load;
  const auto peak = [](const std::vector<biomech::CompartmentRange>& ranges) {
    double highest = 0.0;
    for (const biomech::CompartmentRange& r : ranges) highest = std::max(highest, r.highest);
    return highest;
  };
  for (const ui::ExerciseRequest& request : view.exerciseRequests) {
    const biomech::Motion* motion = biomech::findMotion(request.motion);
    if (!motion || request.muscle >= model.muscles.size()) continue;
    ui::ExerciseNumbers numbers{request.muscle, request.muscle, request.motion,
                                biomech::activationRangeOverLoop(source_.analyzer(), *motion, settings, request.muscle)};
    if (peak(numbers.compartments) < biomech::kEccentricActivation) {
      const anatomy::Muscle& asked = model.muscles[request.muscle];
      for (std::size_t m = 0; m < model.muscles.size(); ++m) {
        const anatomy::Muscle& other = model.muscles[m];
        const bool mirror = m != request.muscle && other.side != asked.side && other.id.size() == asked.id.size() &&
                            other.id.substr(0, other.id.size() - 2) == asked.id.substr(0, asked.id.size() - 2);
        if (!mirror) continue;
        std::vector<biomech::CompartmentRange> ranges =
            biomech::activationRangeOverLoop(source_.analyzer(), *motion, settings, m);
        if (peak(ranges) > peak(numbers.compartments)) numbers.shown = m, numbers.compartments = std::move(ranges);
      }
    }
    view.exerciseNumbers.push_back(std::move(numbers));
  }
  view.exerciseRequests.clear();
}

// The card's claims against the model's moment arms (the same numbers `medius analyze` prints).
void PoseActivationTracker::answerClaimRequests(ui::ActivationView& view) {
  for (const std::size_t muscle : view.claimRequests)
    view.claimNumbers.push_back({muscle, biomech::checkActionClaims(source_.analyzer(), muscle)});
  view.claimRequests.clear();
}

}  // namespace medius::app
