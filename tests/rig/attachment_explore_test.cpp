// Temporary exploration of the LHDL data (removed before the end).
#include "reference_data.h"
#include "rig/triangle_grid.h"

#include <algorithm>
#include <cstdio>

using namespace medius;
using namespace medius::rig;
using namespace medius::rig::test;

TEST(AttachExplore, Distances) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  auto clouds = lhdlLandmarkClouds();
  for (auto& [name, pts] : clouds) std::printf("cloud %s %zu\n", name.c_str(), pts.size());
  std::vector<std::pair<std::string, anatomy::TriangleMesh>> bones = {{"hip_r", lhdlMeshMetres("hip_bone", "right")},
                                                                      {"hip_l", lhdlMeshMetres("hip_bone", "left")},
                                                                      {"sacrum", lhdlMeshMetres("sacrum")},
                                                                      {"femur", lhdlMeshMetres("femur")}};
  std::vector<std::unique_ptr<TriangleGrid>> grids;
  for (auto& b : bones) grids.push_back(std::make_unique<TriangleGrid>(b.second));
  struct M { std::string id, tag; };
  for (M m : std::vector<M>{{"gluteus_medius", "Glut_Med"}, {"gluteus_maximus", "Glut_Max"}, {"iliacus", "Iliacus"}, {"psoas_major", "Psoas"}}) {
    auto mesh = lhdlMeshMetres(m.id);
    TriangleGrid mg(mesh);
    std::printf("muscle %s verts %zu tris %zu\n", m.id.c_str(), mesh.positions.size(), mesh.triangleCount());
    for (auto& [name, pts] : clouds) {
      if (name.find(m.tag) == std::string::npos) continue;
      std::vector<float> dm;
      std::string nb; float bd = 1e9f;
      for (std::size_t b = 0; b < bones.size(); ++b) {
        std::vector<float> d;
        for (auto& p : pts) d.push_back(grids[b]->closest(glm::vec3(p * 0.001), 0.05f).distance * 1000.f + (grids[b]->closest(glm::vec3(p * 0.001), 0.05f).found ? 0 : 999));
        std::sort(d.begin(), d.end());
        if (d[d.size() / 2] < bd) { bd = d[d.size() / 2]; nb = bones[b].first; }
      }
      for (auto& p : pts) { auto c = mg.closest(glm::vec3(p * 0.001), 0.2f); dm.push_back(c.found ? c.distance * 1000.f : 999.f); }
      std::sort(dm.begin(), dm.end());
      std::printf("  %s bone %s median %.1f; muscle dist q10 %.1f q50 %.1f q85 %.1f q100 %.1f\n", name.c_str(), nb.c_str(), bd, dm[dm.size() / 10], dm[dm.size() / 2], dm[dm.size() * 85 / 100], dm.back());
    }
  }
}

