// Anatomy and motions are data: no structure, segment, muscle, joint or motion id of the built-in
// model (assets/hip/model.json) or motion files (assets/motions/*.json) is written in a string
// literal in src/. Comments may name them (examples help a reader); code may not, because code
// keyed on an id breaks for any other model or motion.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

const std::filesystem::path kSource = MEDIUS_SOURCE_DIR;

// Words that are ids in the model but also keywords of a file format or the command line, each
// with the reason it stays.
const std::map<std::string, std::string> kAllowed = {
    {"pelvis",
     "the --pose grammar, lesson poses and analyze's output name the root segment's DOFs pelvis.tilt, "
     "pelvis.obliquity, pelvis.rotation (biomech::Pose::pelvis); a format keyword, whatever the model calls its root"},
};

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> dataIds() {
  std::set<std::string> ids;
  const nlohmann::json model = nlohmann::json::parse(readText(kSource / "assets/hip/model.json"));
  for (const char* list : {"segments", "joints", "structures", "muscles"})
    for (const nlohmann::json& entry : model.at(list)) ids.insert(entry.at("id").get<std::string>());
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "assets/motions"))
    if (entry.path().extension() == ".json")
      ids.insert(nlohmann::json::parse(readText(entry.path())).at("id").get<std::string>());
  return ids;
}

struct Literal {
  int line = 0;
  std::string text;
};

// The string literals of a C++ source, comments and character literals skipped. Escapes are kept
// as written (an id never contains a backslash); raw strings R"delim(...)delim" are read whole.
std::vector<Literal> stringLiterals(const std::string& source) {
  std::vector<Literal> literals;
  int line = 1;
  std::size_t i = 0;
  const auto advance = [&](std::size_t to) {
    for (; i < to && i < source.size(); ++i)
      if (source[i] == '\n') ++line;
  };
  while (i < source.size()) {
    const char c = source[i];
    if (source.compare(i, 2, "//") == 0) {
      advance(source.find('\n', i));
    } else if (source.compare(i, 2, "/*") == 0) {
      const std::size_t end = source.find("*/", i + 2);
      advance(end == std::string::npos ? source.size() : end + 2);
    } else if (c == 'R' && i + 1 < source.size() && source[i + 1] == '"' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(source[i - 1])) || source[i - 1] == '_') ||
                source[i - 1] == 'u' || source[i - 1] == '8' || source[i - 1] == 'L' || source[i - 1] == 'U')) {
      const std::size_t open = source.find('(', i + 2);
      const std::string close = ")" + source.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = source.find(close, open);
      const int at = line;
      literals.push_back({at, source.substr(open + 1, end - open - 1)});
      advance(end + close.size());
    } else if (c == '"') {
      std::string text;
      const int at = line;
      ++i;
      while (i < source.size() && source[i] != '"') {
        if (source[i] == '\\' && i + 1 < source.size()) text += source[i++];
        text += source[i];
        advance(i + 1);
      }
      ++i;
      literals.push_back({at, text});
    } else if (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(source[i - 1])))) {  // not 1'000'000
      ++i;
      while (i < source.size() && source[i] != '\'') i += source[i] == '\\' ? 2 : 1;
      ++i;
    } else {
      advance(i + 1);
    }
  }
  return literals;
}

// The identifier-like words of a literal: "hip_r.flexion=30" gives hip_r, flexion, 30.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> result;
  std::string word;
  for (const char c : text + ' ') {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += c;
    } else if (!word.empty()) {
      result.push_back(word);
      word.clear();
    }
  }
  return result;
}

TEST(IdsInSource, TheTokeniserFindsLiteralsAndSkipsComments) {
  const std::vector<Literal> found = stringLiterals(
      "// \"commented\"\nint a = '\"'; /* \"block\" */\nauto s = \"one \\\"two\\\"\";\nauto r = R\"x(raw \"three\")x\"; // "
      "\"no\"\n"
      "int n = 1'000; auto t = \"four\";");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].text, "one \\\"two\\\"");
  EXPECT_EQ(found[0].line, 3);
  EXPECT_EQ(found[1].text, "raw \"three\"");
  EXPECT_EQ(found[2].text, "four");
  EXPECT_EQ(found[2].line, 5);
  EXPECT_EQ(words("e.g. hip_r.flexion=30"), (std::vector<std::string>{"e", "g", "hip_r", "flexion", "30"}));
}

TEST(IdsInSource, NoModelOrMotionIdIsWrittenInSourceCode) {
  const std::set<std::string> ids = dataIds();
  ASSERT_GT(ids.size(), 10u) << "the model and motion files were not read";
  for (const auto& [word, reason] : kAllowed) EXPECT_TRUE(ids.count(word)) << word << ": allowed but no longer an id; drop it";
  std::string problems;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kSource / "src")) {
    const std::string extension = entry.path().extension().string();
    if (extension != ".cpp" && extension != ".h") continue;
    ++files;
    for (const Literal& literal : stringLiterals(readText(entry.path())))
      for (const std::string& word : words(literal.text))
        if (ids.count(word) && !kAllowed.count(word))
          problems += std::filesystem::relative(entry.path(), kSource).string() + ":" + std::to_string(literal.line) + ": \"" +
                      literal.text + "\" names '" + word + "'\n";
  }
  EXPECT_GT(files, 50u);
  EXPECT_TRUE(problems.empty()) << "ids of the model or the motions written in src/ (make it data):\n" << problems;
}

}  // namespace
