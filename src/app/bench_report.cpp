#include "app/bench_report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <ctime>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace medius::app {
namespace {

double round3(double value) { return std::round(value * 1000.0) / 1000.0; }

}  // namespace

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const double position = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double share = position - static_cast<double>(below);
  return values[below] * (1.0 - share) + values[above] * share;
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

double currentRssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0.0;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double heapInUseMb() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
  return 0.0;
#endif
}

double processAgeMs() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const std::size_t close = text.rfind(')');
  if (close == std::string::npos) return 0.0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  unsigned long long startTicks = 0;
  for (int i = 3; i <= 22 && fields >> field; ++i)
    if (i == 22) startTicks = std::stoull(field);
  timespec boot{};
  clock_gettime(CLOCK_BOOTTIME, &boot);
  const double nowMs = static_cast<double>(boot.tv_sec) * 1e3 + static_cast<double>(boot.tv_nsec) * 1e-6;
  return nowMs - static_cast<double>(startTicks) * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string benchJson(const BenchResult& r) {
  nlohmann::ordered_json json;
  json["median_frame_ms"] = round3(quantile(r.frameMs, 0.5));
  json["p95_frame_ms"] = round3(quantile(r.frameMs, 0.95));
  json["update_ms"] = round3(quantile(r.updateCpuMs, 0.5));
  json["triangles"] = r.trianglesPerFrame;
  json["peak_rss_mb"] = round3(r.peakRssMb);
  json["fps_median"] = round3(1000.0 / std::max(1e-9, quantile(r.frameMs, 0.5)));
  json["update_p95_ms"] = round3(quantile(r.updateCpuMs, 0.95));
  json["draw_ms"] = round3(quantile(r.drawMs, 0.5));
  json["draw_p95_ms"] = round3(quantile(r.drawMs, 0.95));
  json["max_frame_ms"] = round3(quantile(r.frameMs, 1.0));
  json["draw_calls"] = r.drawCallsPerFrame;
  json["startup_to_first_frame_ms"] = round3(r.startupMs);
  json["width"] = r.width;
  json["height"] = r.height;
  json["samples"] = r.samples;
  json["detail_level"] = r.detailLevel;
  json["frames"] = r.frames;
  json["warmup_frames"] = r.warmupFrames;
  json["motion"] = r.motion;
  json["mode"] = r.mode;
  json["device"] = r.device;
  json["completion"] = "one depth pixel resolved and read back (glReadPixels) each frame";
  json["activation_checksum"] = round3(r.activationChecksum);
  nlohmann::ordered_json samples = nlohmann::ordered_json::array();
  for (const BenchSample& s : r.samples_)
    samples.push_back({{"frame", s.frame},
                       {"rss_mb", round3(s.rssMb)},
                       {"heap_in_use_mb", round3(s.heapInUseMb)},
                       {"live_gl_objects", s.liveGlObjects}});
  json["samples_along_run"] = samples;
  return json.dump(2) + "\n";
}

std::string benchText(const BenchResult& r) {
  std::ostringstream text;
  char line[256];
  std::snprintf(line, sizeof line,
                "medius bench: %dx%d, %d samples, detail level %d, motion %s, activation %s, %d frames (+%d warm-up)\n", r.width,
                r.height, r.samples, r.detailLevel, r.motion.c_str(), r.mode.c_str(), r.frames, r.warmupFrames);
  text << line << "device: " << r.device << "\n";
  const double median = quantile(r.frameMs, 0.5);
  std::snprintf(line, sizeof line, "frame:  median %.2f ms (%.1f fps), p95 %.2f ms, worst %.2f ms\n", median,
                1000.0 / std::max(1e-9, median), quantile(r.frameMs, 0.95), quantile(r.frameMs, 1.0));
  text << line;
  std::snprintf(line, sizeof line, "update: median %.2f ms CPU, p95 %.2f ms (kinematics, fibres, deformation, activation)\n",
                quantile(r.updateCpuMs, 0.5), quantile(r.updateCpuMs, 0.95));
  text << line;
  std::snprintf(line, sizeof line, "draw:   median %.2f ms, p95 %.2f ms (draw, resolve, one pixel read back)\n",
                quantile(r.drawMs, 0.5), quantile(r.drawMs, 0.95));
  text << line;
  std::snprintf(line, sizeof line,
                "triangles per frame: %llu in %llu mesh draws; start to first frame %.0f ms; peak RSS %.1f MiB\n",
                static_cast<unsigned long long>(r.trianglesPerFrame), static_cast<unsigned long long>(r.drawCallsPerFrame),
                r.startupMs, r.peakRssMb);
  text << line;
  if (!r.samples_.empty()) {
    text << "along the run (frame: RSS MiB, heap in use MiB, live GL objects):";
    for (const BenchSample& s : r.samples_) {
      std::snprintf(line, sizeof line, " %d: %.1f, %.2f, %lld;", s.frame, s.rssMb, s.heapInUseMb,
                    static_cast<long long>(s.liveGlObjects));
      text << line;
    }
    text << "\n";
  }
  return text.str();
}

}  // namespace medius::app
