#pragma once
// Turns a GLSL compiler's log into messages a person can act on: file name, line number and the
// offending source line. Drivers write "0:12(5): error: ..." (Mesa) or "0(12) : error ..." (NVIDIA).
#include <string>
#include <string_view>

namespace medius::render {

std::string describeShaderLog(std::string_view fileName, std::string_view source, std::string_view log);

}  // namespace medius::render
