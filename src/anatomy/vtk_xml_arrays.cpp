#include "anatomy/vtk_xml_arrays.h"

#include "core/error.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace medius::anatomy::vtkxml {
namespace {

// zlib cannot expand data more than about 1032 times (zlib.net/zlib_tech.html): a block claiming
// more is damaged, and is refused before anything that large is allocated.
constexpr std::uint64_t kMaxZlibRatio = 1032;

[[noreturn]] void fail(const std::string& file, const ArraySource& source, const std::string& what) {
  throw InputError(file + ": VTK XML, " + source.what + " <DataArray>: " + what);
}

// Bytes in order from raw or base64 storage; a read past the end throws.
class ByteReader {
 public:
  ByteReader(const ArraySource& source, const std::string& file, std::string_view data, bool base64)
      : source_(source), file_(file), data_(data), base64_(base64) {}

  std::string read(std::uint64_t n) {
    if (n > maxRemaining()) fail(file_, source_, "the data ends before the " + std::to_string(n) + " bytes it claims");
    std::string out;
    if (!base64_) {
      out.assign(data_.substr(position_, n));
      position_ += n;
      return out;
    }
    out.reserve(n);
    while (out.size() < n) {
      if (buffered_.empty() && !decodeGroup()) fail(file_, source_, "the base64 data ends early");
      const std::size_t take = std::min<std::size_t>(n - out.size(), buffered_.size());
      out.append(buffered_, 0, take);
      buffered_.erase(0, take);
    }
    return out;
  }
  std::uint64_t readHeaderWord(const Encoding& encoding) {
    const std::string raw = read(encoding.uint64Header ? 8 : 4);
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const std::size_t byte = encoding.bigEndian ? raw.size() - 1 - i : i;
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(raw[byte])) << (8 * i);
    }
    return value;
  }
  // An upper bound on what is left: base64 gives 3 bytes per 4 characters.
  std::uint64_t maxRemaining() const {
    const std::uint64_t left = data_.size() - position_;
    return base64_ ? buffered_.size() + left / 4 * 3 + 3 : left;
  }

 private:
  static int decodeChar(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  }
  // One group of four characters into up to three bytes; '=' padding may end any group, since
  // VTK encodes a compressed array's header and its data as separate base64 runs.
  bool decodeGroup() {
    char group[4];
    int have = 0;
    while (have < 4 && position_ < data_.size()) {
      const char c = data_[position_];
      if (c == '<') break;  // the end tag after appended base64
      ++position_;
      if (std::isspace(static_cast<unsigned char>(c))) continue;
      group[have++] = c;
    }
    if (have == 0) return false;
    if (have < 4) fail(file_, source_, "base64 data whose length is not a multiple of 4");
    int values[4];
    int bytes = 3;
    for (int i = 0; i < 4; ++i) {
      if (group[i] == '=' && i >= 2) {
        values[i] = 0;
        bytes = std::min(bytes, i - 1);
        continue;
      }
      values[i] = decodeChar(group[i]);
      if (values[i] < 0 || bytes < 3) fail(file_, source_, std::string("a character that is not base64: '") + group[i] + "'");
    }
    const std::uint32_t triple = (static_cast<std::uint32_t>(values[0]) << 18) | (static_cast<std::uint32_t>(values[1]) << 12) |
                                 (static_cast<std::uint32_t>(values[2]) << 6) | static_cast<std::uint32_t>(values[3]);
    for (int i = 0; i < bytes; ++i) buffered_.push_back(static_cast<char>((triple >> (16 - 8 * i)) & 0xFF));
    return true;
  }

  const ArraySource& source_;
  const std::string& file_;
  std::string_view data_;
  bool base64_;
  std::size_t position_ = 0;
  std::string buffered_;
};

// The array's bytes: a header then the data, or a block table then zlib blocks.
std::string binaryBytes(const ArraySource& source, const Encoding& encoding, const std::string& file) {
  const bool base64 = source.format == "binary" || source.appendedBase64;
  ByteReader in(source, file, source.format == "binary" ? source.text : source.bytes, base64);
  if (!encoding.zlib) return in.read(in.readHeaderWord(encoding));

  const std::uint64_t blocks = in.readHeaderWord(encoding);
  const std::uint64_t blockSize = in.readHeaderWord(encoding);
  const std::uint64_t lastSize = in.readHeaderWord(encoding);
  if (blocks > in.maxRemaining() / 4) fail(file, source, std::to_string(blocks) + " compressed blocks: more than the file holds");
  std::vector<std::uint64_t> compressedSizes(blocks);
  for (std::uint64_t& size : compressedSizes) size = in.readHeaderWord(encoding);
  std::string out;
  for (std::uint64_t b = 0; b < blocks; ++b) {
    const std::uint64_t expected = (b + 1 == blocks && lastSize != 0) ? lastSize : blockSize;
    const std::string compressed = in.read(compressedSizes[b]);
    if (expected > (compressed.size() + 1) * kMaxZlibRatio || expected > std::numeric_limits<uLongf>::max())
      fail(file, source,
           "block " + std::to_string(b) + " claims " + std::to_string(expected) + " bytes from " +
               std::to_string(compressed.size()) + " compressed ones");
    const std::size_t at = out.size();
    out.resize(at + expected);
    uLongf length = static_cast<uLongf>(expected);
    const int status = uncompress(reinterpret_cast<Bytef*>(out.data() + at), &length,
                                  reinterpret_cast<const Bytef*>(compressed.data()), static_cast<uLong>(compressed.size()));
    if (status != Z_OK || length != expected) fail(file, source, "zlib block " + std::to_string(b) + " is damaged");
  }
  return out;
}

