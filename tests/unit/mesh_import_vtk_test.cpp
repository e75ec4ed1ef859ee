// The VTK readers through importMeshes: legacy (ASCII, binary, strips, the VTK 9 layout) and XML
// PolyData (ascii, inline binary, zlib-compressed, appended raw and base64), and damaged files,
// each of which must give an InputError naming the file. The files are small ones written for
// these tests (a unit cube of 6 quads): the legacy files, the appended .vtp cubes and every damaged
// file are written by the test itself, the other .vtp cubes are in tests/data (vtp_*).
#include "anatomy/mesh_import.h"
#include "anatomy/vtk_legacy.h"
#include "anatomy/vtk_xml.h"
#include "core/error.h"
#include "support/import_error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

namespace medius::anatomy {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

using test::importError;

// The unit cube of the legacy files: 8 corners, 6 outward quads.
constexpr float kCubeCorners[8][3] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
constexpr int kCubeQuads[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {2, 3, 7, 6}, {1, 2, 6, 5}, {0, 4, 7, 3}};

// Legacy VTK binary data is big-endian.
template <typename T>
void appendBigEndian(std::string& bytes, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  for (std::size_t i = 0; i < sizeof(T); ++i) bytes += raw[sizeof(T) - 1 - i];
}

std::string cubeAsciiPoints() {
  std::string text;
  for (const auto& p : kCubeCorners)
    text += std::to_string(static_cast<int>(p[0])) + " " + std::to_string(static_cast<int>(p[1])) + " " +
            std::to_string(static_cast<int>(p[2])) + "\n";
  return text;
}

// The legacy cube files, written by the test: the VTK 3.0 layout (cells as counts and indices)
// and the VTK 9 layout (version 5.1: offsets and connectivity), ASCII and binary.
std::map<std::string, std::string> legacyCubeFiles() {
  std::map<std::string, std::string> files;
  std::string ascii = "# vtk DataFile Version 3.0\nunit cube, ascii\nASCII\nDATASET POLYDATA\nPOINTS 8 float\n" +
                      cubeAsciiPoints() + "POLYGONS 6 30\n";
  for (const auto& q : kCubeQuads)
    ascii +=
        "4 " + std::to_string(q[0]) + " " + std::to_string(q[1]) + " " + std::to_string(q[2]) + " " + std::to_string(q[3]) + "\n";
  ascii += "POINT_DATA 8\nSCALARS s float 1\nLOOKUP_TABLE default\n0 0 0 0 0 0 0 0\n";
  files["vtk_cube_ascii.vtk"] = ascii;

  std::string ascii51 = "# vtk DataFile Version 5.1\nunit cube, VTK 9 layout\nASCII\nDATASET POLYDATA\nPOINTS 8 float\n" +
                        cubeAsciiPoints() + "POLYGONS 7 24\nOFFSETS vtktypeint64\n0 4 8 12 16 20 24\nCONNECTIVITY vtktypeint64\n";
  for (const auto& q : kCubeQuads)
    ascii51 += std::to_string(q[0]) + " " + std::to_string(q[1]) + " " + std::to_string(q[2]) + " " + std::to_string(q[3]) + "\n";
  files["vtk_cube_v51_ascii.vtk"] = ascii51;

  std::string binary = "# vtk DataFile Version 3.0\nunit cube, binary\nBINARY\nDATASET POLYDATA\nPOINTS 8 double\n";
  for (const auto& p : kCubeCorners)
    for (const float c : p) appendBigEndian(binary, static_cast<double>(c));
  binary += "\nPOLYGONS 6 30\n";
  for (const auto& q : kCubeQuads) {
    appendBigEndian(binary, std::int32_t{4});
    for (const int i : q) appendBigEndian(binary, static_cast<std::int32_t>(i));
  }
  files["vtk_cube_binary.vtk"] = binary + "\n";

  std::string binary51 = "# vtk DataFile Version 5.1\nunit cube, VTK 9 layout\nBINARY\nDATASET POLYDATA\nPOINTS 8 float\n";
  for (const auto& p : kCubeCorners)
    for (const float c : p) appendBigEndian(binary51, c);
  binary51 += "\nPOLYGONS 7 24\nOFFSETS vtktypeint64\n";
  for (std::int64_t offset = 0; offset <= 24; offset += 4) appendBigEndian(binary51, offset);
  binary51 += "\nCONNECTIVITY vtktypeint32\n";
  for (const auto& q : kCubeQuads)
    for (const int i : q) appendBigEndian(binary51, static_cast<std::int32_t>(i));
  files["vtk_cube_v51_binary.vtk"] = binary51 + "\n";

  // VTK 9 files with what a reader must step over: field data, metadata, cell data.
  std::string fields51 =
      "# vtk DataFile Version 5.1\nunit cube, VTK 9 with field data and metadata\nASCII\nDATASET POLYDATA\n"
      "FIELD FieldData 2\nTimeValue 1 1 double\n0.5 \nName 2 1 float\n1 2\nPOINTS 8 float\n" +
      cubeAsciiPoints() +
      "\nMETADATA\nINFORMATION 1\nNAME L2_NORM_RANGE LOCATION vtkDataArray\nDATA 2 0 1.73205 \n\n"
      "POLYGONS 7 24\nOFFSETS vtktypeint64\n0 4 8 12 16 20 24\nCONNECTIVITY vtktypeint64\n";
  for (const auto& q : kCubeQuads)
    fields51 +=
        std::to_string(q[0]) + " " + std::to_string(q[1]) + " " + std::to_string(q[2]) + " " + std::to_string(q[3]) + "\n";
  files["vtk_cube_v51_field_metadata.vtk"] = fields51 + "CELL_DATA 6\nSCALARS id int 1\nLOOKUP_TABLE default\n0 1 2 3 4 5\n";

  std::string fieldsBinary =
      "# vtk DataFile Version 5.1\nbinary with field\nBINARY\nDATASET POLYDATA\nFIELD FieldData 1\nTimeValue 1 1 double\n";
  appendBigEndian(fieldsBinary, 0.5);
  fieldsBinary += "\nPOINTS 8 float\n";
  for (const auto& p : kCubeCorners)
    for (const float c : p) appendBigEndian(fieldsBinary, c);
  fieldsBinary += "\nMETADATA\nINFORMATION 0\n\nPOLYGONS 7 24\nOFFSETS vtktypeint64\n";
  for (std::int64_t offset = 0; offset <= 24; offset += 4) appendBigEndian(fieldsBinary, offset);
  fieldsBinary += "\nCONNECTIVITY vtktypeint64\n";
  for (const auto& q : kCubeQuads)
    for (const int i : q) appendBigEndian(fieldsBinary, static_cast<std::int64_t>(i));
  files["vtk_cube_v51_field_binary.vtk"] = fieldsBinary + "\n";

  // A square 0 1 2 3 on z = 0 as one triangle strip.
  files["vtk_strip_ascii.vtk"] =
      "# vtk DataFile Version 2.0\nstrip\nASCII\nDATASET POLYDATA\nPOINTS 4 float\n0 0 0 1 0 0 0 1 0 1 1 0\n"
      "TRIANGLE_STRIPS 1 5\n4 0 1 2 3\n";
  return files;
}

// VTK XML data is little-endian here (byte_order="LittleEndian"), whatever the machine.
template <typename T>
void appendLittleEndian(std::string& bytes, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  for (std::size_t i = 0; i < sizeof(T); ++i) bytes += raw[std::endian::native == std::endian::little ? i : sizeof(T) - 1 - i];
}

std::string base64(const std::string& bytes) {
  static const char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < 3; ++k) group = group << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) text += k <= n ? kDigits[(group >> (18 - 6 * k)) & 63] : '=';
  }
  return text;
}

