#include "app/bench_command.h"

#include "app/activation_choice.h"
#include "app/bench_report.h"
#include "app/headless_context.h"
#include "app/model_choice.h"
#include "biomech/activation.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "core/atomic_write.h"
#include "core/error.h"
#include "core/log.h"
#include "render/draw_stats.h"
#include "render/renderer.h"
#include "scene/frame_source.h"
#include "ui/structure_visibility.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace medius::app {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kMotionSecondsPerFrame = 1.0 / 60.0;
constexpr int kSamplesAlongRun = 10;

double msBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

double processCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) * 1e-6;
}

render::FrameSpec benchFrame(const anatomy::Model& model, const BenchOptions& options, const biomech::Motion& motion) {
  render::FrameSpec spec;
  spec.appearance = render::SceneAppearance::allVisible();
  ui::applyViewFlags(spec.appearance, model, options.view.flags);
  const float aspect = static_cast<float>(options.size.width) / static_cast<float>(options.size.height);
  spec.camera = render::framedCamera(ui::visibleBounds(model, spec.appearance), options.view.preset, aspect);
  spec.camera.sceneRadius = std::max(spec.camera.sceneRadius, model.bounds().radius());
  render::orbit(spec.camera, glm::radians(options.view.orbitYawDegrees), glm::radians(options.view.orbitPitchDegrees));
  render::rollUpright(spec.camera, biomech::roomUp(motion.orientation));
  spec.width = options.size.width;
  spec.height = options.size.height;
  spec.options.samples = options.samples;
  spec.options.detailLevel = options.detailLevel;
  return spec;
}

}  // namespace

void runBenchCommand(const BenchOptions& options) {
  const biomech::Motion* motion =
      options.motion.empty() ? &biomech::motionLibrary().front() : biomech::findMotion(options.motion);
  if (!motion) throw UsageError("--motion '" + options.motion + "': unknown motion; choose one of " + biomech::motionIds());
  const std::optional<biomech::ActivationMode> mode = biomech::parseActivationMode(options.mode);
  if (!mode) throw UsageError("--mode '" + options.mode + "': choose action or load");
  const anatomy::Model model = loadChosenModel(options.model);
  render::FrameSpec spec = benchFrame(model, options, *motion);

  const HeadlessContext context;
  biomech::PosedModel posed(model);
  scene::FrameSource source(posed.fibres());
  biomech::ActivationSettings settings;
  settings.mode = *mode;
  render::Renderer renderer(model, &posed);

  BenchResult result;
  result.device = renderer.deviceDescription();
  result.motion = motion->id;
  result.mode = options.mode;
  result.width = spec.width;
  result.height = spec.height;
  result.samples = std::min(options.samples, renderer.limits().maxSamples);
  result.frames = options.frames;
  result.warmupFrames = kBenchWarmupFrames;
  result.detailLevel = std::min(options.detailLevel, renderer.coarsestDetailLevel());
  result.frameMs.reserve(static_cast<std::size_t>(options.frames));
  result.updateCpuMs.reserve(static_cast<std::size_t>(options.frames));
  result.drawMs.reserve(static_cast<std::size_t>(options.frames));

  spec.appearance.activationShading = true;  // the muscles shaded and the legend drawn, as in the window
  spec.appearance.activationMode = *mode;
  scene::FrameRequest request = scene::motionAt(*motion, 0.0, settings);
  const int total = kBenchWarmupFrames + options.frames;
  const int sampleEvery = std::max(1, options.frames / kSamplesAlongRun);
  for (int i = 0; i < total; ++i) {
    const double t = std::fmod(i * kMotionSecondsPerFrame, motion->durationSeconds);
    render::resetDrawStats();
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuMs();
    request.timeSeconds = t;
    const scene::SceneFrame frame = source.pose(posed, request, i == 0 ? 0.0 : kMotionSecondsPerFrame);
    spec.pose = render::scenePoseOf(posed, frame.fibreActivation, frame.fibreMark);
    const double cpuEnd = processCpuMs();
    const Clock::time_point drawStart = Clock::now();
    renderer.renderOffscreen(spec);
    (void)renderer.surfacePointUnder(spec.width / 2, spec.height / 2);  // waits for the finished frame
    const Clock::time_point end = Clock::now();

    if (i == 0) result.startupMs = processAgeMs();
    const int timed = i - kBenchWarmupFrames;
    if (timed < 0) continue;
    for (const biomech::FibreActivation& fibre : frame.analysis->fibres) result.activationChecksum += fibre.activation;
    result.frameMs.push_back(msBetween(start, end));
    result.updateCpuMs.push_back(cpuEnd - cpuStart);
    result.drawMs.push_back(msBetween(drawStart, end));
    const render::DrawStats stats = render::drawStats();
    result.trianglesPerFrame = stats.triangles;
    result.drawCallsPerFrame = stats.drawCalls;
    if (timed % sampleEvery == 0 || timed == options.frames - 1)
      result.samples_.push_back({timed, currentRssMb(), heapInUseMb(), render::liveGlObjects()});
  }
  result.peakRssMb = peakRssMb();

  const std::string text = options.json ? benchJson(result) : benchText(result);
  if (options.out) {
    core::writeFileAtomically(*options.out, text);
    core::logInfo("wrote " + options.out->string());
  } else {
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
  }
}

}  // namespace medius::app
