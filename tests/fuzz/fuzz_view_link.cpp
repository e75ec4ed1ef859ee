// Fuzz target: view links (ui::parseViewLink: base64url, version 2's packed DEFLATE, the step's
// JSON), and back through viewLinkOf. Contract: a link either parses (and then its step writes a
// link that reads back to the same step) or throws medius::InputError; anything else is a bug.
#include "core/error.h"
#include "ui/lesson.h"
#include "ui/view_link.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const medius::ui::LessonStep step = medius::ui::parseViewLink(text, "fuzz");
    const std::string written = medius::ui::lessonStepToJson(step);
    const medius::ui::LessonStep again = medius::ui::parseViewLink(medius::ui::viewLinkOf(step), "fuzz (written back)");
    if (medius::ui::lessonStepToJson(again) != written) std::abort();  // a round trip must be stable
  } catch (const medius::InputError&) {}
  return 0;
}
