#pragma once
// The element tree of a VTK XML file (vtk_xml.h), enough of XML for what VTK writes: elements with
// attributes and text, comments, the <?xml ...?> declaration. Parsing stops at <AppendedData>,
// whose raw bytes after the '_' marker are not XML; its start is recorded instead.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace medius::anatomy::vtkxml {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::size_t> children;  // indices into Document::elements
  std::size_t textBegin = 0;          // the text between the start tag and the first child or end tag
  std::size_t textEnd = 0;
};

struct Document {
  std::vector<Element> elements;  // elements[0] is the root
  std::string appendedEncoding;   // "raw" or "base64" when the file has <AppendedData>
  std::size_t appendedStart = 0;  // the byte after the '_' that starts the appended data
  bool hasAppended = false;
};

// Throws InputError naming `file` on malformed markup (unclosed tags, mismatched end tags, no root).
Document scanXml(std::string_view bytes, const std::string& file);

}  // namespace medius::anatomy::vtkxml