std::size_t typeSize(const std::string& type) {
  if (type == "Int8" || type == "UInt8") return 1;
  if (type == "Int16" || type == "UInt16") return 2;
  if (type == "Int32" || type == "UInt32" || type == "Float32") return 4;
  if (type == "Int64" || type == "UInt64" || type == "Float64") return 8;
  return 0;
}

template <typename Stored, typename Out>
Out convert(const char* bytes, bool swap) {
  char raw[sizeof(Stored)];
  std::memcpy(raw, bytes, sizeof(Stored));
  if (swap) std::reverse(raw, raw + sizeof(Stored));
  Stored value;
  std::memcpy(&value, raw, sizeof(Stored));
  if constexpr (std::is_integral_v<Out> && std::is_floating_point_v<Stored>) {
    // Indices stored as reals must be whole; anything else is out of any index range.
    return (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) ? static_cast<Out>(value) : Out{-1};
  } else if constexpr (std::is_integral_v<Out> && std::is_same_v<Stored, std::uint64_t>) {
    return value > static_cast<std::uint64_t>(std::numeric_limits<Out>::max()) ? Out{-1} : static_cast<Out>(value);
  } else {
    return static_cast<Out>(value);
  }
}

template <typename Out>
std::vector<Out> decodeBinary(const std::string& bytes, const ArraySource& source, const Encoding& encoding,
                              const std::string& file) {
  const std::size_t size = typeSize(source.type);
  if (bytes.size() % size != 0)
    fail(file, source, std::to_string(bytes.size()) + " bytes is not a whole number of " + source.type + " values");
  std::vector<Out> out(bytes.size() / size);
  const bool swap = encoding.bigEndian;
  const std::string& t = source.type;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char* p = bytes.data() + i * size;
    if (t == "Int8")
      out[i] = convert<std::int8_t, Out>(p, swap);
    else if (t == "UInt8")
      out[i] = convert<std::uint8_t, Out>(p, swap);
    else if (t == "Int16")
      out[i] = convert<std::int16_t, Out>(p, swap);
    else if (t == "UInt16")
      out[i] = convert<std::uint16_t, Out>(p, swap);
    else if (t == "Int32")
      out[i] = convert<std::int32_t, Out>(p, swap);
    else if (t == "UInt32")
      out[i] = convert<std::uint32_t, Out>(p, swap);
    else if (t == "Int64")
      out[i] = convert<std::int64_t, Out>(p, swap);
    else if (t == "UInt64")
      out[i] = convert<std::uint64_t, Out>(p, swap);
    else if (t == "Float32")
      out[i] = convert<float, Out>(p, swap);
    else
      out[i] = convert<double, Out>(p, swap);
  }
  return out;
}

template <typename Out>
std::vector<Out> decodeAscii(const ArraySource& source, const std::string& file) {
  std::vector<Out> out;
  const char* p = source.text.data();
  const char* end = p + source.text.size();
  while (true) {
    while (p < end && std::isspace(static_cast<unsigned char>(*p))) ++p;
    if (p == end) break;
    Out value{};
    const auto [next, error] = std::from_chars(p, end, value);
    if (error != std::errc() || (next < end && !std::isspace(static_cast<unsigned char>(*next)))) {
      const char* wordEnd = p;
      while (wordEnd < end && !std::isspace(static_cast<unsigned char>(*wordEnd)) && wordEnd - p < 24) ++wordEnd;
      fail(file, source, "'" + std::string(p, wordEnd) + "' is not " + (std::is_integral_v<Out> ? "an integer" : "a number"));
    }
    out.push_back(value);
    p = next;
  }
  return out;
}

template <typename Out>
std::vector<Out> readValues(const ArraySource& source, const Encoding& encoding, const std::string& file) {
  if (typeSize(source.type) == 0) fail(file, source, "type '" + source.type + "' is not a number type VTK writes");
  if (source.format == "ascii") return decodeAscii<Out>(source, file);
  if (source.format == "binary" || source.format == "appended")
    return decodeBinary<Out>(binaryBytes(source, encoding, file), source, encoding, file);
  fail(file, source, "format '" + source.format + "': expected ascii, binary or appended");
}

}  // namespace

std::vector<double> readReals(const ArraySource& source, const Encoding& encoding, const std::string& file) {
  return readValues<double>(source, encoding, file);
}

std::vector<std::int64_t> readIntegers(const ArraySource& source, const Encoding& encoding, const std::string& file) {
  return readValues<std::int64_t>(source, encoding, file);
}

}  // namespace medius::anatomy::vtkxml
