// A muscle's volume as a signed distance grid swept along its fibres, and its surface mesh.
// The volume is the union of tubes around the fibres (radius from the belly/tendon thickness
// profile, thinner towards the sheet's margins; extra tubes interpolated between neighbouring
// fibres close the sheet), smoothed into one belly, minus the bones
// and minus the deeper muscles, so layers never intersect. Pelvis frame, metres.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "muscle_fibre_router.h"
#include "muscle_spec.h"
#include "sdf_grid.h"

#include <vector>

namespace medius::assetgen {

// Fibres of one muscle as rows: rows[r] is a list of fibres ordered across the muscle (u), rows
// ordered from one boundary to the other (v). Neighbours in both directions get interpolated tubes.
struct FibreSheet {
  std::vector<std::vector<Polyline>> rows;
};

struct VolumeSettings {
  float spacing = 0.0015f;  // grid step
  float gap = 0.0005f;      // kept free between this muscle and the bones / deeper muscles
  int blurPasses = 4;       // [1 2 1] passes per axis over the union of tubes (4: sigma of 1.4 cells)
  int threads = 2;
};

// Signed distance grid of the muscle volume (negative inside).
SdfGrid buildMuscleVolume(const FibreSheet& sheet, const ThicknessProfile& thickness, const DistanceFunction& bones,
                          const std::vector<const SdfGrid*>& deeper, const VolumeSettings& settings);

// Closed surface of the volume: marching tetrahedra, the largest connected piece, Taubin smoothing,
// simplification to `triangleBudget`, area-weighted normals. Vertices that smoothing and
// simplification left inside `keepOutOf` (the bones; null: none) are moved back out along its
// gradient to `clearance` (a thin spine under the muscle can be shaved through otherwise).
anatomy::TriangleMesh meshMuscleVolume(const SdfGrid& volume, size_t triangleBudget, const DistanceFunction* keepOutOf = nullptr,
                                       float clearance = 0.0f);

}  // namespace medius::assetgen