// The cube as VTK XML PolyData with its three arrays appended after the XML, raw or in base64:
// each array a block of a 32-bit byte count and the values.
std::map<std::string, std::string> appendedCubeFiles() {
  std::string blocks[3];
  appendLittleEndian(blocks[0], std::uint32_t{96});
  for (const auto& p : kCubeCorners)
    for (const float c : p) appendLittleEndian(blocks[0], c);
  appendLittleEndian(blocks[1], std::uint32_t{96});
  for (const auto& q : kCubeQuads)
    for (const int i : q) appendLittleEndian(blocks[1], static_cast<std::int32_t>(i));
  appendLittleEndian(blocks[2], std::uint32_t{24});
  for (std::int32_t offset = 4; offset <= 24; offset += 4) appendLittleEndian(blocks[2], offset);
  const auto file = [](const std::string& encoding, const std::string& data, std::size_t connectivity, std::size_t offsets) {
    return "<?xml version=\"1.0\"?>\n<VTKFile type=\"PolyData\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
           "  <PolyData>\n"
           "    <Piece NumberOfPoints=\"8\" NumberOfVerts=\"0\" NumberOfLines=\"0\" NumberOfStrips=\"0\" NumberOfPolys=\"6\">\n"
           "      <Points>\n"
           "        <DataArray type=\"Float32\" NumberOfComponents=\"3\" format=\"appended\" offset=\"0\"/>\n"
           "      </Points>\n"
           "      <Polys>\n"
           "        <DataArray type=\"Int32\" Name=\"connectivity\" format=\"appended\" offset=\"" +
           std::to_string(connectivity) +
           "\"/>\n"
           "        <DataArray type=\"Int32\" Name=\"offsets\" format=\"appended\" offset=\"" +
           std::to_string(offsets) +
           "\"/>\n"
           "      </Polys>\n"
           "    </Piece>\n"
           "  </PolyData>\n"
           "  <AppendedData encoding=\"" +
           encoding + "\">\n   _" + data + "\n  </AppendedData>\n</VTKFile>\n";
  };
  const std::string encoded[3] = {base64(blocks[0]), base64(blocks[1]), base64(blocks[2])};
  return {{"vtp_cube_appended_raw.vtp",
           file("raw", blocks[0] + blocks[1] + blocks[2], blocks[0].size(), blocks[0].size() + blocks[1].size())},
          {"vtp_cube_appended_base64.vtp",
           file("base64", encoded[0] + encoded[1] + encoded[2], encoded[0].size(), encoded[0].size() + encoded[1].size())}};
}

