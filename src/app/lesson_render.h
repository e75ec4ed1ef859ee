#pragma once
// `medius render --lesson FILE --step N` and `medius render --view-link LINK`: the frame of one lesson step (camera, visibility,
// selection, highlights, motion or pose, activation setting), at the size and with the options of
// the command line.
#include "anatomy/model.h"
#include "app/command_line.h"
#include "biomech/activation.h"
#include "render/renderer.h"

#include <optional>

namespace medius::app {

struct LessonFrame {
  render::FrameSpec spec;  // camera, visibility, selection, highlights
  MotionOptions motion;    // the step's motion and time, or its pose
  // The step's activation shading (its mode and settings, as the window would show it), or none.
  // --activation and its options replace it; --colour-map applies to it.
  std::optional<biomech::ActivationSettings> activation;
  render::ColourMap colourMap = render::ColourMap::Heat;  // the step's; a --colour-map other than heat replaces it
  std::string title;                                      // the step's title and caption (render --caption)
  std::string caption;
};

// The frame for options.lesson's step options.step (from 1), or for the step of options.viewLink
// (ui/view_link.h), or nothing without either. The view
// flags (--select, --hide, --labels, ...) apply on top of the step; --view and --orbit do not (the
// step has its camera); --activation and its options, when given, replace the step's activation
// (runRenderCommand). Throws InputError for a missing or damaged lesson or link (and one naming a
// structure, motion, joint or muscle the model lacks) and UsageError for a step
// number outside the lesson. Reads files only: call it before any graphics work.
std::optional<LessonFrame> lessonFrame(const anatomy::Model& model, const RenderOptions& options);

}  // namespace medius::app
