#include "app/opened_files.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace medius::app {
namespace {

// A JSON file's "format", "structures" when it lists structures (a model.json), or "".
std::string jsonKind(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const nlohmann::json document = nlohmann::json::parse(in, nullptr, false);
  if (!document.is_object()) return {};
  if (const auto format = document.find("format"); format != document.end() && format->is_string())
    return format->get<std::string>();
  return document.contains("structures") ? "structures" : "";
}

}  // namespace

OpenedFiles classifyOpenedFiles(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.is_regular_file(ec)) files.push_back(entry.path());
  if (files.empty()) throw InputError(folder.string() + ": no file to open");
  std::sort(files.begin(), files.end());
  if (files.size() == 1) {
    const std::filesystem::path& file = files.front();
    if (file.extension() != ".json") return {OpenedKind::Model, file};
    const std::string kind = jsonKind(file);
    if (kind == "medius-quiz") return {OpenedKind::Quiz, file};
    if (kind == "medius-rig" || kind == "structures") return {OpenedKind::Model, file};
    return {OpenedKind::Lesson, file};
  }
  for (const std::filesystem::path& file : files)
    if (file.filename() == "model.json") return {OpenedKind::Model, file};
  for (const std::filesystem::path& file : files)
    if (file.extension() == ".json" && jsonKind(file) == "medius-rig") return {OpenedKind::Model, file};
  return {OpenedKind::Model, folder};
}

}  // namespace medius::app
