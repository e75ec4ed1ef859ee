#include "app/render_command.h"

#include "app/activation_choice.h"
#include "app/animation_export.h"
#include "app/headless_context.h"
#include "app/lesson_render.h"
#include "app/model_choice.h"
#include "app/pose_choice.h"
#include "app/video_export.h"
#include "app/window_export.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "core/error.h"
#include "core/log.h"
#include "render/renderer.h"
#include "scene/frame_source.h"

#include <algorithm>
#include <exception>
#include <future>
#include <optional>
#include <string>

namespace medius::app {
namespace {

// The frame the view options ask for: framed on the visible structures, a lying body lying.
render::FrameSpec viewFrame(const anatomy::Model& model, const RenderOptions& options,
                            const render::SceneAppearance& appearance) {
  const float aspect = static_cast<float>(options.size.width) / static_cast<float>(options.size.height);
  render::FrameSpec spec;
  spec.camera = render::framedCamera(ui::visibleBounds(model, appearance), options.view.preset, aspect);
  spec.camera.sceneRadius = std::max(spec.camera.sceneRadius, model.bounds().radius());  // depth range for the whole model
  render::orbit(spec.camera, glm::radians(options.view.orbitYawDegrees), glm::radians(options.view.orbitPitchDegrees));
  if (options.view.motion.motion)  // the room's up points up in the image
    render::rollUpright(spec.camera, biomech::roomUp(biomech::findMotion(*options.view.motion.motion)->orientation));
  spec.width = options.size.width;
  spec.height = options.size.height;
  spec.options = {options.transparent, options.samples};
  spec.appearance = appearance;
  return spec;
}

}  // namespace

void runRenderCommand(const RenderOptions& options) {
  // The model loads on another thread while this one does what needs nothing from it: start EGL
  // (Mesa and LLVM: about 0.1 s), build the shaders and make the target images are drawn into
  // (1920x1080 with 4 samples: 74 MB, about 0.2 s). Input still comes first: a bad model, view,
  // lesson or pose is reported before a graphics failure, and before any output.
  std::future<anatomy::Model> loading = std::async(std::launch::async, [&options] { return loadChosenModel(options.model); });
  std::optional<HeadlessContext> context;
  std::optional<render::Renderer> renderer;
  std::exception_ptr graphicsError;
  try {
    context.emplace();
    renderer.emplace();
    render::FrameOptions frameOptions;
    frameOptions.samples = options.samples;
    renderer->prepareImageTarget(options.size.width, options.size.height, frameOptions);
  } catch (...) {
    graphicsError = std::current_exception();
  }
  const anatomy::Model model = loading.get();
  render::SceneAppearance appearance = render::SceneAppearance::allVisible();
  ui::applyPresetVisibility(appearance, model, options.view.preset);  // before the flags: --show still shows
  ui::applyViewFlags(appearance, model, options.view.flags);
  const std::optional<LessonFrame> lesson = lessonFrame(model, options);  // --lesson FILE --step N, --view-link
  const MotionOptions motion = lesson && !options.view.motion.posed() ? lesson->motion : options.view.motion;
  std::optional<biomech::ActivationSettings> activation;
  if (!options.view.activation.mode.empty())
    activation = activationSettings(options.view.activation, model, "--activation");
  else if (lesson && lesson->activation)
    activation = lesson->activation;  // the step's own shading
  std::vector<PosedMoment> moments = motion.posed() ? chosenMoments(motion, model) : std::vector<PosedMoment>{};
  // Without a motion or a pose: the neutral pose, as the window holds it (viewer_app.cpp), so the
  // muscles deform with their fibres and show the same fascicle relief; shaded with an activation.
  if (moments.empty() && (activation || !model.joints.empty())) moments.push_back({});
  const bool sequence = motion.frames > 1;
  // An .mp4 or .gif: the frames go to a temporary folder and ffmpeg makes the file from them.
  const bool video = isVideoFile(options.out);
  const std::optional<std::filesystem::path> ffmpeg = video ? std::optional(requireFfmpeg(options.out)) : std::nullopt;
  std::optional<TemporaryFolder> frameFolder;
  if (video) frameFolder.emplace();
  const std::filesystem::path out = video ? frameFolder->path() / "frame_%04d.png" : options.out;
  makeParentFolder(video ? options.out : sequence ? sequenceFile(out, 0) : std::filesystem::path());

  render::FrameSpec spec = lesson ? lesson->spec : viewFrame(model, options, appearance);
  spec.appearance.textScale = options.textScale;
  if (activation) {
    spec.appearance.activationShading = true;
    spec.appearance.activationMap = *render::parseColourMap(options.view.activation.colourMap);
    if (lesson && options.view.activation.mode.empty() && options.view.activation.colourMap == ActivationOptions{}.colourMap)
      spec.appearance.activationMap = lesson->colourMap;  // the step's shading in the step's colours
    spec.appearance.activationMode = activation->mode;
  }
  if (graphicsError) std::rethrow_exception(graphicsError);
  std::optional<biomech::PosedModel> posed;
  if (!moments.empty()) posed.emplace(model);
  renderer->setModel(model, posed ? &*posed : nullptr, /*detailLevels=*/false);  // images: always the finest
  const biomech::Motion* playing = motion.motion ? biomech::findMotion(*motion.motion) : nullptr;
  std::optional<scene::FrameSource> source;
  if (posed) source.emplace(posed->fibres());

  const auto renderTo = [&](const std::filesystem::path& file) {
    render::Image image = renderer->renderImage(spec);
    if (options.caption && lesson) drawStepCaption(image, lesson->title, lesson->caption, options.textScale);
    render::savePng(image, file);
    core::logInfo("wrote " + file.string() + " (" + std::to_string(image.width) + "x" + std::to_string(image.height) + ", " +
                  renderer->deviceDescription() + ")");
  };
  if (moments.empty()) return renderTo(out);
  bool warned = false;
  for (std::size_t i = 0; i < moments.size(); ++i) {
    const scene::SceneFrame frame =
        source->pose(*posed, {playing, moments[i].timeSeconds, moments[i].pose, activation}, moments[i].stepSeconds);
    if (!frame.clamped.empty() && !warned) {
      std::string clamped = biomech::describe(frame.clamped);
      while (!clamped.empty() && clamped.back() == '\n') clamped.pop_back();
      core::logWarning(clamped);
      warned = true;
    }
    spec.pose = render::scenePoseOf(*posed, frame.fibreActivation, frame.fibreMark);
    renderTo(sequence ? sequenceFile(out, static_cast<int>(i)) : out);
  }
  if (sequence) core::logInfo("wrote " + std::to_string(moments.size()) + " frames");
  if (video) {
    // One loop of the motion at its real speed.
    const double loopSeconds = biomech::findMotion(*motion.motion)->durationSeconds;
    encodeVideo(*ffmpeg, out, options.out, VideoOptions{static_cast<double>(moments.size()) / std::max(loopSeconds, 1e-3)});
    core::logInfo("wrote " + options.out.string() + " with " + ffmpeg->string());
  }
}

}  // namespace medius::app
