#pragma once
// Which cells of a muscle's grid hold the harmonic field fixed: those near the origin points
// (value 0) and near the insertion points (value 1). Attachment points often lie on the bone a few
// millimetres outside the muscle, so "near" is measured per point from the muscle cell closest to it.
#include "rig/fibre_grid.h"

#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig::detail {

enum class CellRole : std::uint8_t { Outside, Free, Origin, Insertion };

struct AttachmentCells {
  std::vector<CellRole> role;  // one per grid cell
  int originCells = 0;
  int insertionCells = 0;
  int freeCells = 0;
};

// A cell inside the muscle becomes an origin cell when it lies within (gap + shell) of an origin
// point, where gap is that point's distance to the muscle's nearest cell; the same for insertions.
// The shell starts at one cell and grows by half cells until each set has at least `minimumCells`
// cells. Points farther than a fifth of the muscle's size from it are ignored (another structure's
// surface, not this muscle's attachment). A cell claimed by both sets goes to the one it is
// relatively nearer. Inside cells connected to no attachment cell (voxel islands) become Outside.
// Throws InputError (naming `muscleName`) when either set gets no cell.
AttachmentCells attachmentCells(const FibreGrid& grid, const std::vector<glm::vec3>& originPoints,
                                const std::vector<glm::vec3>& insertionPoints, int minimumCells, const std::string& muscleName);

}  // namespace medius::rig::detail
