// `medius render --view-link`: a link and a figure are interchangeable. The link of a lesson step
// renders the image of `--lesson FILE --step N` (to a small tolerance), its colour map included;
// a damaged link, or one naming what the model lacks, is one clear message and exit code 2.
#include "core/paths.h"
#include "render/image.h"
#include "support/run_medius.h"
#include "support/temp_dir.h"
#include "ui/lesson.h"
#include "ui/view_link.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace medius {
namespace {

const std::string kLessons = MEDIUS_LESSONS;
const std::string kTrendelenburg = kLessons + "/trendelenburg_sign.json";

ui::LessonStep lessonStep(const std::string& file, std::size_t index) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return ui::lessonFromJson(text.str(), file).steps.at(index);
}

// Pixels whose colours differ by more than a little (sum over RGB > 24).
std::size_t differentPixels(const render::Image& a, const render::Image& b) {
  EXPECT_EQ(a.rgba.size(), b.rgba.size());
  std::size_t different = 0;
  for (std::size_t i = 0; i + 3 < std::min(a.rgba.size(), b.rgba.size()); i += 4) {
    int difference = 0;
    for (std::size_t c = 0; c < 3; ++c) difference += std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]));
    if (difference > 24) ++different;
  }
  return different;
}

render::Image rendered(const test::TempDir& dir, const std::string& name, const std::string& arguments) {
  const test::RunResult result =
      test::runMedius("render " + arguments + " --size 240x160 --samples 0 --out " + (dir / name).string());
  EXPECT_EQ(result.exitCode, 0) << result.output;
  return render::loadPng(dir / name);
}

TEST(CliViewLink, ALinkRendersAsTheLessonStepItCameFrom) {
  const test::TempDir dir;
  // Step 2 of the Trendelenburg lesson: single-leg stance at 2 s, load shading, a see-through maximus.
  const std::string link = ui::viewLinkOf(lessonStep(kTrendelenburg, 1));
  const render::Image fromLesson = rendered(dir, "lesson.png", "--lesson " + kTrendelenburg + " --step 2");
  const render::Image fromLink = rendered(dir, "link.png", "--view-link " + link);
  const render::Image fromAddress =
      rendered(dir, "address.png", "--view-link 'https://example.org/medius/index.html#" + link + "'");
  const std::size_t pixels = fromLesson.rgba.size() / 4;
  EXPECT_LE(differentPixels(fromLesson, fromLink), pixels / 200) << "more than 0.5 % of the pixels differ";
  EXPECT_LE(differentPixels(fromLesson, fromAddress), pixels / 200);
}

TEST(CliViewLink, TheLinkCarriesTheColourMap) {
  const test::TempDir dir;
  ui::LessonStep step = lessonStep(kTrendelenburg, 1);
  const render::Image heat = rendered(dir, "heat.png", "--view-link " + ui::viewLinkOf(step));
  step.activation.colourMap = "cividis";
  const render::Image cividis = rendered(dir, "cividis.png", "--view-link " + ui::viewLinkOf(step));
  EXPECT_GT(differentPixels(heat, cividis), heat.rgba.size() / 4 / 100) << "the muscles kept their heat colours";
  // --colour-map cividis on the command line recolours a heat link (heat, the default, leaves a step's map alone).
  step.activation.colourMap = "heat";
  const render::Image chosen = rendered(dir, "chosen.png", "--view-link " + ui::viewLinkOf(step) + " --colour-map cividis");
  EXPECT_LE(differentPixels(chosen, cividis), cividis.rgba.size() / 4 / 200);
}

struct BadLink {
  const char* name;
  std::string arguments;
  const char* expected;
};
void PrintTo(const BadLink& bad, std::ostream* out) { *out << bad.name; }

class CliViewLinkRejects : public testing::TestWithParam<BadLink> {};

TEST_P(CliViewLinkRejects, WithExitCodeTwoAMessageAndNoOutputFile) {
  const test::TempDir dir;
  test::expectOneClearFailure(test::runMedius("render --out " + (dir / "out.png").string() + " " + GetParam().arguments),
                              GetParam().expected, dir);
}

std::string linkSelecting(const std::string& id) {
  ui::LessonStep step = lessonStep(kTrendelenburg, 0);
  step.selected = id;
  return ui::viewLinkOf(step);
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliViewLinkRejects,
    testing::Values(BadLink{"NotALink", "--view-link hello", "--view-link: not a Medius view link"},
                    BadLink{"NewerVersion", "--view-link v9.abcd", "--view-link: the link is version 9"},
                    BadLink{"DamagedCharacter", "--view-link 'v1.eyJ0!'", "'!' (character 5 after the version)"},
                    BadLink{"CutOff", "--view-link v1.eyJ0aXRsZ", "the link is cut off or damaged"},
                    BadLink{"UnknownStructure", "--view-link " + linkSelecting("gluteus_medus_r"),
                            "--view-link: selected: unknown structure 'gluteus_medus_r'"},
                    BadLink{"WithALesson", "--lesson " + kTrendelenburg + " --view-link " + linkSelecting("femur_r"),
                            "--view-link and --lesson do not go together"}),
    [](const testing::TestParamInfo<BadLink>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace medius
