// Writes a binary STL of a closed, bumpy sphere with about N triangles (default 1 000 000), the
// mesh for `medius render` against f3d (docs/BENCHMARKS.md). Plain C++: no Medius code involved.
//   build/bench/make_big_stl OUT.stl [TRIANGLES]
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Vec3 {
  float x, y, z;
};

Vec3 surfacePoint(double u, double v) {  // u in [0, 2π), v in [0, π]
  const double r = 0.1 * (1.0 + 0.08 * std::sin(9.0 * u) * std::sin(7.0 * v));
  return {static_cast<float>(r * std::sin(v) * std::cos(u)), static_cast<float>(r * std::cos(v)),
          static_cast<float>(r * std::sin(v) * std::sin(u))};
}

void put(std::vector<char>& out, const Vec3& v) {
  const float values[3] = {v.x, v.y, v.z};
  const char* bytes = reinterpret_cast<const char*>(values);
  out.insert(out.end(), bytes, bytes + sizeof values);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_big_stl OUT.stl [TRIANGLES]\n");
    return 2;
  }
  const double wanted = argc > 2 ? std::stod(argv[2]) : 1e6;
  const int rings = static_cast<int>(std::sqrt(wanted / 4.0));  // 2 * rings * (2 rings) triangles
  const int segments = 2 * rings;
  const double pi = std::acos(-1.0);
  std::vector<char> out(80, '\0');
  const std::string header = "medius bench: bumpy sphere";
  std::memcpy(out.data(), header.data(), header.size());
  const std::uint32_t count = static_cast<std::uint32_t>(2 * rings * segments);
  out.insert(out.end(), reinterpret_cast<const char*>(&count), reinterpret_cast<const char*>(&count) + 4);
  const Vec3 zero{0, 0, 0};
  const std::uint16_t attribute = 0;
  const auto triangle = [&](const Vec3& a, const Vec3& b, const Vec3& c) {
    put(out, zero);  // readers recompute normals
    put(out, a);
    put(out, b);
    put(out, c);
    out.insert(out.end(), reinterpret_cast<const char*>(&attribute), reinterpret_cast<const char*>(&attribute) + 2);
  };
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      const double v0 = pi * i / rings, v1 = pi * (i + 1) / rings;
      const double u0 = 2 * pi * j / segments, u1 = 2 * pi * (j + 1) / segments;
      const Vec3 a = surfacePoint(u0, v0), b = surfacePoint(u1, v0), c = surfacePoint(u1, v1), d = surfacePoint(u0, v1);
      triangle(a, c, b);
      triangle(a, d, c);
    }
  std::ofstream file(argv[1], std::ios::binary);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file) {
    std::fprintf(stderr, "make_big_stl: cannot write %s\n", argv[1]);
    return 2;
  }
  std::printf("wrote %s: %u triangles\n", argv[1], count);
  return 0;
}
