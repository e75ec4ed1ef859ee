#include "reference_data.h"

#include "anatomy/mesh_import.h"

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace medius::rig::test {
namespace {

constexpr const char* kLhdl = "lhdl-hip-right";
constexpr const char* kScene = "_LHDL_hip_r_dataset.nms";

struct NmsLandmark {
  std::string cloud;
  std::string name;
  glm::dvec3 position{0.0};
};

// Every landmark node of the scene with the cloud it belongs to (clouds hold no pose of their own
// in this file: positions are absolute).
std::vector<NmsLandmark> readNmsLandmarks() {
  std::ifstream in(referenceDir() / kLhdl / kScene, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::regex node(R"re(<Node [^>]*Name="([^"]*)" Type="([^"]*)")re");
  const std::regex matrix(R"re(<Matrix TimeStamp="[^"]*">([^<]*)</Matrix>)re");
  std::vector<NmsLandmark> landmarks;
  std::string cloud;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), node); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1], type = (*it)[2];
    if (type == "albaVMELandmarkCloud") cloud = name;
    if (type != "albaVMELandmark") continue;
    std::smatch values;
    const auto from = text.begin() + (it->position(0) + it->length(0));
    if (!std::regex_search(from, text.end(), values, matrix)) continue;
    std::istringstream numbers(values[1].str());
    double m[16] = {};
    for (double& v : m) numbers >> v;
    landmarks.push_back({cloud, name, {m[3], m[7], m[11]}});
  }
  return landmarks;
}

}  // namespace

std::filesystem::path referenceDir() { return MEDIUS_REFERENCE_DIR; }

bool haveReference(const std::string& subfolder) {
  std::error_code ec;
  return std::filesystem::is_directory(referenceDir() / subfolder, ec);
}

const std::vector<LhdlFile>& lhdlFiles() {
  static const std::vector<LhdlFile> files = {
      {"sacrum", "midline", "_LHDL_hip_r_dataset.523.vtk"},        {"hip_bone", "right", "_LHDL_hip_r_dataset.525.vtk"},
      {"hip_bone", "left", "_LHDL_hip_r_dataset.524.vtk"},         {"femur", "right", "_LHDL_hip_r_dataset.123.vtk"},
      {"gluteus_maximus", "right", "_LHDL_hip_r_dataset.312.vtk"}, {"gluteus_medius", "right", "_LHDL_hip_r_dataset.334.vtk"},
      {"iliacus", "right", "_LHDL_hip_r_dataset.365.vtk"},         {"psoas_major", "right", "_LHDL_hip_r_dataset.415.vtk"},
  };
  return files;
}

std::filesystem::path lhdlPath(const std::string& file) { return referenceDir() / kLhdl / file; }

anatomy::TriangleMesh lhdlMesh(const std::string& structure, const std::string& side) {
  for (const LhdlFile& f : lhdlFiles())
    if (f.structure == structure && (f.side == side || f.side == "midline"))
      return anatomy::importMeshes(lhdlPath(f.file)).front();
  throw std::runtime_error("no LHDL file for " + structure + " " + side);
}

anatomy::TriangleMesh lhdlMeshMetres(const std::string& structure, const std::string& side) {
  anatomy::TriangleMesh mesh = lhdlMesh(structure, side);
  for (glm::vec3& p : mesh.positions) p *= 0.001f;
  return mesh;
}

std::map<std::string, std::vector<glm::dvec3>> lhdlLandmarkClouds() {
  std::map<std::string, std::vector<glm::dvec3>> clouds;
  for (const NmsLandmark& landmark : readNmsLandmarks()) clouds[landmark.cloud].push_back(landmark.position);
  return clouds;
}

glm::dvec3 lhdlNamedLandmark(const std::string& name) {
  for (const NmsLandmark& landmark : readNmsLandmarks())
    if (landmark.name == name) return landmark.position;
  throw std::runtime_error("no landmark " + name + " in the LHDL scene");
}

}  // namespace medius::rig::test
