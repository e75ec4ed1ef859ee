#include "rig/mesh_pieces.h"

#include "anatomy/mesh_normals.h"
#include "rig/pelvis_landmarks.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <string>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// A piece with fewer triangles than this part of the mesh is a fragment (a loose island of a
// segmentation), not a bone (our choice; a coccyx is about 3 % of a pelvis's surface).
constexpr double kFragmentShare = 0.02;

std::uint32_t root(std::vector<std::uint32_t>& parent, std::uint32_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Triangle indices of each edge-or-vertex-connected piece, largest first.
std::vector<std::vector<std::size_t>> pieces(const anatomy::TriangleMesh& mesh) {
  std::vector<std::uint32_t> parent(mesh.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int k = 1; k < 3; ++k) parent[root(parent, mesh.indices[t + k])] = root(parent, mesh.indices[t]);
  std::map<std::uint32_t, std::vector<std::size_t>> byRoot;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) byRoot[root(parent, mesh.indices[t])].push_back(t / 3);
  std::vector<std::vector<std::size_t>> result;
  for (auto& [r, triangles] : byRoot) result.push_back(std::move(triangles));
  std::stable_sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return result;
}

glm::dvec3 centroidOf(const anatomy::TriangleMesh& mesh, const std::vector<std::size_t>& triangles) {
  glm::dvec3 sum(0.0);
  for (const std::size_t t : triangles)
    for (int k = 0; k < 3; ++k) sum += glm::dvec3(mesh.positions[mesh.indices[3 * t + k]]);
  return sum / static_cast<double>(std::max<std::size_t>(1, 3 * triangles.size()));
}

anatomy::TriangleMesh extract(const anatomy::TriangleMesh& mesh, const std::vector<std::size_t>& triangles) {
  anatomy::TriangleMesh piece;
  piece.name = mesh.name;
  std::map<std::uint32_t, std::uint32_t> renumbered;
  for (const std::size_t t : triangles)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t old = mesh.indices[3 * t + k];
      const auto [at, added] = renumbered.emplace(old, static_cast<std::uint32_t>(piece.positions.size()));
      if (added) piece.positions.push_back(mesh.positions[old]);
      piece.indices.push_back(at->second);
    }
  piece.normals = anatomy::computeVertexNormals(piece);
  return piece;
}

double volumeOf(const anatomy::TriangleMesh& mesh) {
  double six = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    six += glm::dot(a, glm::cross(b, c));
  }
  return std::abs(six) / 6.0;
}

std::string mmText(double metres) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f mm", metres * 1000.0);
  return text;
}

// The large pieces of a mesh (each at least kFragmentShare of its triangles), fragments joined to
// the nearest, as triangle lists; fewer than two: the mesh is one piece.
std::vector<std::vector<std::size_t>> largePieces(const anatomy::TriangleMesh& mesh) {
  std::vector<std::vector<std::size_t>> all = pieces(mesh);
  const double total = static_cast<double>(mesh.indices.size() / 3);
  std::size_t large = 0;
  while (large < all.size() && static_cast<double>(all[large].size()) >= kFragmentShare * total) ++large;
  std::vector<glm::dvec3> centres;
  for (std::size_t i = 0; i < large; ++i) centres.push_back(centroidOf(mesh, all[i]));
  for (std::size_t f = large; f < all.size() && large > 0; ++f) {
    const glm::dvec3 c = centroidOf(mesh, all[f]);
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < large; ++i)
      if (glm::distance(c, centres[i]) < glm::distance(c, centres[nearest])) nearest = i;
    all[nearest].insert(all[nearest].end(), all[f].begin(), all[f].end());
  }
  all.resize(large);
  return all;
}

RigMesh pieceOf(const RigMesh& whole, anatomy::TriangleMesh piece) {
  RigMesh mesh;
  mesh.known = whole.known;
  mesh.files = whole.files;
  mesh.metresPerUnit = whole.metresPerUnit;
  mesh.closed = whole.closed;
  mesh.volumeCubicMetres = volumeOf(piece);
  mesh.mesh = std::move(piece);
  return mesh;
}

