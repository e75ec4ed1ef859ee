#include "quiz/quiz_text.h"

#include <cctype>
#include <cstdio>

namespace medius::quiz {

std::string lowerFirst(std::string text) {
  // Keep abbreviations ("ASIS", "TFL") as written: lower only a capital followed by a lower-case letter.
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) && std::islower(static_cast<unsigned char>(text[1])))
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string firstSentence(const std::string& text) {
  // A full stop followed by a space and a capital ends a sentence ("et al. 1999" does not).
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '.' && text[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 2])))
      return text.substr(0, i + 1);
  return text;
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string result = text;
  if (result.find_first_not_of("-0.") == std::string::npos && result[0] == '-') result.erase(0, 1);  // no "-0.0"
  return result;
}

std::string spaced(std::string id) {
  for (char& c : id)
    if (c == '_') c = ' ';
  return id;
}

}  // namespace medius::quiz
