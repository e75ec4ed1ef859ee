#include "anatomy/vtk_xml_scan.h"

#include "core/error.h"

#include <cctype>

namespace medius::anatomy::vtkxml {
namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '-' || c == '.'; }

class Scanner {
 public:
  Scanner(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(file_ + ": VTK XML, byte " + std::to_string(position_) + ": " + what);
  }

  Document run() {
    std::vector<std::size_t> open;  // the elements whose end tag is still to come
    while (true) {
      const std::size_t lt = bytes_.find('<', position_);
      if (lt == std::string_view::npos) break;
      if (!open.empty() && document_.elements[open.back()].children.empty() && document_.elements[open.back()].textEnd == 0)
        document_.elements[open.back()].textEnd = lt;
      position_ = lt;
      if (startsWith("<?")) {
        skipPast("?>");
      } else if (startsWith("<!--")) {
        skipPast("-->");
      } else if (startsWith("<!")) {
        skipPast(">");
      } else if (startsWith("</")) {
        position_ += 2;
        const std::string name = readName();
        skipSpace();
        if (position_ >= bytes_.size() || bytes_[position_] != '>') fail("unterminated end tag </" + name);
        ++position_;
        if (open.empty() || document_.elements[open.back()].name != name)
          fail("end tag </" + name + "> does not match " +
               (open.empty() ? std::string("any open element") : "<" + document_.elements[open.back()].name + ">"));
        open.pop_back();
        if (open.empty()) return finish();
      } else {
        ++position_;
        if (open.empty() && !document_.elements.empty()) fail("a second root element");
        const std::size_t index = document_.elements.size();
        document_.elements.emplace_back();
        document_.elements[index].name = readName();
        const bool closed = readAttributes(document_.elements[index]);
        if (!open.empty()) document_.elements[open.back()].children.push_back(index);
        if (document_.elements[index].name == "AppendedData") {
          startAppended(document_.elements[index]);
          return finish();
        }
        if (!closed) {
          document_.elements[index].textBegin = position_;
          open.push_back(index);
        } else if (open.empty()) {
          return finish();
        }
      }
    }
    if (!open.empty()) fail("the file ends inside <" + document_.elements[open.back()].name + ">");
    return finish();
  }

 private:
  Document finish() {
    if (document_.elements.empty()) fail("no XML element");
    return std::move(document_);
  }
  bool startsWith(std::string_view prefix) const { return bytes_.substr(position_, prefix.size()) == prefix; }
  void skipPast(std::string_view end) {
    const std::size_t at = bytes_.find(end, position_);
    if (at == std::string_view::npos) fail("the file ends inside markup");
    position_ = at + end.size();
  }
  void skipSpace() {
    while (position_ < bytes_.size() && std::isspace(static_cast<unsigned char>(bytes_[position_]))) ++position_;
  }
  std::string readName() {
    const std::size_t start = position_;
    while (position_ < bytes_.size() && isNameChar(bytes_[position_])) ++position_;
    if (position_ == start) fail("expected an element or attribute name");
    return std::string(bytes_.substr(start, position_ - start));
  }
  // Reads `name="value"` pairs up to '>' or '/>'; true for a self-closing tag.
  bool readAttributes(Element& element) {
    while (true) {
      skipSpace();
      if (position_ >= bytes_.size()) fail("the file ends inside <" + element.name + ">");
      if (bytes_[position_] == '>') {
        ++position_;
        return false;
      }
      if (startsWith("/>")) {
        position_ += 2;
        return true;
      }
      const std::string key = readName();
      skipSpace();
      if (position_ >= bytes_.size() || bytes_[position_] != '=')
        fail("attribute " + key + " of <" + element.name + "> has no value");
      ++position_;
      skipSpace();
      if (position_ >= bytes_.size() || (bytes_[position_] != '"' && bytes_[position_] != '\''))
        fail("attribute " + key + " of <" + element.name + ">: expected a quoted value");
      const char quote = bytes_[position_++];
      const std::size_t end = bytes_.find(quote, position_);
      if (end == std::string_view::npos) fail("the file ends inside attribute " + key);
      element.attributes[key] = std::string(bytes_.substr(position_, end - position_));
      position_ = end + 1;
    }
  }
  void startAppended(const Element& element) {
    const auto encoding = element.attributes.find("encoding");
    document_.appendedEncoding = encoding == element.attributes.end() ? "raw" : encoding->second;
    const std::size_t marker = bytes_.find('_', position_);
    if (marker == std::string_view::npos) fail("<AppendedData> without the '_' that starts its data");
    document_.appendedStart = marker + 1;
    document_.hasAppended = true;
  }

  std::string_view bytes_;
  const std::string& file_;
  std::size_t position_ = 0;
  Document document_;
};

}  // namespace

Document scanXml(std::string_view bytes, const std::string& file) { return Scanner(bytes, file).run(); }

}  // namespace medius::anatomy::vtkxml
