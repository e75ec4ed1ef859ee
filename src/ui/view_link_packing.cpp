#include "ui/view_link_packing.h"

#include "core/error.h"
#include "core/paths.h"

#include <zlib.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace medius::ui {
namespace {

// What a step's compact JSON (lessonStepToJson) is made of: its field names, the built-in
// model's structure ids and the motions' ids. DEFLATE reaches back up to 32 KiB and codes near
// matches in fewer bits, so the most common text comes last. It is data, not code
// (assets/view_links/dictionary-v2.txt: C++ never spells a model's ids): never edit it, version 2
// links are packed with exactly these bytes (a new dictionary is a new version;
// unit.ViewLink.Version2IsFrozen).
const std::string& dictionary() {
  static const std::string bytes = [] {
    const std::filesystem::path file = core::assetDirectory() / "view_links" / "dictionary-v2.txt";
    std::ifstream in(file, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (text.empty()) throw InputError(file.string() + ": cannot read the dictionary of version 2 view links");
    return text;
  }();
  return bytes;
}

constexpr std::size_t kMostUnpacked = 64 * 1024;

}  // namespace

std::string_view viewLinkDictionary() { return dictionary(); }

std::string packViewText(std::string_view text) {
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw OutputError("view link: cannot start zlib's deflate");
  std::string packed(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
  int result =
      deflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(dictionary().data()), static_cast<uInt>(dictionary().size()));
  if (result == Z_OK) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // zlib's API is not const; it only reads
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(packed.data());
    stream.avail_out = static_cast<uInt>(packed.size());
    result = deflate(&stream, Z_FINISH);
  }
  const std::size_t size = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw OutputError("view link: zlib's deflate failed (" + std::to_string(result) + ")");
  packed.resize(size);
  return packed;
}

std::string unpackViewText(std::string_view packed, const std::string& where) {
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) throw OutputError("view link: cannot start zlib's inflate");
  int result =
      inflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(dictionary().data()), static_cast<uInt>(dictionary().size()));
  std::string text(kMostUnpacked + 1, '\0');  // one byte more: a view that fills it is too large
  if (result == Z_OK) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    stream.avail_in = static_cast<uInt>(packed.size());
    stream.next_out = reinterpret_cast<Bytef*>(text.data());
    stream.avail_out = static_cast<uInt>(text.size());
    result = inflate(&stream, Z_FINISH);
  }
  const std::size_t size = stream.total_out;
  const std::size_t left = stream.avail_in;
  const std::string reason = stream.msg != nullptr ? stream.msg : "";
  inflateEnd(&stream);
  if (result == Z_STREAM_END && left != 0)
    throw InputError(where + ": the link is damaged: " + std::to_string(left) + " bytes after the end of the packed view");
  if (result == Z_STREAM_END) {
    text.resize(size);
    return text;
  }
  if (size > kMostUnpacked) throw InputError(where + ": the link unpacks to more than 64 KiB; no view is that large");
  if (result == Z_DATA_ERROR || result == Z_NEED_DICT)
    throw InputError(where + ": the link is damaged: its packed view does not unpack (" + (reason.empty() ? "bad data" : reason) +
                     ")");
  throw InputError(where + ": the link is cut off or damaged: its packed view ends early");
}

}  // namespace medius::ui