// A test file by name: the legacy files and the appended .vtp cubes written once into a folder of
// the test run's own, the others from tests/data.
std::filesystem::path dataFile(const std::string& name) {
  static const test::TempDir written;
  static const std::map<std::string, std::string> cubes = [] {
    std::map<std::string, std::string> files = legacyCubeFiles();
    files.merge(appendedCubeFiles());
    for (const auto& [file, bytes] : files) std::ofstream(written / file, std::ios::binary) << bytes;
    return files;
  }();
  return cubes.count(name) ? written / name : kData / name;
}

// Signed volume of a closed mesh: positive when its triangles wind counter-clockwise seen from outside.
double signedVolume(const TriangleMesh& mesh) {
  double volume = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                     c = mesh.positions[mesh.indices[t + 2]];
    volume += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return volume;
}

void expectUnitCube(const std::string& file) {
  SCOPED_TRACE(file);
  const std::vector<TriangleMesh> meshes = importMeshes(dataFile(file));
  ASSERT_EQ(meshes.size(), 1u);
  const TriangleMesh& mesh = meshes[0];
  EXPECT_EQ(mesh.name, std::filesystem::path(file).stem().string());
  EXPECT_EQ(mesh.positions.size(), 8u);
  EXPECT_EQ(mesh.triangleCount(), 12u);  // 6 quads, fan-triangulated
  EXPECT_EQ(mesh.normals.size(), 8u);
  EXPECT_NEAR(signedVolume(mesh), 1.0, 1e-6);  // outward winding kept
  const Bounds bounds = boundsOf(mesh);
  EXPECT_EQ(bounds.min, glm::vec3(0.0f));
  EXPECT_EQ(bounds.max, glm::vec3(1.0f));
}

