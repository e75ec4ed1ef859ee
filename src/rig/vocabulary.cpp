#include "rig/vocabulary.h"

#include "anatomy/json_fields.h"
#include "core/error.h"
#include "core/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <mutex>

namespace medius::rig {
namespace {

std::vector<std::string> stringList(const anatomy::JsonFields& fields, const nlohmann::json& object, const std::string& key,
                                    bool lowerCase) {
  std::vector<std::string> list;
  if (!object.contains(key)) return list;
  const nlohmann::json& array = fields.array(key);
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) fields.fail(key + "[" + std::to_string(i) + "]", "expected a string");
    std::string text = array[i].get<std::string>();
    if (lowerCase) std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    list.push_back(std::move(text));
  }
  return list;
}

StructureRole roleNamed(const anatomy::JsonFields& fields, const std::string& role) {
  if (role.empty()) return StructureRole::None;
  if (role == "pelvic_bone") return StructureRole::PelvicBone;
  if (role == "axial_bone") return StructureRole::AxialBone;
  if (role == "limb_bone") return StructureRole::LimbBone;
  if (role == "ball_cartilage") return StructureRole::BallCartilage;
  if (role == "socket_cartilage") return StructureRole::SocketCartilage;
  fields.fail("role", "'" + role + "' is not one of pelvic_bone, axial_bone, limb_bone, ball_cartilage, socket_cartilage");
}

}  // namespace

const KnownStructure* Vocabulary::find(const std::string& id) const {
  for (const KnownStructure& s : structures)
    if (s.id == id) return &s;
  return nullptr;
}

const SideNaming* Vocabulary::side(const std::string& name) const {
  for (const SideNaming& s : sides)
    if (s.side == name) return &s;
  return nullptr;
}

std::string Vocabulary::sided(const std::string& pattern, const std::string& sideName) const {
  const SideNaming* naming = side(sideName);
  std::string text = pattern;
  const std::string key = "{suffix}";
  const std::size_t at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), naming ? naming->suffix : "");
  return text;
}

std::string Vocabulary::modelId(const KnownStructure& structure, const std::string& sideName) const {
  const SideNaming* naming = side(sideName);
  return structure.sided && naming ? structure.id + naming->suffix : structure.id;
}

std::string Vocabulary::displayName(const KnownStructure& structure, const std::string& sideName) const {
  const SideNaming* naming = side(sideName);
  if (structure.sided && naming) return naming->name + " " + structure.name;
  std::string name = structure.name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

Vocabulary loadVocabulary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot read the rig vocabulary");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) throw InputError(path.string() + ": not valid JSON");
  const anatomy::JsonFields root(path.string(), document, "");
  if (root.string("format") != "medius-rig-vocabulary") root.fail("format", "expected 'medius-rig-vocabulary'");
  Vocabulary vocabulary;
  vocabulary.source = path;
  vocabulary.rootSegment = root.string("root_segment");
  vocabulary.limbSegment = root.string("limb_segment");
  vocabulary.joint = root.string("joint");
  const anatomy::JsonFields sides = root.object("sides");
  for (const auto& [name, value] : document.at("sides").items()) {
    const anatomy::JsonFields side(path.string(), value, "sides." + name);
    SideNaming naming{name, side.string("suffix"), side.string("name"), stringList(side, value, "words", true)};
    for (std::string word : {naming.side, naming.name}) {
      std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
      if (std::find(naming.words.begin(), naming.words.end(), word) == naming.words.end()) naming.words.push_back(word);
    }
    vocabulary.sides.push_back(std::move(naming));
  }
  (void)sides;
  if (root.has("file_names")) {
    const anatomy::JsonFields fileNames = root.object("file_names");
    vocabulary.ignoredNameWords = stringList(fileNames, document.at("file_names"), "ignored_words", true);
  }
  for (std::size_t a = 0; a < vocabulary.sides.size(); ++a)
    for (std::size_t b = a + 1; b < vocabulary.sides.size(); ++b)
      for (const std::string& word : vocabulary.sides[a].words)
        if (std::find(vocabulary.sides[b].words.begin(), vocabulary.sides[b].words.end(), word) !=
            vocabulary.sides[b].words.end())
          throw InputError(path.string() + ": sides: the word '" + word + "' names both " + vocabulary.sides[a].side + " and " +
                           vocabulary.sides[b].side);
  vocabulary.specificTension = root.number("specific_tension_n_per_m2");
  if (!(vocabulary.specificTension > 0.0)) root.fail("specific_tension_n_per_m2", "must be positive");
  if (root.has("landmarks")) {
    (void)root.object("landmarks");
    for (const auto& [method, value] : document.at("landmarks").items()) {
      const anatomy::JsonFields landmark(path.string(), value, "landmarks." + method);
      vocabulary.landmarks[method] = {landmark.string("id"), landmark.string("name")};
    }
  }
  const nlohmann::json& list = root.array("structures");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const anatomy::JsonFields entry = root.element(list, i, "structures");
    KnownStructure s;
    s.id = entry.string("id");
    s.name = entry.string("name");
    s.kind = entry.string("kind");
    if (s.kind != "bone" && s.kind != "muscle" && s.kind != "other")
      entry.fail("kind", "'" + s.kind + "' is not one of bone, muscle, other");
    s.role = roleNamed(entry, entry.optionalString("role", ""));
    const std::string segment = entry.string("segment");
    if (segment != "root" && segment != "limb") entry.fail("segment", "'" + segment + "' is not one of root, limb");
    s.onLimb = segment == "limb";
    s.sided = !list[i].contains("sided") || list[i].at("sided").get<bool>();
    s.partOf = entry.optionalString("part_of", "");
    s.denver = stringList(entry, list[i], "denver", false);
    s.names = stringList(entry, list[i], "names", true);
    s.fmaIds = stringList(entry, list[i], "fma", false);
    s.rigNote = entry.optionalString("rig_note", "");
    if (list[i].contains("ends_on_bone")) {
      if (!list[i].at("ends_on_bone").is_boolean()) entry.fail("ends_on_bone", "must be true or false");
      s.endsOnBone = list[i].at("ends_on_bone").get<bool>();
    }
    if (entry.has("colour")) s.colour = entry.colour("colour");
    if (entry.has("compartments")) {
      const anatomy::JsonFields compartments = entry.object("compartments");
      s.compartmentAxis = compartments.string("across");
      if (s.compartmentAxis != "anterior" && s.compartmentAxis != "superior")
        compartments.fail("across", "'" + s.compartmentAxis + "' is not one of anterior, superior");
      const nlohmann::json& parts = compartments.array("parts");
      for (std::size_t p = 0; p < parts.size(); ++p) {
        const anatomy::JsonFields part = compartments.element(parts, p, "parts");
        s.compartments.push_back({part.string("id"), part.string("name")});
      }
    }
    vocabulary.structures.push_back(std::move(s));
  }
  for (const KnownStructure& s : vocabulary.structures)
    if (!s.partOf.empty() && vocabulary.find(s.partOf) == nullptr)
      throw InputError(path.string() + ": structures: '" + s.id + "' is part of '" + s.partOf + "', which is not listed");
  return vocabulary;
}

const Vocabulary& builtInVocabulary() {
  static std::once_flag once;
  static Vocabulary vocabulary;
  std::call_once(once, [] { vocabulary = loadVocabulary(core::assetDirectory() / "rig" / "structures.json"); });
  return vocabulary;
}

}  // namespace medius::rig
