#pragma once
// The Dear ImGui panels of the viewer: the main panel (model, views, image export) and the help
// overlay listing every key. They edit the ViewState and return what the app must do.
#include "anatomy/model.h"
#include "biomech/motion.h"
#include "ui/view_state.h"

#include <optional>
#include <string>

namespace medius::ui {

struct PanelRequests {
  std::optional<render::ViewPreset> preset;
  bool frameAll = false;
  bool frameVisible = false;  // Isolate: frame what is still shown
  bool saveScreenshot = false;
  bool openExport = false;         // the export dialog (image or animation)
  bool toggleLessonPanel = false;  // the Lesson window (build, open, present lessons)
  bool toggleFullscreen = false;
  bool openModel = false;                                   // the Open model window (a path field)
  std::optional<biomech::BodyOrientation> bodyOrientation;  // a motion with another orientation was chosen
};

struct PanelContext {
  const anatomy::Model& model;
  std::string deviceDescription;
};

// Call between ImGui::NewFrame() and ImGui::Render().
PanelRequests drawViewerPanels(ViewState& state, const PanelContext& context);

}  // namespace medius::ui
