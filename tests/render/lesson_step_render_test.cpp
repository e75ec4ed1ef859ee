// The shipped lessons against the model they teach: a step that highlights origins and insertions
// shows them, and no opaque structure other than a bone or the muscle whose regions they are lies
// in front of them. A structure added to the model after a lesson was written (the iliotibial
// tract, over the greater trochanter) would otherwise cover what the step is about, and only the
// lesson's own list of structures can hide it.
#include "app/lesson_render.h"
#include "core/paths.h"
#include "support/headless_scene.h"
#include "ui/lesson.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medius {
namespace {

TEST(LessonStepRender, AttachmentStepsShowTheirRegionsUncovered) {
  test::HeadlessScene scene(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  int steps = 0;
  for (const auto& entry : std::filesystem::directory_iterator(core::assetDirectory() / "lessons")) {
    const ui::Lesson lesson = ui::loadLesson(entry.path(), scene.model);
    for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
      if (!lesson.steps[s].highlights[ui::ViewToggle::Attachments]) continue;
      const std::string where = entry.path().filename().string() + " step " + std::to_string(s + 1);
      app::RenderOptions options;
      options.lesson = entry.path();
      options.step = static_cast<int>(s) + 1;
      options.size = {640, 360};
      const render::FrameSpec withRegions = app::lessonFrame(scene.model, options)->spec;
      render::FrameSpec without = withRegions;
      without.appearance.attachmentsOf.clear();
      const render::Image shown = scene.renderer->renderImage(withRegions);
      const render::Image plain = scene.renderer->renderImage(without);
      const render::IdImage ids = scene.renderer->renderStructureIds(withRegions);
      // The regions' own muscles: their mesh lies over their regions by nature.
      std::vector<std::string> ownMuscles;
      for (const std::size_t m : withRegions.appearance.attachmentsOf) ownMuscles.push_back(scene.model.muscles[m].structure);
      int regionPixels = 0;
      std::map<std::string, int> coveredBy;
      for (int y = 0; y < shown.height; ++y)
        for (int x = 0; x < shown.width; ++x) {
          const std::uint8_t *a = shown.pixel(x, y), *b = plain.pixel(x, y);
          if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 60) continue;
          ++regionPixels;
          const std::optional<anatomy::StructureHandle> front = ids.handleAt(x, y);
          if (!front) continue;
          const anatomy::Structure* structure = scene.model.findStructure(*front);
          if (structure != nullptr && !structure->partOf.empty())
            structure = scene.model.findStructure(structure->partOf);  // a muscle's tendon: drawn with its muscle
          if (structure == nullptr || structure->kind == anatomy::StructureKind::Bone) continue;
          if (std::find(ownMuscles.begin(), ownMuscles.end(), structure->id) != ownMuscles.end()) continue;
          if (withRegions.appearance.of(structure->handle).opacity < 1.0f) continue;  // see-through
          ++coveredBy[structure->id];
        }
      EXPECT_GT(regionPixels, 300) << where << ": the regions are hardly in view";
      // With the iliotibial tract shown over the greater trochanter it covered 500 of 4712 pixels
      // (gluteus medius lesson, step 3) and 111 of 3094 (clamshell lesson, step 4).
      for (const auto& [id, pixels] : coveredBy)
        EXPECT_LT(pixels, regionPixels / 50)
            << where << ": " << id << " covers " << pixels << " of the " << regionPixels << " pixels of the highlighted regions";
      ++steps;
    }
  }
  EXPECT_GE(steps, 3);  // the shipped lessons' attachment steps were all looked at
}

}  // namespace
}  // namespace medius