TEST(MeshImportVtk, ReadsLegacyAsciiBinaryAndVtk9Layouts) {
  for (const char* file : {"vtk_cube_ascii.vtk", "vtk_cube_binary.vtk", "vtk_cube_v51_ascii.vtk", "vtk_cube_v51_binary.vtk",
                           "vtk_cube_v51_field_metadata.vtk", "vtk_cube_v51_field_binary.vtk"})
    expectUnitCube(file);
}

TEST(MeshImportVtk, ReadsVtpInEveryEncoding) {
  for (const char* file : {"vtp_cube_ascii.vtp", "vtp_cube_binary.vtp", "vtp_cube_zlib.vtp", "vtp_cube_appended_raw.vtp",
                           "vtp_cube_appended_base64.vtp", "vtp_cube_big_endian.vtp"})
    expectUnitCube(file);
}

TEST(MeshImportVtk, RecognisesBothFormatsBySignature) {
  EXPECT_TRUE(isLegacyVtkFile(dataFile("vtk_cube_binary.vtk")));
  EXPECT_FALSE(isLegacyVtkFile(kData / "vtp_cube_ascii.vtp"));
  EXPECT_TRUE(isVtkXmlFile(kData / "vtp_cube_ascii.vtp"));
  EXPECT_TRUE(isVtkXmlFile(kData / "vtp_strip_ascii.vtp"));  // no <?xml?> line
  EXPECT_FALSE(isVtkXmlFile(dataFile("vtk_cube_ascii.vtk")));
  EXPECT_FALSE(isVtkXmlFile(kData / "cube.obj"));
}

// A square strip 0 1 2 3 on z = 0: two triangles, both facing +z (the second's winding swapped).
void expectStripFacesUp(const std::string& file) {
  SCOPED_TRACE(file);
  const TriangleMesh mesh = importMeshes(dataFile(file)).at(0);
  ASSERT_EQ(mesh.triangleCount(), 2u);
  for (std::size_t t = 0; t < 6; t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    EXPECT_GT(glm::cross(b - a, c - a).z, 0.0f) << "triangle " << t / 3;
  }
}

TEST(MeshImportVtk, TriangleStripsKeepOneFacing) {
  expectStripFacesUp("vtk_strip_ascii.vtk");
  expectStripFacesUp("vtp_strip_ascii.vtp");
}

std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A damaged file: a fixture in tests/data, or written by the test from `text`, or made from the
// valid fixture `prefixOf`: its first `bytes` bytes (a file cut short), or, with `from`, the whole
// file with the first `from` replaced by `to`.
struct Damaged {
  const char* file;
  const char* says;  // a part of the message
  const char* text = nullptr;
  const char* prefixOf = nullptr;
  std::size_t bytes = 0;
  const char* from = nullptr;
  const char* to = nullptr;
};

std::string damagedBytes(const Damaged& c) {
  if (c.text != nullptr) return c.text;
  std::string bytes = fileBytes(dataFile(c.prefixOf));
  if (c.from == nullptr) return bytes.substr(0, c.bytes);
  const std::size_t at = bytes.find(c.from);
  EXPECT_NE(at, std::string::npos) << c.prefixOf << " has no '" << c.from << "'";
  return at == std::string::npos ? bytes : bytes.replace(at, std::string(c.from).size(), c.to);
}

// Three points and one triangle in legacy VTK, with `points` and `polygon` as given.
std::string legacyTriangle(const char* title, const char* dataset, const char* points, const char* polygon) {
  return std::string("# vtk DataFile Version 3.0\n") + title + "\nASCII\nDATASET " + dataset + "\nPOINTS 3 float\n" + points +
         "\n" + polygon;
}