TEST(AttachExplore, Sacral) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  auto clouds = lhdlLandmarkClouds();
  auto sac = lhdlMeshMetres("sacrum");
  auto mus = lhdlMeshMetres("gluteus_maximus");
  TriangleGrid mg(mus), sg(sac);
  glm::dvec3 c(0.0);
  for (auto& p : mus.positions) c += glm::dvec3(p);
  c /= double(mus.positions.size());
  std::printf("muscle centroid %.0f %.0f %.0f\n", c.x * 1000, c.y * 1000, c.z * 1000);
  for (auto name : {"LC_SET_Ori_2_R_M081_Glut_Max", "LC_SET_Ori_1_R_M081_Glut_Max", "LC_SET_Ins_1_R_M081_Glut_Max"}) {
    std::printf("%s\n", name);
    for (auto& p : clouds[name]) {
      auto q = mg.closest(glm::vec3(p * 0.001), 0.2f);
      std::printf("  p %.0f %.0f %.0f  -> muscle %.0f %.0f %.0f d %.1f\n", p.x, p.y, p.z, q.point.x * 1000, q.point.y * 1000, q.point.z * 1000, q.distance * 1000);
    }
  }
  // sacrum vertices by distance to muscle
  int n[6] = {};
  for (auto& v : sac.positions) {
    auto q = mg.closest(v, 0.03f);
    if (!q.found) continue;
    float d = q.distance * 1000;
    n[d < 1 ? 0 : d < 3 ? 1 : d < 5 ? 2 : d < 10 ? 3 : d < 20 ? 4 : 5]++;
  }
  std::printf("sacrum verts by dist to maximus <1 %d <3 %d <5 %d <10 %d <20 %d <30 %d (total %zu)\n", n[0], n[1], n[2], n[3], n[4], n[5], sac.positions.size());
}
#include "rig/principal_axes.h"
#include <glm/geometric.hpp>
TEST(AttachExplore, Axis) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  auto clouds = lhdlLandmarkClouds();
  struct M { std::string id, tag; };
  for (M m : std::vector<M>{{"gluteus_medius", "Glut_Med"}, {"gluteus_maximus", "Glut_Max"}, {"iliacus", "Iliacus"}, {"psoas_major", "Psoas"}}) {
    auto mesh = lhdlMeshMetres(m.id);
    auto pa = principalAxes(mesh.positions);
    glm::dvec3 a = pa.axes[0], c = pa.centroid;
    if (a.z < 0) a = -a;
    double lo = 1e9, hi = -1e9;
    for (auto& p : mesh.positions) { double s = glm::dot(glm::dvec3(p) - c, a); lo = std::min(lo, s); hi = std::max(hi, s); }
    std::printf("%s axis %.2f %.2f %.2f L %.0f mm sd %.0f %.0f %.0f\n", m.id.c_str(), a.x, a.y, a.z, (hi - lo) * 1000, pa.spread[0]*1000, pa.spread[1]*1000, pa.spread[2]*1000);
    for (auto& [name, pts] : clouds) {
      if (name.find(m.tag) == std::string::npos) continue;
      double l2 = 1e9, h2 = -1e9;
      for (auto& p : pts) { double s = (glm::dot(p * 0.001 - c, a) - lo) / (hi - lo); l2 = std::min(l2, s); h2 = std::max(h2, s); }
      std::printf("   %s s from bottom %.2f..%.2f\n", name.c_str(), l2, h2);
    }
  }
}
#include "attachment_metrics.h"
static std::vector<glm::vec3> vnormals(const anatomy::TriangleMesh& m) {
  std::vector<glm::vec3> n(m.positions.size(), glm::vec3(0));
  for (size_t t = 0; t < m.indices.size(); t += 3) {
    auto a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
    auto f = glm::cross(b - a, c - a);
    for (int k = 0; k < 3; ++k) n[m.indices[t + k]] += f;
  }
  for (auto& x : n) x = glm::normalize(x);
  return n;
}
TEST(AttachExplore, Thresholds) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  auto clouds = lhdlLandmarkClouds();
  struct C { std::string muscle, cloud, bone, side; bool origin; };
  std::vector<C> cs = {{"gluteus_medius", "LC_SET_Ori_1_R_M082_Glut_Med", "hip_bone", "right", true},
                       {"gluteus_medius", "LC_SET_Ins_1_R_M082_Glut_Med", "femur", "right", false},
                       {"gluteus_maximus", "LC_SET_Ori_1_R_M081_Glut_Max", "hip_bone", "right", true},
                       {"gluteus_maximus", "LC_SET_Ori_2_R_M081_Glut_Max", "sacrum", "midline", true},
                       {"gluteus_maximus", "LC_SET_Ins_1_R_M081_Glut_Max", "femur", "right", false},
                       {"iliacus", "LC_SET_Ori_1_R_M091_Iliacus", "hip_bone", "right", true},
                       {"iliacus", "LC_SET_Ins_1_R_M091_Iliacus", "femur", "right", false},
                       {"psoas_major", "LC_SET_Ins_1_R_M090_Psoas_maj", "femur", "right", false}};
  for (auto& c : cs) {
    auto mus = lhdlMeshMetres(c.muscle);
    auto bone = lhdlMeshMetres(c.bone, c.side);
    auto bn = vnormals(bone);
    auto mn = vnormals(mus);
    TriangleGrid mg(mus);
    auto pa = principalAxes(mus.positions);
    glm::dvec3 a = pa.axes[0];
    if (a.z < 0) a = -a;
    double lo = 1e9, hi = -1e9;
    for (auto& p : mus.positions) { double s = glm::dot(glm::dvec3(p) - pa.centroid, a); lo = std::min(lo, s); hi = std::max(hi, s); }
    std::vector<double> outline;
    std::vector<glm::dvec3> pts;
    for (auto& p : clouds[c.cloud]) pts.push_back(p * 0.001);
    double oa = outlineArea(pts);
    std::vector<float> d(bone.positions.size(), 1e9f);
    std::vector<char> ok(bone.positions.size(), 0);
    for (size_t v = 0; v < bone.positions.size(); ++v) {
      auto q = mg.closest(bone.positions[v], 0.03f);
      if (!q.found) continue;
      d[v] = q.distance;
      double s = (glm::dot(glm::dvec3(q.point) - pa.centroid, a) - lo) / (hi - lo);
      bool end = c.origin ? s >= 0.5 : s <= 0.5;
      bool facing = q.distance < 0.001f || glm::dot(q.point - bone.positions[v], bn[v]) > 0.0f;
      ok[v] = end && facing;
    }
    // vertex areas
    std::vector<double> va(bone.positions.size(), 0);
    for (size_t t = 0; t < bone.indices.size(); t += 3) {
      auto A = bone.positions[bone.indices[t]], B = bone.positions[bone.indices[t + 1]], Cc = bone.positions[bone.indices[t + 2]];
      double ar = glm::length(glm::cross(B - A, Cc - A)) / 6.0;
      for (int k = 0; k < 3; ++k) va[bone.indices[t + k]] += ar;
    }
    std::printf("%s %s outline area %.1f cm2\n", c.muscle.c_str(), c.cloud.c_str(), oa * 1e4);
    for (float tau : {0.003f, 0.004f, 0.005f, 0.006f, 0.008f, 0.010f, 0.015f}) {
      std::vector<std::uint32_t> reg;
      double area = 0;
      for (size_t v = 0; v < bone.positions.size(); ++v) if (ok[v] && d[v] <= tau) { reg.push_back(v); area += va[v]; }
      auto dist = distancesToRegion(pts, bone, reg);
      std::printf("   tau %.0f mm: within5 %.2f median %.1f area %.1f cm2 ratio %.2f\n", tau * 1000, fractionWithin(dist, 0.005), median(dist) * 1000, area * 1e4, area / oa);
    }
  }
}