// Two pieces of a paired structure: about the same size (volumes within 1.5 times: the Visible
// Human's two gluteals differ by 4-5 %) and apart, the gap between them along the line through
// their centres more than half their mean extent along it (left and right gluteus medius lie a
// pelvis apart; a muscle broken in two by a segmentation lies end to end). Returns the second
// side's mesh, the first stays in `mesh`.
std::optional<RigMesh> splitBothSides(RigMesh& mesh, RigReport& report) {
  const std::vector<std::vector<std::size_t>> large = largePieces(mesh.mesh);
  if (large.size() != 2) return std::nullopt;
  anatomy::TriangleMesh a = extract(mesh.mesh, large[0]), b = extract(mesh.mesh, large[1]);
  const double va = volumeOf(a), vb = volumeOf(b);
  if (!(std::min(va, vb) > 0.0) || std::max(va, vb) > 1.5 * std::min(va, vb)) return std::nullopt;
  const glm::dvec3 ca = centroidOf(mesh.mesh, large[0]), cb = centroidOf(mesh.mesh, large[1]);
  if (!(glm::distance(ca, cb) > 0.0)) return std::nullopt;
  const glm::dvec3 along = glm::normalize(cb - ca);
  const auto extent = [&](const anatomy::TriangleMesh& m) {
    double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
    for (const glm::vec3& p : m.positions) {
      const double t = glm::dot(glm::dvec3(p) - ca, along);
      low = std::min(low, t), high = std::max(high, t);
    }
    return std::pair{low, high};
  };
  const auto [lowA, highA] = extent(a);
  const auto [lowB, highB] = extent(b);
  const double gap = lowB - highA;
  if (gap <= 0.25 * ((highA - lowA) + (highB - lowB))) return std::nullopt;
  report.say(mesh.files.front().filename().string() + " (" + mesh.known->name + "): two separate pieces of about one size (" +
             std::to_string(std::lround(va * 1e6)) + " and " + std::to_string(std::lround(vb * 1e6)) + " cm³), " + mmText(gap) +
             " apart: one a side each, their sides from the anatomy.");
  RigMesh second = pieceOf(mesh, std::move(b));
  mesh.volumeCubicMetres = va;
  mesh.mesh = std::move(a);
  return second;
}

