// View links (ui/view_link.h): a view captured from the viewer goes through its link and back to
// the same view (camera, visibility, selection, overlays, motion and time, activation setting and
// colour map); a damaged link names what is wrong.
#include "ui/view_link.h"
#include "ui/view_link_packing.h"

#include "biomech/motion_library.h"
#include "core/error.h"
#include "core/paths.h"
#include "ui/lesson_motion.h"
#include "ui/lesson_view.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <string>

namespace medius {
namespace {

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

// A view and its version 2 link, written when that version was made (ViewLink.Version2IsFrozen).
constexpr const char* kFrozenJson =
    R"({"title":"Frozen","camera":{"target":[0.01,-0.2,0.03],"distance":1.2,"orientation":[0.6,0.0,0.8,0.0],"vertical_fov_degrees":30.0,"scene_radius":0.35},"structures":{"gluteus_maximus_r":{"visible":false,"opacity":1.0}},"selected":"gluteus_medius_r","highlights":{"fibres":true},"motion":"clamshell","time":0.5,"activation":{"mode":"load"}})";
constexpr const char* kFrozenLink =
    "v2.QzjFrSi_KjUPuyuAesGRawSywTgW1UFGmA4yA7vEQM8CRMeS6CRTjGDHkjnwxAUwiGpRIwMj0-igJRnk9FGLlLCQC39YwjPFlz5rawE";

std::string errorOf(const std::string& link) {
  try {
    ui::parseViewLink(link, "--view-link");
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

// A viewer state that differs from the defaults in every part a link carries.
ui::ViewState busyState(const anatomy::Model& model) {
  ui::ViewState state;
  state.camera = render::framedCamera(model.bounds(), render::ViewPreset::Lateral, 16.0f / 9.0f);
  render::orbit(state.camera, 0.3f, -0.2f);
  state.appearance = render::SceneAppearance::allVisible();
  ui::ViewFlags flags;
  flags.hide = {"gluteus_maximus_r"};
  flags.select = "gluteus_medius_r";
  flags.toggles[ui::ViewToggle::Labels] = true;
  flags.toggles[ui::ViewToggle::Fibres] = true;
  ui::applyViewFlags(state.appearance, model, flags);
  state.toggles = flags.toggles;
  state.appearance.at(model.findStructure("gluteus_minimus_r")->handle).opacity = 0.4f;
  state.motion.choose(biomech::findMotion("single_leg_stance"));
  state.motion.setPlaying(false);
  state.motion.seek(1.25);
  ui::setActivationMode(state.activation, "load");
  state.activation.settings.person.bodyMassKg = 82.5;
  state.activation.settings.person.sex = biomech::Sex::Female;
  state.activation.settings.band.resistanceNewtons = 40.0;
  state.activation.settings.strengthPercent["gluteus_medius_r"] = 20.0;
  state.activation.map = render::ColourMap::Cividis;
  return state;
}

TEST(ViewLink, AViewGoesThroughItsLinkAndBack) {
  const anatomy::Model& model = hipModel();
  const ui::ViewState state = busyState(model);
  const ui::LessonStep step = ui::captureLessonStep(state, model, "Shared view");
  EXPECT_EQ(step.activation.colourMap, "cividis");

  const std::string link = ui::viewLinkOf(step);
  EXPECT_TRUE(link.starts_with("v2."));
  EXPECT_EQ(link.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."), std::string::npos)
      << link;
  EXPECT_LT(link.size(), 300u) << "compact: " << link;  // 750 characters unpacked (version 1)

  // As the bare link and as the whole address the page has.
  const ui::LessonStep parsed = ui::parseViewLink(link, "--view-link");
  EXPECT_EQ(parsed, step);
  EXPECT_EQ(ui::parseViewLink("https://example.org/medius/index.html#" + link + "\n", "--view-link"), step);
  ui::checkLessonStep(parsed, model, "--view-link");

  ui::ViewState shown;
  ui::showLessonStep(parsed, model, shown);
  EXPECT_FLOAT_EQ(shown.camera.distance, state.camera.distance);
  EXPECT_NEAR(glm::length(shown.camera.eye() - state.camera.eye()), 0.0f, 1e-5f);
  for (const anatomy::Structure& structure : model.structures) {
    EXPECT_EQ(shown.appearance.of(structure.handle).visible, state.appearance.of(structure.handle).visible) << structure.id;
    EXPECT_FLOAT_EQ(shown.appearance.of(structure.handle).opacity, state.appearance.of(structure.handle).opacity) << structure.id;
  }
  EXPECT_EQ(shown.appearance.selected, state.appearance.selected);
  EXPECT_EQ(shown.toggles, state.toggles);
  ASSERT_NE(shown.motion.motion(), nullptr);
  EXPECT_EQ(shown.motion.motion()->id, "single_leg_stance");
  EXPECT_DOUBLE_EQ(shown.motion.time(), 1.25);
  EXPECT_TRUE(shown.activation.enabled);
  EXPECT_EQ(shown.activation.settings.mode, state.activation.settings.mode);
  EXPECT_DOUBLE_EQ(shown.activation.settings.person.bodyMassKg, 82.5);
  EXPECT_EQ(shown.activation.settings.person.sex, biomech::Sex::Female);
  EXPECT_DOUBLE_EQ(shown.activation.settings.band.resistanceNewtons, 40.0);
  EXPECT_EQ(shown.activation.settings.strengthPercent, state.activation.settings.strengthPercent);
  EXPECT_EQ(shown.activation.map, render::ColourMap::Cividis);
  // The same view gives the same link.
  EXPECT_EQ(ui::viewLinkOf(ui::captureLessonStep(shown, model, "Shared view")), link);
}

TEST(ViewLink, APlainViewMakesAShortLink) {
  ui::LessonStep step;
  step.title = "V";
  step.camera = render::framedCamera(hipModel().bounds(), render::ViewPreset::Anterior, 1.0f);
  const std::string link = ui::viewLinkOf(step);
  EXPECT_LT(link.size(), 150u) << link;  // 260 characters unpacked (version 1)
  EXPECT_EQ(ui::parseViewLink(link, "x"), step);
}

TEST(ViewLink, AVersion1LinkIsStillRead) {
  const ui::LessonStep step = ui::captureLessonStep(busyState(hipModel()), hipModel(), "Shared view");
  const std::string plain = "v1." + ui::base64UrlEncode(ui::lessonStepToJson(step));
  EXPECT_EQ(ui::parseViewLink(plain, "x"), step);
  EXPECT_GT(plain.size(), 2 * ui::viewLinkOf(step).size()) << "packing halves a busy view's link at least";
}

TEST(ViewLink, Version2IsFrozen) {
  // A link written when version 2 was made: its packing (the dictionary above all) never changes.
  const ui::LessonStep step = ui::parseViewLink("v1." + ui::base64UrlEncode(kFrozenJson), "x");
  EXPECT_EQ(ui::lessonStepToJson(step), kFrozenJson);
  EXPECT_EQ(ui::viewLinkOf(step), kFrozenLink);
  EXPECT_EQ(ui::parseViewLink(kFrozenLink, "x"), step);
}

TEST(ViewLink, Base64UrlRoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(ui::base64UrlDecode(ui::base64UrlEncode(bytes), "x"), bytes) << i;
    bytes += static_cast<char>(i * 37 + 200);
  }
  EXPECT_EQ(ui::base64UrlEncode("Man"), "TWFu");
  EXPECT_EQ(ui::base64UrlEncode("Ma"), "TWE");
  EXPECT_EQ(ui::base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(ViewLink, ADamagedLinkSaysWhatIsWrong) {
  const std::string good = [] {
    ui::LessonStep step;
    step.title = "V";
    step.camera = render::framedCamera(hipModel().bounds(), render::ViewPreset::Anterior, 1.0f);
    return ui::viewLinkOf(step);
  }();
  EXPECT_EQ(errorOf(""), "--view-link: the link is empty (expected 'v2.' and the view, e.g. from Copy link)");
  EXPECT_EQ(errorOf("https://example.org/#"), errorOf(""));
  EXPECT_NE(errorOf("hello").find("--view-link: not a Medius view link (it starts 'hello'"), std::string::npos);
  EXPECT_NE(errorOf("v3.abc").find("the link is version 3; this Medius reads versions 1 and 2"), std::string::npos);
  EXPECT_NE(errorOf("v1.ab$d").find("'$' (character 3 after the version) is not a base64url character"), std::string::npos);
  EXPECT_NE(errorOf(good.substr(0, 3 + 41)).find("the link is cut off or damaged (41 base64url characters"), std::string::npos)
      << "a link of 4n+1 characters";
  // Cut off at a length base64 allows: the packed view ends early; in a version 1 link, the JSON.
  EXPECT_NE(errorOf(good.substr(0, 3 + 40)).find("--view-link: the link is cut off or damaged: its packed view ends early"),
            std::string::npos)
      << errorOf(good.substr(0, 3 + 40));
  const std::string plain = "v1." + ui::base64UrlEncode(ui::lessonStepToJson(ui::parseViewLink(good, "x")));
  EXPECT_NE(errorOf(plain.substr(0, 3 + 40)).find("--view-link: the view in the link: line 1, column"), std::string::npos)
      << errorOf(plain.substr(0, 3 + 40));
  // Packed data that is not DEFLATE, that goes on after its end, or that unpacks to a flood.
  EXPECT_NE(
      errorOf("v2." + ui::base64UrlEncode("\xff\xfe not deflate")).find("the link is damaged: its packed view does not unpack ("),
      std::string::npos)
      << errorOf("v2." + ui::base64UrlEncode("\xff\xfe not deflate"));
  const std::string packed = ui::base64UrlDecode(good.substr(3), "x");
  EXPECT_NE(
      errorOf("v2." + ui::base64UrlEncode(packed + "xyz")).find("the link is damaged: 3 bytes after the end of the packed view"),
      std::string::npos);
  EXPECT_NE(errorOf("v2." + ui::base64UrlEncode(ui::packViewText(std::string(70000, ' '))))
                .find("--view-link: the link unpacks to more than 64 KiB; no view is that large"),
            std::string::npos);
  EXPECT_NE(errorOf("v1." + ui::base64UrlEncode(R"({"title": "V"})")).find("the view in the link: camera: missing (required)"),
            std::string::npos);
  EXPECT_NE(errorOf("v1." + ui::base64UrlEncode(R"({"title": "V", "zoom": 2})")).find("zoom: unknown field"), std::string::npos);
  EXPECT_NE(errorOf("v1." + ui::base64UrlEncode("[1, 2]")).find("expected an object, got an array"), std::string::npos);

  // Well formed, but naming what the model lacks: checkLessonStep.
  ui::LessonStep step = ui::parseViewLink(good, "x");
  step.selected = "gluteus_medus_r";
  try {
    ui::checkLessonStep(ui::parseViewLink(ui::viewLinkOf(step), "--view-link"), hipModel(), "--view-link");
    ADD_FAILURE() << "an unknown structure passed";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("--view-link: selected: unknown structure 'gluteus_medus_r'"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace medius
