#pragma once
// A view as a link: one lesson step (lesson.h: camera, visibility and opacity, selection,
// overlays, motion and time or pose, activation mode, person, band, strengths, colour map) as a
// short text that fits in a URL's fragment. Version 2, which Medius writes: "v2." followed by the
// step's compact JSON (lessonStepToJson), packed (view_link_packing.h: raw DEFLATE with a preset
// dictionary), in base64url without padding (RFC 4648, section 5). Version 1, which Medius still
// reads: "v1." and the JSON itself in base64url, three to four and a half times as long. The page opens a link
// from its address (…/index.html#v2.…), the desktop from `medius --view-link` and
// `medius render --view-link`, so a link and a figure are interchangeable. docs/FORMATS.md,
// "View links", describes the format. Plain logic; no ImGui.
#include "ui/lesson.h"

#include <string>
#include <string_view>

namespace medius::ui {

inline constexpr std::string_view kViewLinkPrefix = "v2.";       // the version written: packed JSON
inline constexpr std::string_view kPlainViewLinkPrefix = "v1.";  // still read: the JSON unpacked

// The link of a step: "v2." + base64url(packViewText(lessonStepToJson(step))). Only the
// characters A-Z a-z 0-9 - _ . appear, so it needs no escaping in a URL.
std::string viewLinkOf(const LessonStep& step);

// Reads a link back into a step. Takes the bare link or a whole address, whose fragment (after
// '#') is the link; white space around it is ignored. Reads versions 1 and 2. Throws InputError
// starting with `where` (e.g. "--view-link") and saying what is wrong: empty, not a view link, a
// newer version, a character that is not base64url, a cut-off link, packed data that does not
// unpack, or the step inside it (its JSON or a field, named as in a lesson file). The step is not
// checked against a model: checkLessonStep does that.
LessonStep parseViewLink(std::string_view link, const std::string& where);

// base64url without padding, and back (throws InputError starting with `where` naming the first
// bad character and its position from 1, or a length no encoder makes).
std::string base64UrlEncode(std::string_view bytes);
std::string base64UrlDecode(std::string_view text, const std::string& where);

}  // namespace medius::ui
