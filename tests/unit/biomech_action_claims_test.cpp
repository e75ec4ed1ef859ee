// The built-in cards say what the model computes (issue 16 point 5): every action a card's text
// names (abducts, extends, rotates medially, ...) is a claim with a hip flexion, and the model's
// moment arm of that compartment at that flexion has the claim's sign, or the claim says why the
// model differs (`model_differs`, shown on the card).
#include "anatomy/model.h"
#include "biomech/action_claims.h"
#include "biomech/activation.h"
#include "biomech_test_model.h"

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace medius::biomech::test {
namespace {

// The moments an action's text names, by the words a card uses for them. Mentions of a pose ("at
// 90° of flexion", "in flexion") are not actions and are cut out first.
std::set<std::string> momentsNamedIn(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  text = std::regex_replace(text, std::regex("[0-9]+ ?° (of )?(hip )?flexion|in flexion|flexed"), " ");
  const std::pair<const char*, const char*> words[] = {
      {"abduct", "abduction"},
      {"adduct", "adduction"},
      {"\\bextend|\\bextensor|\\bextension", "extension"},
      {"\\bflex(es|ion|or)", "flexion"},
      {"(medial|internal)(ly)? rotat|rotat\\w*( \\w+){0,3} (medially|internally|inwards)", "internal_rotation"},
      {"(lateral|external)(ly)? rotat|rotat\\w*( \\w+){0,3} (laterally|externally|outwards)", "external_rotation"},
  };
  std::set<std::string> named;
  for (const auto& [pattern, moment] : words)
    if (std::regex_search(text, std::regex(pattern))) named.insert(moment);
  return named;
}

struct CardMuscle {
  std::size_t index;
  const anatomy::Structure* structure;
};

std::vector<CardMuscle> musclesWithActions() {
  std::vector<CardMuscle> found;
  const anatomy::Model& model = hipModel();
  for (std::size_t m = 0; m < model.muscles.size(); ++m) {
    const anatomy::Structure* structure = model.findStructure(model.muscles[m].structure);
    if (structure && !structure->teaching.actions.empty()) found.push_back({m, structure});
  }
  return found;
}

TEST(ActionClaims, WordsOfTheTextAreTheClaims) {
  EXPECT_EQ(momentsNamedIn("Abducts the hip and rotates it medially; assists flexion."),
            (std::set<std::string>{"abduction", "internal_rotation", "flexion"}));
  EXPECT_EQ(momentsNamedIn("At 90° of hip flexion it rotates the thigh internally."),
            (std::set<std::string>{"internal_rotation"}));
  EXPECT_EQ(momentsNamedIn("The main extensor; laterally rotates the thigh."),
            (std::set<std::string>{"extension", "external_rotation"}));
  EXPECT_TRUE(momentsNamedIn("Holds the femoral head in the acetabulum.").empty());

  ASSERT_FALSE(musclesWithActions().empty());
  for (const CardMuscle& muscle : musclesWithActions())
    for (const anatomy::CompartmentAction& action : muscle.structure->teaching.actions) {
      std::set<std::string> claimed;
      for (const anatomy::ActionClaim& claim : action.claims) claimed.insert(claim.moment);
      EXPECT_EQ(claimed, momentsNamedIn(action.text)) << muscle.structure->id << " " << action.compartment << ": " << action.text;
    }
}

TEST(ActionClaims, TheModelComputesWhatTheCardSaysOrTheCardSaysWhyNot) {
  const ActivationAnalyzer analyzer(hipPaths());
  int claims = 0, agreeing = 0;
  for (const CardMuscle& muscle : musclesWithActions()) {
    const std::vector<anatomy::CompartmentAction>& actions = muscle.structure->teaching.actions;
    for (const ClaimCheck& check : checkActionClaims(analyzer, muscle.index)) {
      const anatomy::ActionClaim& claim = actions[check.action].claims[check.claim];
      ++claims;
      agreeing += check.agrees() ? 1 : 0;
      std::printf("%-18s %-10s %-18s at %3.0f°: %+6.1f mm%s\n", hipModel().muscles[muscle.index].id.c_str(),
                  actions[check.action].compartment.c_str(), claim.moment.c_str(), claim.flexionDegrees, check.momentArmM * 1e3,
                  check.agrees() ? "" : "  (model differs, the card says why)");
      if (check.agrees())
        EXPECT_TRUE(claim.modelDiffers.empty()) << muscle.structure->id << " " << actions[check.action].compartment << " "
                                                << claim.moment << ": the model agrees now; drop model_differs";
      else
        EXPECT_FALSE(claim.modelDiffers.empty()) << muscle.structure->id << " " << actions[check.action].compartment << " "
                                                 << claim.moment << " at " << claim.flexionDegrees << "°: the model gives "
                                                 << check.momentArmM * 1e3 << " mm; fix the model or say why on the card";
    }
  }
  std::printf("%d of %d claims agree with the model\n", agreeing, claims);
  EXPECT_GT(claims, 0);
}

TEST(ActionClaims, SensesOfTheMoments) {
  ASSERT_TRUE(momentSense("abduction"));
  EXPECT_EQ(momentSense("abduction")->dof, 1u);
  EXPECT_EQ(momentSense("abduction")->sign, -1.0);
  EXPECT_EQ(momentSense("internal_rotation")->dof, 2u);
  EXPECT_EQ(momentSense("internal_rotation")->sign, 1.0);
  EXPECT_EQ(momentSense("extension")->sign, -1.0);
  EXPECT_FALSE(momentSense("circumduction"));
  for (const char* moment : anatomy::kActionMoments) EXPECT_TRUE(momentSense(moment)) << moment;
}

}  // namespace
}  // namespace medius::biomech::test
