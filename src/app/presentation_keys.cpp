#include "app/presentation_keys.h"

#include "app/key_names.h"

namespace medius::app {

std::optional<ui::PresentationKey> presentationKeyOf(ui::KeyAction action) {
  switch (action) {
    case ui::KeyAction::Present:
      return ui::PresentationKey::Toggle;
    case ui::KeyAction::NextStep:
      return ui::PresentationKey::Next;
    case ui::KeyAction::PreviousStep:
      return ui::PresentationKey::Previous;
    case ui::KeyAction::FirstStep:
      return ui::PresentationKey::First;
    case ui::KeyAction::LastStep:
      return ui::PresentationKey::Last;
    case ui::KeyAction::Blackout:
      return ui::PresentationKey::Blackout;
    case ui::KeyAction::LeavePresentation:
      return ui::PresentationKey::Leave;
    default:
      return std::nullopt;
  }
}

std::optional<ui::PresentationKey> presentationKeyFor(int glfwKey) {
  for (const ui::KeyBinding* binding : ui::bindingsFor(keyName(glfwKey), ui::kNoModifier, true, false))
    if (const std::optional<ui::PresentationKey> key = presentationKeyOf(binding->action)) return key;
  return std::nullopt;
}

}  // namespace medius::app
