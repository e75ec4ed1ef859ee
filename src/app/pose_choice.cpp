#include "app/pose_choice.h"

#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "core/error.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace medius::app {

double parseMotionTime(const std::string& text, const biomech::Motion& motion) {
  std::string number = text;
  const bool share = !number.empty() && number.back() == '%';
  if (share || (!number.empty() && number.back() == 's')) number.pop_back();
  double value = 0.0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() || !std::isfinite(value) || value < 0.0)
    throw UsageError("--time '" + text + "': expected seconds (e.g. 1.5) or a share of the loop (e.g. 50%)");
  if (share && value > 100.0) throw UsageError("--time '" + text + "': a share of the loop is between 0% and 100%");
  return share ? motion.durationSeconds * value / 100.0 : value;
}

std::vector<PosedMoment> chosenMoments(const MotionOptions& options, const anatomy::Model& model) {
  if (!options.motion) return {{biomech::parsePose(options.pose, model.joints), 0.0, 0.0}};
  if (model.joints.empty()) throw UsageError("--motion: this model has no joints to move");
  const biomech::Motion* motion = biomech::findMotion(*options.motion);
  if (!motion) throw UsageError("--motion '" + *options.motion + "': unknown motion; choose one of " + biomech::motionIds());
  if (options.frames <= 0) {
    const double t = options.time ? parseMotionTime(*options.time, *motion) : 0.0;
    return {{motion->sample(t), t, 0.0}};
  }
  std::vector<PosedMoment> moments;
  const double step = motion->durationSeconds / options.frames;
  for (int i = 0; i < options.frames; ++i) moments.push_back({motion->sample(i * step), i * step, i == 0 ? 0.0 : step});
  return moments;
}

std::filesystem::path sequenceFile(const std::filesystem::path& pattern, int index) {
  const std::string text = pattern.string();
  const auto bad = [&](const std::string& why) {
    return UsageError("--out '" + text + "': " + why + "; name the files with one counter, e.g. frames/frame_%04d.png");
  };
  const std::size_t percent = text.find('%');
  if (percent == std::string::npos) throw bad("no counter");
  std::size_t at = percent + 1;
  int width = 0;
  const bool zeros = at < text.size() && text[at] == '0';
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) width = width * 10 + (text[at++] - '0');
  if (at >= text.size() || text[at] != 'd' || width > 12) throw bad("the counter must be %d or %0Nd");
  if (text.find('%', at) != std::string::npos) throw bad("more than one %");
  std::string number = std::to_string(index);
  if (static_cast<int>(number.size()) < width)
    number.insert(0, static_cast<std::size_t>(width) - number.size(), zeros ? '0' : ' ');
  return text.substr(0, percent) + number + text.substr(at + 1);
}

}  // namespace medius::app
