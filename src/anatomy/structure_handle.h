#pragma once
// A structure's stable handle: given once, when the structure joins its model
// (Model::addStructure), and never reused or renumbered. Appearance, the renderer's records, the
// ID buffer and picking all name structures by it, so adding, inserting or hiding a structure
// never shifts another's data the way a position in a list would.
#include <compare>
#include <cstdint>
#include <functional>

namespace medius::anatomy {

struct StructureHandle {
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::uint32_t value = kNone;  // the number the ID buffer stores (below 2^31)

  bool valid() const { return value != kNone; }
  auto operator<=>(const StructureHandle&) const = default;
};

}  // namespace medius::anatomy

template <>
struct std::hash<medius::anatomy::StructureHandle> {
  std::size_t operator()(const medius::anatomy::StructureHandle& handle) const noexcept {
    return std::hash<std::uint32_t>{}(handle.value);
  }
};