void splitWholePelvis(std::vector<RigMesh>& meshes, const Vocabulary& vocabulary, RigReport& report) {
  const KnownStructure* axialKnown = nullptr;
  for (const KnownStructure& known : vocabulary.structures)
    if (known.role == StructureRole::AxialBone && known.partOf.empty() && axialKnown == nullptr) axialKnown = &known;
  bool setHasAxial = false;
  for (const RigMesh& mesh : meshes) setHasAxial = setHasAxial || mesh.known->role == StructureRole::AxialBone;

  std::vector<RigMesh> added;
  for (RigMesh& mesh : meshes) {
    if (mesh.known->role != StructureRole::PelvicBone || !mesh.side.empty()) continue;
    std::vector<std::vector<std::size_t>> all = largePieces(mesh.mesh);
    const std::size_t large = all.size();
    if (large < 2) continue;
    std::vector<anatomy::TriangleMesh> hips, axial;
    std::vector<double> socketRadii;
    std::vector<glm::dvec3> socketCentres;
    for (std::size_t i = 0; i < large; ++i) {
      anatomy::TriangleMesh piece = extract(mesh.mesh, all[i]);
      const std::optional<Acetabulum> socket = findAcetabulum(piece);
      if (socket && socket->sphere.radius > 0.0) {
        hips.push_back(std::move(piece));
        socketRadii.push_back(socket->sphere.radius);
        socketCentres.push_back(socket->sphere.centre);
      } else {
        axial.push_back(std::move(piece));
      }
    }
    const std::string what = mesh.files.front().filename().string() + " (" + mesh.known->name + ")";
    // More than two socket-shaped pieces (the sacrum's pelvic surface is concave too): the hip
    // bones are the two whose sockets lie farthest apart, the hip joints being the pelvis's most
    // lateral joints; the rest goes with the axial bones.
    if (hips.size() > 2) {
      std::size_t a = 0, b = 1;
      for (std::size_t i = 0; i < hips.size(); ++i)
        for (std::size_t j = i + 1; j < hips.size(); ++j)
          if (glm::distance(socketCentres[i], socketCentres[j]) > glm::distance(socketCentres[a], socketCentres[b])) a = i, b = j;
      std::vector<anatomy::TriangleMesh> pair;
      std::vector<double> pairRadii;
      for (std::size_t i = 0; i < hips.size(); ++i) {
        if (i == a || i == b) {
          pair.push_back(std::move(hips[i]));
          pairRadii.push_back(socketRadii[i]);
        } else {
          axial.push_back(std::move(hips[i]));
        }
      }
      hips = std::move(pair);
      socketRadii = std::move(pairRadii);
    }
    if (hips.empty()) {
      report.say(what + ": " + std::to_string(large) + " separate pieces, none with an acetabulum: kept as one bone");
      continue;
    }
    std::string said = what + ": " + std::to_string(large) + " separate pieces: " + std::to_string(hips.size()) + " hip bone" +
                       (hips.size() == 1 ? "" : "s") + " (each with an acetabulum, radius";
    for (std::size_t i = 0; i < socketRadii.size(); ++i) said += (i ? ", " : " ") + mmText(socketRadii[i]);
    said += ")";
    if (!axial.empty()) {
      anatomy::TriangleMesh joined = axial.front();
      for (std::size_t i = 1; i < axial.size(); ++i) {
        const auto base = static_cast<std::uint32_t>(joined.positions.size());
        joined.positions.insert(joined.positions.end(), axial[i].positions.begin(), axial[i].positions.end());
        joined.normals.insert(joined.normals.end(), axial[i].normals.begin(), axial[i].normals.end());
        for (const std::uint32_t index : axial[i].indices) joined.indices.push_back(base + index);
      }
      if (axialKnown != nullptr && !setHasAxial) {
        RigMesh bone;
        bone.known = axialKnown;
        bone.side = "midline";
        bone.files = mesh.files;
        bone.metresPerUnit = mesh.metresPerUnit;
        bone.closed = mesh.closed;
        bone.volumeCubicMetres = volumeOf(joined);
        joined.name = vocabulary.modelId(*axialKnown, bone.side);
        bone.mesh = std::move(joined);
        added.push_back(std::move(bone));
        setHasAxial = true;
        said += " and the " + axialKnown->name + " (the rest, without one)";
      } else {
        said += "; the rest (without an acetabulum) left out: the set has its axial bones already";
      }
    }
    report.say(said + ".");
    for (std::size_t i = 1; i < hips.size(); ++i) added.push_back(pieceOf(mesh, std::move(hips[i])));
    mesh.volumeCubicMetres = volumeOf(hips.front());
    mesh.mesh = std::move(hips.front());
  }
  for (RigMesh& mesh : added) meshes.push_back(std::move(mesh));
}

}  // namespace

void splitCombinedMeshes(std::vector<RigMesh>& meshes, const Vocabulary& vocabulary, RigReport& report) {
  std::vector<RigMesh> pairs;
  for (RigMesh& mesh : meshes)
    if (mesh.known->sided && mesh.side.empty() && mesh.known->role != StructureRole::PelvicBone)
      if (std::optional<RigMesh> second = splitBothSides(mesh, report)) pairs.push_back(std::move(*second));
  for (RigMesh& mesh : pairs) meshes.push_back(std::move(mesh));
  splitWholePelvis(meshes, vocabulary, report);
}

}  // namespace medius::rig
