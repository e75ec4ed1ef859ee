// The key bindings' table: how a press finds its binding (the precedence the window has always
// had), that every key it names is one the window can send, and that the README's key tables are
// the table's.
#include "ui/key_bindings.h"
#include "app/key_names.h"
#include "app/presentation_keys.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

namespace medius::ui {
namespace {

KeyAction firstAction(std::string_view key, unsigned modifiers, bool presenting, bool typing = false) {
  const std::vector<const KeyBinding*> found = bindingsFor(key, modifiers, presenting, typing);
  EXPECT_FALSE(found.empty()) << key;
  return found.empty() ? KeyAction::CloseDialog : found.front()->action;
}

TEST(KeyBindings, APressFindsItsBindingInTheOrderTheWindowTriesThem) {
  EXPECT_EQ(firstAction("Q", kCtrl, false, true), KeyAction::Quit) << "Ctrl+Q quits even from a text field";
  EXPECT_EQ(firstAction("Q", kNoModifier, false), KeyAction::QuizWindow) << "Q alone opens the Quiz window (issue 18)";
  EXPECT_TRUE(bindingsFor("Q", kNoModifier, false, true).empty()) << "typing a q in a field is not the Quiz window";
  EXPECT_TRUE(bindingsFor("Q", kNoModifier, true, false).empty()) << "nor while presenting";
  EXPECT_TRUE(bindingsFor("1", kNoModifier, false, true).empty()) << "typing a 1 in a field is not view 1";
  EXPECT_EQ(firstAction("1", kNoModifier, false), KeyAction::ViewAnterior);
  EXPECT_EQ(firstAction("6", kShift, false), KeyAction::ViewInferior) << "an extra Shift is allowed";
  EXPECT_TRUE(bindingsFor("1", kCtrl, false, false).empty()) << "Ctrl is not";
  EXPECT_EQ(firstAction("Home", kNoModifier, false), KeyAction::MotionStart);
  EXPECT_EQ(firstAction("Home", kNoModifier, true), KeyAction::FirstStep);
  EXPECT_EQ(bindingsFor("Home", kNoModifier, true, false).at(1)->action, KeyAction::MotionStart);
  EXPECT_EQ(firstAction(".", kNoModifier, false), KeyAction::FrameForward);
  EXPECT_EQ(firstAction(".", kNoModifier, true), KeyAction::Blackout);
  EXPECT_EQ(firstAction("Esc", kNoModifier, false), KeyAction::CloseHelpOrClearSelection);
  EXPECT_EQ(firstAction("Esc", kNoModifier, true), KeyAction::LeavePresentation);
  EXPECT_EQ(firstAction("F5", kNoModifier, false), KeyAction::Present);
  EXPECT_EQ(firstAction("F5", kShift, false), KeyAction::PresentFromSelected);
  EXPECT_EQ(firstAction("F5", kShift, true), KeyAction::Present) << "Shift+F5 leaves a presentation, as F5 does";
  EXPECT_EQ(firstAction("S", kCtrl, true), KeyAction::Screenshot) << "screenshots while presenting too";
  EXPECT_EQ(firstAction("E", kCtrl, false), KeyAction::OpenExportDialog);
  EXPECT_TRUE(bindingsFor("E", kCtrl, true, false).empty()) << "no export dialog over a presentation";
  EXPECT_EQ(firstAction("L", kCtrl, false), KeyAction::LessonWindow);
  EXPECT_EQ(firstAction("L", kNoModifier, false), KeyAction::ToggleViewOption);
  EXPECT_TRUE(bindingsFor("PageDown", kNoModifier, false, false).empty()) << "not presenting: the viewer keeps its keys";
}

TEST(KeyBindings, NoTwoBindingsClaimTheSamePress) {
  std::set<std::tuple<std::string_view, unsigned, KeyContext>> seen;
  for (const KeyBinding& binding : keyBindings())
    EXPECT_TRUE(seen.insert({binding.key, binding.modifiers, binding.context}).second) << keyText(binding);
}

TEST(KeyBindings, EveryKeyIsOneTheWindowCanSend) {
  std::set<std::string_view> names;
  for (int key = GLFW_KEY_SPACE; key <= GLFW_KEY_LAST; ++key) names.insert(app::keyName(key));
  for (const KeyBinding& binding : keyBindings())
    EXPECT_TRUE(names.contains(binding.key)) << "no GLFW key is named '" << binding.key << "'";
  EXPECT_EQ(app::keyName(GLFW_KEY_PAGE_DOWN), "PageDown");
  EXPECT_EQ(app::keyName(GLFW_KEY_L), "L");
  EXPECT_EQ(app::keyName(GLFW_KEY_F11), "F11");
  EXPECT_EQ(app::keyName(GLFW_KEY_PERIOD), ".");
  EXPECT_EQ(app::keyModifiers(GLFW_MOD_CONTROL | GLFW_MOD_SHIFT), kCtrl | kShift);
}

TEST(KeyBindings, PresenterRemoteKeysAreInTheTable) {
  for (const int key : {GLFW_KEY_PAGE_DOWN, GLFW_KEY_PAGE_UP, GLFW_KEY_B, GLFW_KEY_F5, GLFW_KEY_ESCAPE, GLFW_KEY_PERIOD})
    EXPECT_TRUE(app::presentationKeyFor(key)) << app::keyName(key);
}

TEST(KeyBindings, TheHelpOverlayListsEveryBindingOfTheViewer) {
  const std::vector<HelpRow> rows = helpOverlayRows();
  for (const KeyBinding& binding : keyBindings()) {
    if (binding.context == KeyContext::ExportDialog) continue;
    const bool listed = std::any_of(rows.begin(), rows.end(), [&](const HelpRow& row) {
      return row.keys.find(keyText(binding)) != std::string::npos && row.help.find(binding.help) != std::string::npos;
    });
    EXPECT_TRUE(listed) << keyText(binding);
  }
}

TEST(KeyBindings, TheReadmeKeyTablesAreTheTables) {
  std::ifstream in(MEDIUS_README);
  ASSERT_TRUE(in) << MEDIUS_README;
  std::ostringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  for (const auto& [context, title] :
       {std::pair{KeyContext::View, "action"}, std::pair{KeyContext::Presenting, "in presentation mode"}}) {
    const std::string table = keyTableMarkdown(context, title);
    EXPECT_NE(readme.find(table), std::string::npos) << "README.md should have this table (from src/ui/key_bindings.cpp):\n"
                                                     << table;
  }
}

}  // namespace
}  // namespace medius::ui
