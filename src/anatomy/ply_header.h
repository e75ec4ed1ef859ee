#pragma once
// A strict check of PLY headers before Assimp sees the file. Debian's Assimp 5.2.4 crashes
// (SIGSEGV) or loops for minutes on PLY files with damaged header lines; the fuzz target
// tests/fuzz/fuzz_mesh_import.cpp found both (crashers in tests/fuzz/mesh_import/crashers/).
// Well-formed headers pass unchanged; docs/ROBUSTNESS.md lists what is rejected.
#include <filesystem>

namespace medius::anatomy {

// For a file named *.ply or starting with "ply": throws InputError naming the file, the header
// line and what is wrong unless the header is "ply", a known format line, then only comment,
// obj_info, element NAME COUNT and property lines of known types up to end_header (within the
// first 64 KiB), and the elements' declared counts fit in the rest of the file. Other files: no-op.
void checkPlyHeader(const std::filesystem::path& path);

}  // namespace medius::anatomy
