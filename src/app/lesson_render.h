#pragma once
// `medius render --lesson FILE --step N`: the frame of one lesson step (camera, visibility,
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
  std::optional<biomech::ActivationSettings> activation;  // the step's mode, person, band, strengths; none: "none"
  std::string title;       // the step's title and caption (render --caption)
  std::string caption;
};

// The frame for options.lesson's step options.step (from 1), or nothing without --lesson. The view
// flags (--select, --hide, --labels, ...) apply on top of the step; --view and --orbit do not (the
// step has its camera); --activation and its options, when given, replace the step's activation
// (runRenderCommand). Throws InputError for a missing or damaged lesson and UsageError for a step
// number outside the lesson. Reads files only: call it before any graphics work.
std::optional<LessonFrame> lessonFrame(const anatomy::Model& model, const RenderOptions& options);

}  // namespace medius::app
