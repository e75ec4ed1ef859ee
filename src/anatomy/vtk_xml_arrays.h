#pragma once
// The values of one <DataArray> of a VTK XML file (vtk_xml.h) in any of its encodings: ascii text,
// inline "binary" (base64 of a byte-count header and the data, optionally zlib-compressed in
// blocks by vtkZLibDataCompressor) and "appended" (raw or base64 bytes after <AppendedData>'s '_').
// Types Int8..Int64, UInt8..UInt64, Float32, Float64; either byte order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medius::anatomy::vtkxml {

// How the file stores its binary data, from <VTKFile>'s attributes.
struct Encoding {
  bool bigEndian = false;
  bool uint64Header = false;  // header_type="UInt64"; "UInt32" (the default) otherwise
  bool zlib = false;          // compressor="vtkZLibDataCompressor"
};

// Where one array's values are.
struct ArraySource {
  std::string type;        // "Float32", "Int64", ...
  std::string format;      // "ascii", "binary", "appended"
  std::string_view text;   // ascii / binary: the element's text
  std::string_view bytes;  // appended: from the array's offset to the end of the file
  bool appendedBase64 = false;
  std::string what;  // for messages: "Points", "Polys connectivity"
};

// Every value as double / as integer. Throws InputError naming `file` and source.what on an
// unknown type or format, damaged base64 or zlib data, a byte count beyond the file, or text that
// is not a number (integers must be whole).
std::vector<double> readReals(const ArraySource& source, const Encoding& encoding, const std::string& file);
std::vector<std::int64_t> readIntegers(const ArraySource& source, const Encoding& encoding, const std::string& file);

}  // namespace medius::anatomy::vtkxml