TEST(MeshImportVtk, DamagedFilesGiveAnInputErrorNamingTheFile) {
  const std::string wordForNumber = legacyTriangle("bad number", "POLYDATA", "0 0 0 1 zero 0 0 1 0", "POLYGONS 1 4\n3 0 1 2\n");
  const std::string badIndex = legacyTriangle("bad index", "POLYDATA", "0 0 0 1 0 0 0 1 0", "POLYGONS 1 4\n3 0 1 7\n");
  const std::string unstructured = legacyTriangle("not polydata", "UNSTRUCTURED_GRID", "0 0 0 1 0 0 0 1 0", "");
  const Damaged cases[] = {
      {"invalid_vtk_truncated.vtk", "ends before its binary data", nullptr, "vtk_cube_binary.vtk", 373},
      {"invalid_vtk_index.vtk", "point index 7 out of range", badIndex.c_str()},
      {"invalid_vtk_unstructured.vtk", "not POLYDATA", unstructured.c_str()},
      {"invalid_vtk_ascii_word.vtk", "expected a number, got 'zero'", wordForNumber.c_str()},
      {"invalid_vtp_truncated.vtp", "the file ends inside", nullptr, "vtp_cube_ascii.vtp", 409},
      {"invalid_vtp_point_count.vtp", "NumberOfPoints=\"9\"", nullptr, "vtp_cube_ascii.vtp", 0, "NumberOfPoints=\"8\"",
       "NumberOfPoints=\"9\""},
      {"invalid_vtp_index.vtp", "point index 8 out of range", nullptr, "vtp_cube_ascii.vtp", 0, "0 3 2 1 4", "0 3 2 8 4"},
      {"invalid_vtp_unstructured.vtp", "UnstructuredGrid, not PolyData", nullptr, "vtp_cube_ascii.vtp", 0, "type=\"PolyData\"",
       "type=\"UnstructuredGrid\""},
      {"invalid_vtp_zlib.vtp", "zlib block 0 is damaged", nullptr, "vtp_cube_zlib.vtp", 0, "eJxjYEAGDfao", "eJxjYEBGDfao"},
      {"invalid_vtp_base64.vtp", "not base64", nullptr, "vtp_cube_binary.vtp", 0, "wAAAAA", "wAAAA*"},
      {"invalid_vtp_appended_truncated.vtp", "", nullptr, "vtp_cube_appended_raw.vtp", 125},  // cut inside <Piece>
  };
  const test::TempDir dir;
  for (const Damaged& c : cases) {
    std::filesystem::path file = kData / c.file;
    if (c.text != nullptr || c.prefixOf != nullptr) {
      file = dir / c.file;
      std::ofstream(file, std::ios::binary) << damagedBytes(c);
    }
    const std::string message = importError(file);
    EXPECT_NE(message.find(c.file), std::string::npos) << c.file << ": " << message;
    EXPECT_NE(message.find(c.says), std::string::npos) << c.file << ": " << message;
  }
}

// Every prefix of a valid file is either read or refused with an InputError, never a crash.
TEST(MeshImportVtk, EveryTruncationIsRefusedCleanly) {
  const std::filesystem::path out = std::filesystem::temp_directory_path() / "medius_vtk_truncation";
  std::filesystem::create_directories(out);
  for (const char* file : {"vtk_cube_binary.vtk", "vtk_cube_v51_binary.vtk", "vtp_cube_zlib.vtp", "vtp_cube_appended_raw.vtp"}) {
    const std::string bytes = fileBytes(dataFile(file));
    const std::filesystem::path cut = out / (std::string("cut") + std::filesystem::path(file).extension().string());
    int refused = 0;
    for (std::size_t n = 40; n < bytes.size(); n += 3) {  // from 40: every cut keeps its signature
      std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(n));
      refused += importError(cut).empty() ? 0 : 1;
    }
    EXPECT_GT(refused, 0) << file;
  }
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace medius::anatomy
