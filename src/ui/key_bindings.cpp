#include "ui/key_bindings.h"

#include <algorithm>
#include <array>
#include <bit>

namespace medius::ui {
namespace {

using enum KeyContext;
using enum KeyAction;

constexpr std::string_view kViews = "anterior, posterior, lateral, medial, superior, inferior view";
constexpr std::string_view kNextStep = "next step (what presenter remotes send)";
constexpr std::string_view kPreviousStep = "previous step";
constexpr std::string_view kBlackout = "black screen; again to show it";

// In the order the help shows them, within each context.
constexpr std::array kDeclared = {
    KeyBinding{"Q", kCtrl, Always, Quit, "quit"},
    KeyBinding{"1", kNoModifier, View, ViewAnterior, kViews},
    KeyBinding{"2", kNoModifier, View, ViewPosterior, kViews},
    KeyBinding{"3", kNoModifier, View, ViewLateral, kViews},
    KeyBinding{"4", kNoModifier, View, ViewMedial, kViews},
    KeyBinding{"5", kNoModifier, View, ViewSuperior, kViews},
    KeyBinding{"6", kNoModifier, View, ViewInferior, kViews},
    KeyBinding{"F", kNoModifier, View, FrameSelection, "frame the selection, or the whole model"},
    KeyBinding{"Space", kNoModifier, View, PlayPause, "play or pause the motion"},
    KeyBinding{",", kNoModifier, View, FrameBack, "one frame back"},
    KeyBinding{".", kNoModifier, View, FrameForward, "one frame forward"},
    KeyBinding{"Home", kNoModifier, View, MotionStart, "the motion back to its start"},
    KeyBinding{"Tab", kNoModifier, View, TogglePanel, "show or hide the panel"},
    KeyBinding{"F11", kNoModifier, View, Fullscreen, "fullscreen (for the projector)"},
    KeyBinding{"H", kNoModifier, View, ToggleHelp, "show or hide this help"},
    KeyBinding{"F1", kNoModifier, View, ToggleHelp, "show or hide this help"},
    KeyBinding{"Esc", kNoModifier, View, CloseHelpOrClearSelection, "close this help, then clear the selection"},
    KeyBinding{"S", kCtrl, View, Screenshot, "save a screenshot (folder: Export...)"},
    KeyBinding{"E", kCtrl, Editing, OpenExportDialog, "export an image or an animation"},
    KeyBinding{"L", kCtrl, Editing, LessonWindow, "the Lesson window: build, open, save lessons"},
    KeyBinding{"Q", kNoModifier, Editing, QuizWindow, "the Quiz window: test yourself on the model"},
    KeyBinding{"F5", kNoModifier, View, Present, "present the lesson from step 1, or leave presentation mode"},
    KeyBinding{"F5", kShift, Editing, PresentFromSelected, "present the lesson from the step selected in the Lesson window"},
    KeyBinding{"PageDown", kNoModifier, Presenting, NextStep, kNextStep},
    KeyBinding{"Right", kNoModifier, Presenting, NextStep, kNextStep},
    KeyBinding{"Down", kNoModifier, Presenting, NextStep, kNextStep},
    KeyBinding{"PageUp", kNoModifier, Presenting, PreviousStep, kPreviousStep},
    KeyBinding{"Left", kNoModifier, Presenting, PreviousStep, kPreviousStep},
    KeyBinding{"Up", kNoModifier, Presenting, PreviousStep, kPreviousStep},
    KeyBinding{"Home", kNoModifier, Presenting, FirstStep, "first step"},
    KeyBinding{"End", kNoModifier, Presenting, LastStep, "last step"},
    KeyBinding{"B", kNoModifier, Presenting, Blackout, kBlackout},
    KeyBinding{".", kNoModifier, Presenting, Blackout, kBlackout},
    KeyBinding{"Esc", kNoModifier, Presenting, LeavePresentation, "lift the black screen, then leave presentation mode"},
    KeyBinding{"Esc", kNoModifier, ExportDialog, CloseDialog, "close the export dialog"},
};

const std::array kMouse = {
    HelpRow{"Left drag", "orbit around the model"},
    HelpRow{"Right / middle drag", "pan"},
    HelpRow{"Wheel", "zoom towards the cursor"},
    HelpRow{"Double click", "focus the point under the cursor"},
    HelpRow{"Click", "select a structure and open its card"},
};

// The declared bindings with the view options' keys after F (frame), where the help lists them.
std::vector<KeyBinding> allBindings() {
  std::vector<KeyBinding> bindings(kDeclared.begin(), kDeclared.end());
  auto place = std::find_if(bindings.begin(), bindings.end(), [](const KeyBinding& b) { return b.action == FrameSelection; });
  place = place == bindings.end() ? place : std::next(place);
  for (const ViewOption& option : viewOptions())
    if (!option.key.empty())
      place = std::next(bindings.insert(place, {option.key, kNoModifier, View, ToggleViewOption, option.keyHelp, option.toggle}));
  return bindings;
}

bool applies(KeyContext context, bool presenting, bool typing) {
  if (typing) return context == Always;
  switch (context) {
    case Always:
    case View:
      return true;
    case Editing:
      return !presenting;
    case Presenting:
      return presenting;
    case ExportDialog:
      return false;  // ImGui's dialog takes its keys itself
  }
  return false;
}

}  // namespace

std::span<const KeyBinding> keyBindings() {
  static const std::vector<KeyBinding> bindings = allBindings();
  return bindings;
}

std::vector<const KeyBinding*> bindingsFor(std::string_view key, unsigned modifiers, bool presenting, bool typing) {
  std::vector<const KeyBinding*> found;
  for (const KeyBinding& binding : keyBindings()) {
    if (binding.key != key || !applies(binding.context, presenting, typing)) continue;
    const bool held = (modifiers & binding.modifiers) == binding.modifiers;
    const bool noOtherCommand = (modifiers & ~binding.modifiers & (kCtrl | kAlt)) == 0;
    if (held && noOtherCommand) found.push_back(&binding);
  }
  std::stable_sort(found.begin(), found.end(), [](const KeyBinding* a, const KeyBinding* b) {
    const int modifiersA = std::popcount(a->modifiers), modifiersB = std::popcount(b->modifiers);
    if (modifiersA != modifiersB) return modifiersA > modifiersB;
    return (a->context == Presenting) > (b->context == Presenting);
  });
  return found;
}

std::string keyText(const KeyBinding& binding) {
  std::string text;
  if (binding.modifiers & kCtrl) text += "Ctrl+";
  if (binding.modifiers & kAlt) text += "Alt+";
  if (binding.modifiers & kShift) text += "Shift+";
  return text + std::string(binding.key);
}

std::span<const HelpRow> mouseHelp() { return kMouse; }

std::vector<HelpRow> keyHelp(KeyContext context) {
  std::vector<HelpRow> rows;
  const KeyBinding* previous = nullptr;
  for (const KeyBinding& binding : keyBindings()) {
    // The Always and Editing keys are the viewer's too: they are listed with it.
    const KeyContext shownIn = binding.context == Always || binding.context == Editing ? View : binding.context;
    if (shownIn != context) continue;
    if (previous && previous->help == binding.help)
      rows.back().keys += ", " + keyText(binding);
    else
      rows.push_back({keyText(binding), std::string(binding.help)});
    previous = &binding;
  }
  return rows;
}

std::vector<HelpRow> helpOverlayRows() {
  std::vector<HelpRow> rows(kMouse.begin(), kMouse.end());
  for (const HelpRow& row : keyHelp(View)) rows.push_back(row);
  for (HelpRow row : keyHelp(Presenting)) {
    row.help = "presenting: " + row.help;
    rows.push_back(row);
  }
  return rows;
}

std::string keyTableMarkdown(KeyContext context, std::string_view title) {
  std::vector<HelpRow> rows;
  if (context == View) rows.assign(kMouse.begin(), kMouse.end());
  for (const HelpRow& row : keyHelp(context)) rows.push_back(row);
  std::string text = std::string(context == View ? "| input | " : "| key | ") + std::string(title) + " |\n| --- | --- |\n";
  for (const HelpRow& row : rows) text += "| " + row.keys + " | " + row.help + " |\n";
  return text;
}

}  // namespace medius::ui
