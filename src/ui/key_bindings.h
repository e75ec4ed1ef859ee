#pragma once
// The viewer's keys, declared once: each binding names a key, its modifiers, when it applies and
// what it does, with its line of help. The window's key handling (app/viewer_app.cpp,
// app/classroom.cpp) dispatches from this table, the help overlay ("Keys and mouse") and the
// README's key tables are written from it. A view option's key (view_options.h, ViewOption::key)
// joins the table by itself. Keys are named as a person reads them ("F5", "PageDown", ","); the
// app turns its window system's key codes into these names (app/key_names.h). No ImGui here.
#include "ui/view_options.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace medius::ui {

// Modifier bits.
enum KeyModifier : unsigned { kNoModifier = 0, kShift = 1, kCtrl = 2, kAlt = 4 };

// When a binding applies.
enum class KeyContext {
  Always,        // even while a text field has the keyboard
  View,          // the view has the keyboard, presenting a lesson or not
  Editing,       // the view has the keyboard and no lesson is being presented
  Presenting,    // presenting a lesson: tried before the View bindings
  ExportDialog,  // the export dialog is open (ImGui handles the key there)
};

enum class KeyAction {
  Quit,
  Screenshot,
  OpenExportDialog,
  LessonWindow,
  QuizWindow,
  Present,              // enter presentation mode at step 1, or leave it
  PresentFromSelected,  // enter it at the step selected in the Lesson window
  NextStep,
  PreviousStep,
  FirstStep,
  LastStep,
  Blackout,
  LeavePresentation,  // lift the black screen, then leave
  ViewAnterior,
  ViewPosterior,
  ViewLateral,
  ViewMedial,
  ViewSuperior,
  ViewInferior,
  FrameSelection,
  ToggleViewOption,  // KeyBinding::option says which
  ToggleHelp,
  CloseHelpOrClearSelection,
  TogglePanel,
  PlayPause,
  FrameBack,
  FrameForward,
  MotionStart,
  Fullscreen,
  CloseDialog,
};

struct KeyBinding {
  std::string_view key;  // "F5", "PageDown", "B", ","
  unsigned modifiers;    // KeyModifier bits that must be held
  KeyContext context;
  KeyAction action;
  std::string_view help;  // the help overlay's line; bindings side by side with the same help share a row
  std::optional<ViewToggle> option = std::nullopt;  // for ToggleViewOption
};

// Every binding: the declared ones, then one per view option with a key.
std::span<const KeyBinding> keyBindings();

// The bindings a key press may mean, in the order to try them (the app stops at the first one
// that does something). A binding matches when its key is pressed with its modifiers held and no
// Ctrl or Alt beyond them (an extra Shift is allowed, as before: Shift+1 is view 1); the more
// modifiers a binding asks for, the earlier it comes, then Presenting bindings before View ones.
// `typing`: a text field has the keyboard (only Always bindings apply).
std::vector<const KeyBinding*> bindingsFor(std::string_view key, unsigned modifiers, bool presenting, bool typing);

// "Ctrl+S", "Shift+F5", "PageDown".
std::string keyText(const KeyBinding& binding);

// A row of the help: keys with the same help side by side ("PageDown, Right, Down"), and what they do.
struct HelpRow {
  std::string keys;
  std::string help;
};

// The mouse, as the camera controller (camera_controller.h) and the picking take it.
std::span<const HelpRow> mouseHelp();

// The rows for one context, in table order (ExportDialog rows are the dialog's own).
std::vector<HelpRow> keyHelp(KeyContext context);

// The help overlay: the mouse, then the keys of the viewer, then those of presentation mode.
std::vector<HelpRow> helpOverlayRows();

// A Markdown table of one context's rows, as the README shows them: header "| key | <title> |";
// the View table is headed "| input | <title> |" and starts with the mouse.
std::string keyTableMarkdown(KeyContext context, std::string_view title);

}  // namespace medius::ui
