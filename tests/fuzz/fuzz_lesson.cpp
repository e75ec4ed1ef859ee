// Fuzz target: lesson files through ui::lessonFromJson, and back through lessonToJson.
// Contract: a lesson either parses (and then writes and re-reads to the same lesson) or throws
// medius::InputError; anything else is a bug.
#include "core/error.h"
#include "ui/lesson.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const medius::ui::Lesson lesson = medius::ui::lessonFromJson(text, "fuzz");
    const std::string written = medius::ui::lessonToJson(lesson);
    const medius::ui::Lesson again = medius::ui::lessonFromJson(written, "fuzz (written back)");
    if (medius::ui::lessonToJson(again) != written) std::abort();  // a round trip must be stable
  } catch (const medius::InputError&) {}
  return 0;
}
