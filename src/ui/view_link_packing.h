#pragma once
// The packing of a version 2 view link (view_link.h): a step's compact JSON as raw DEFLATE
// (RFC 1951, zlib at level 9, no zlib header or checksum) with a preset dictionary of the text such
// JSON is made of (its field names, the built-in hip's structure ids, the motions' ids). A plain
// view packs to about 100 characters of base64url instead of 260, a busy one to about 200 instead
// of 750. The dictionary is part of the format: changing a byte of it makes a new link version.
// Plain logic; no ImGui.
#include <string>
#include <string_view>

namespace medius::ui {

// The preset dictionary of version 2 links (docs/FORMATS.md, "View links"), byte for byte, read
// once from assets/view_links/dictionary-v2.txt. The three functions here throw InputError naming
// that file when it cannot be read (a broken installation).
std::string_view viewLinkDictionary();

// `text` packed (raw DEFLATE with the dictionary). Throws OutputError if zlib fails (out of memory).
std::string packViewText(std::string_view text);

// Unpacks what packViewText made. Throws InputError starting with `where`: the data is not DEFLATE
// (a damaged link), ends early (a link cut off), goes on after its end, or unpacks to more than
// 64 KiB (no view is that large).
std::string unpackViewText(std::string_view packed, const std::string& where);

}  // namespace medius::ui
