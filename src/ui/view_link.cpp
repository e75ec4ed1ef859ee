#include "ui/view_link.h"

#include "core/error.h"
#include "ui/view_link_packing.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace medius::ui {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
  const std::size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
  std::string text;
  text.reserve((bytes.size() * 4 + 2) / 3);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t count = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 3; ++k) group = (group << 8) | (k < count ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < count + 1; ++k) text += kAlphabet[(group >> (18 - 6 * k)) & 63u];
  }
  return text;
}

std::string base64UrlDecode(std::string_view text, const std::string& where) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (sextet(text[i]) < 0)
      throw InputError(where + ": the link is damaged: '" + std::string(1, text[i]) + "' (character " + std::to_string(i + 1) +
                       " after the version) is not a base64url character (A-Z a-z 0-9 - _)");
  if (text.size() % 4 == 1)
    throw InputError(where + ": the link is cut off or damaged (" + std::to_string(text.size()) +
                     " base64url characters: no link has a length of 4n+1)");
  std::string bytes;
  bytes.reserve(text.size() * 3 / 4);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const std::size_t count = std::min<std::size_t>(4, text.size() - i);
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int value = k < count ? sextet(text[i + k]) : 0;  // every character checked above
      group = (group << 6) | static_cast<std::uint32_t>(value);
    }
    for (std::size_t k = 0; k + 1 < count; ++k) bytes += static_cast<char>((group >> (16 - 8 * k)) & 255u);
  }
  return bytes;
}

static_assert(kViewLinkPrefix.size() == kPlainViewLinkPrefix.size(), "parseViewLink skips either prefix by one length");

std::string viewLinkOf(const LessonStep& step) {
  return std::string(kViewLinkPrefix) + base64UrlEncode(packViewText(lessonStepToJson(step)));
}

LessonStep parseViewLink(std::string_view link, const std::string& where) {
  link = trimmed(link);
  if (const std::size_t hash = link.find('#'); hash != std::string_view::npos) link = trimmed(link.substr(hash + 1));
  if (link.empty()) throw InputError(where + ": the link is empty (expected 'v2.' and the view, e.g. from Copy link)");
  const bool packed = link.starts_with(kViewLinkPrefix);
  if (!packed && !link.starts_with(kPlainViewLinkPrefix)) {
    // "v7.…": a version this Medius does not know; anything else is not a view link at all.
    const std::size_t dot = link.find('.');
    const std::string_view version = dot == std::string_view::npos ? std::string_view() : link.substr(0, dot);
    if (version.size() > 1 && version[0] == 'v' && version.substr(1).find_first_not_of("0123456789") == std::string_view::npos)
      throw InputError(where + ": the link is version " + std::string(version.substr(1)) +
                       "; this Medius reads versions 1 and 2 (a newer Medius made it?)");
    const std::string start(link.substr(0, std::min<std::size_t>(link.size(), 12)));
    throw InputError(where + ": not a Medius view link (it starts '" + start + "'; a view link starts 'v2.' or 'v1.')");
  }
  const std::string bytes = base64UrlDecode(link.substr(kViewLinkPrefix.size()), where);
  const std::string json = packed ? unpackViewText(bytes, where) : bytes;
  return lessonStepFromJson(json, where + ": the view in the link");
}

}  // namespace medius::ui
