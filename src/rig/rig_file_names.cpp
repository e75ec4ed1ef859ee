// Recognising structures by file name: the Denver Visible Human surfaces
// (VHM_<Side>_<Category>_<Name>_<suffix>.stl, VHF_ for the female), BodyParts3D files named by FMA id
// (FMA22315.obj) and English names ("Right gluteus medius.obj", "gluteus_medius_left.stl",
// "GluteusMedius_R.stl", "Gluteus medius muscle.l.obj"; the words are the vocabulary's).
#include "core/error.h"
#include "rig/rig_input_parts.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <system_error>

namespace medius::rig {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The side a structure gets from a name's side word: unsided (midline) structures keep none,
// whatever folder the data set files them under (Denver files the sacrum under Left).
std::string sideFor(const KnownStructure& structure, const std::string& namedSide) {
  return structure.sided ? namedSide : "midline";
}

std::optional<RecognisedName> denverName(const std::string& stem, const Vocabulary& vocabulary) {
  static const std::regex pattern(R"(^VH[MF]_([A-Za-z]+)_([A-Za-z]+)_([A-Za-z0-9]+)(_.*)?$)");
  std::smatch match;
  if (!std::regex_match(stem, match, pattern)) return std::nullopt;
  std::string side;
  for (const SideNaming& naming : vocabulary.sides)
    if (lower(naming.name) == lower(match[1].str())) side = naming.side;
  if (side.empty()) return std::nullopt;
  const std::string token = match[2].str() + "_" + match[3].str();
  for (const KnownStructure& s : vocabulary.structures)
    if (std::find(s.denver.begin(), s.denver.end(), token) != s.denver.end())
      return RecognisedName{s.id, sideFor(s, side), "Denver Visible Human"};
  return std::nullopt;
}

// Vocabulary "fma" entries are an FMA id, optionally with the side it names: "FMA24474:right".
// The id may be the whole name (FMA22315.obj) or one token of it, as in BodyParts3D's own
// "FJ1428M_BP23829_FMA22341_Left piriformis.obj".
std::optional<RecognisedName> fmaName(const std::string& stem, const Vocabulary& vocabulary) {
  static const std::regex pattern(R"((^|[^A-Za-z0-9])[Ff][Mm][Aa]([0-9]+)($|[^0-9]))");
  std::smatch match;
  if (!std::regex_search(stem, match, pattern)) return std::nullopt;
  const std::string id = "FMA" + match[2].str();
  for (const KnownStructure& s : vocabulary.structures)
    for (const std::string& entry : s.fmaIds) {
      const std::size_t colon = entry.find(':');
      if (entry.substr(0, colon) != id) continue;
      return RecognisedName{s.id, sideFor(s, colon == std::string::npos ? "" : entry.substr(colon + 1)), "BodyParts3D FMA id"};
    }
  return std::nullopt;
}

// The words of a name that can tell a structure: split at anything but a letter or digit and
// where a lower-case letter meets a capital ("GluteusMedius_R"), lower case, without numbers and
// the vocabulary's ignored words ("muscle", "smooth").
std::vector<std::string> nameWords(const std::string& name, const Vocabulary& vocabulary) {
  std::string spaced;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (i > 0 && std::isupper(c) && std::islower(static_cast<unsigned char>(name[i - 1]))) spaced += ' ';
    spaced += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : ' ';
  }
  std::istringstream stream(spaced);
  std::vector<std::string> words;
  std::string word;
  while (stream >> word) {
    const bool number = std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool ignored = std::find(vocabulary.ignoredNameWords.begin(), vocabulary.ignoredNameWords.end(), word) !=
                         vocabulary.ignoredNameWords.end();
    if (!number && !ignored) words.push_back(word);
  }
  return words;
}

std::optional<RecognisedName> englishName(const std::string& stem, const Vocabulary& vocabulary) {
  std::vector<std::string> rest;
  std::string side;
  for (const std::string& word : nameWords(stem, vocabulary)) {
    bool isSide = false;
    for (const SideNaming& naming : vocabulary.sides)
      if (std::find(naming.words.begin(), naming.words.end(), word) != naming.words.end()) {
        if (!side.empty() && side != naming.side) return std::nullopt;  // "left ... right": not one structure
        side = naming.side;
        isSide = true;
      }
    if (!isSide) rest.push_back(word);
  }
  if (rest.empty()) return std::nullopt;
  for (const KnownStructure& s : vocabulary.structures) {
    bool named = nameWords(s.id, vocabulary) == rest;
    for (const std::string& name : s.names) named = named || nameWords(name, vocabulary) == rest;
    if (named) return RecognisedName{s.id, sideFor(s, side), "English name"};
  }
  return std::nullopt;
}

bool hidden(const std::filesystem::path& path) { return path.filename().string().rfind('.', 0) == 0; }

}  // namespace

std::optional<RecognisedName> recogniseFileName(const std::string& fileName, const Vocabulary& vocabulary) {
  const std::string stem = std::filesystem::path(fileName).stem().string();
  if (auto found = denverName(stem, vocabulary)) return found;
  if (auto found = fmaName(stem, vocabulary)) return found;
  return englishName(stem, vocabulary);
}

RigInput recogniseRigFolder(const std::filesystem::path& folder, const Vocabulary& vocabulary) {
  RigInput input;
  input.source = folder;
  input.name = std::filesystem::absolute(folder).lexically_normal().filename().string();
  if (input.name.empty()) input.name = std::filesystem::absolute(folder).lexically_normal().parent_path().filename().string();

  // The folder's files and those of its subfolders (Denver: Left/ and Right/), in name order.
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (hidden(entry.path())) continue;
    if (entry.is_directory(ec)) {
      std::error_code inner;
      for (const auto& sub : std::filesystem::directory_iterator(entry.path(), inner))
        if (!hidden(sub.path()) && sub.is_regular_file(inner)) files.push_back(sub.path());
    } else if (entry.is_regular_file(ec)) {
      files.push_back(entry.path());
    }
  }
  if (ec) throw InputError(folder.string() + ": cannot list the folder: " + ec.message());
  std::sort(files.begin(), files.end());

  std::map<std::string, int> conventions;
  for (const std::filesystem::path& file : files) {
    const std::optional<RecognisedName> found = recogniseFileName(file.filename().string(), vocabulary);
    const std::string relative = file.lexically_relative(folder).string();
    if (!found) {
      input.notes.push_back("ignored: " + relative + " (not a structure the rig knows)");
      continue;
    }
    InputMesh mesh;
    mesh.file = file;
    mesh.structure = found->structure;
    mesh.side = found->side;
    input.meshes.push_back(std::move(mesh));
    ++conventions[found->convention];
  }
  if (input.meshes.empty())
    throw InputError(folder.string() +
                     ": no file recognised as a structure the rig knows (Denver VHM_/VHF_ names, BodyParts3D FMA ids or " +
                     "English names such as 'Right gluteus medius.stl'; " + std::to_string(files.size()) + " files looked at)");
  for (const auto& [convention, count] : conventions)
    input.notes.insert(input.notes.begin(),
                       "recognised " + std::to_string(count) + " file" + (count == 1 ? "" : "s") + " by " + convention);
  return input;
}

}  // namespace medius::rig
