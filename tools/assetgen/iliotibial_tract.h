// The iliotibial tract of the right thigh: a band of tendon tissue (the thickened lateral part of
// the fascia lata) wrapped around the lateral side of the femur at a distance, from the level of
// the greater trochanter, where the upper fibres of gluteus maximus end on it, down to the lateral
// epicondyle (the model has no tibia, where it really ends). Built from landmarks.json: the
// femoral shaft axis, the trochanter tip and the lateral epicondyle for its course, and the
// profiles iliotibial_tract_width and iliotibial_tract_offset and the scalar
// iliotibial_tract_thickness for its shape. Femur frame (origin at the hip joint centre), metres;
// the left side is the mirror in Z.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "bone_fields.h"
#include "landmarks.h"

namespace medius::assetgen {

// A closed, outward-facing mesh of the band (a box of rows x columns x 2 surfaces). Throws
// LandmarkError when a landmark it needs is missing.
anatomy::TriangleMesh buildIliotibialTract(const LandmarkSet& landmarks, const BoneFields& fields);

}  // namespace medius::assetgen
