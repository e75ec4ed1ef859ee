#pragma once
// How thick a muscle is at one end: its volume up to a given place along its long axis, and the
// mean cross-section of that end part (the volume over its length along the axis).
#include "anatomy/triangle_mesh.h"
#include "rig/muscle_axis.h"

namespace medius::rig {

// Volume of the closed muscle where s <= sLimit (the distal part once the axis is oriented), in
// cubic metres for a mesh in metres. Exact for a closed mesh: the divergence theorem with the field
// ((x − x₀)·a) a, which vanishes on the cutting plane (a: the axis, x₀: on the plane), summed over
// the triangles clipped to the half-space. Absolute value: the winding does not matter.
double volumeUpTo(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double sLimit);

// Mean cross-section of the muscle's distal end part (s <= fraction), square metres: its volume over
// its length along the axis (fraction × axis.length). 0 for fraction <= 0.
double endCrossSection(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double fraction);

}  // namespace medius::rig
