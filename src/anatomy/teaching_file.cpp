#include "anatomy/teaching_file.h"

#include "core/error.h"

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace medius::anatomy {

std::map<std::string, Teaching> loadTeachingFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot read the teaching text");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) throw InputError(path.string() + ": not valid JSON");
  const JsonFields root(path.string(), document, "");
  if (root.string("format") != "medius-teaching") root.fail("format", "expected 'medius-teaching'");
  (void)root.object("structures");
  std::map<std::string, Teaching> cards;
  for (const auto& [id, value] : document.at("structures").items())
    cards.emplace(id, parseTeaching(JsonFields(path.string(), value, "structures." + id)));
  return cards;
}

}  // namespace medius::anatomy
