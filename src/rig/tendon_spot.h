#pragma once
// A tendon spot: where a muscle's segmented tip itself reaches the bone (the tendon was segmented
// down to its footprint), the insertion is the small patch of bone the tip rests on, not all the
// bone the distal belly lies along.
#include "anatomy/triangle_mesh.h"
#include "rig/muscle_axis.h"
#include "rig/surface_graph.h"

#include <vector>

namespace medius::rig {

// The muscle's tip: the triangles of its terminal part (s <= terminalFraction) that lie within one
// tip width of the part's extreme along the part's own direction (its principal axis, pointing
// away from the belly). Tip width: the extent across the terminal part, 2·√3 times its second
// principal standard deviation (the full width of a uniform spread).
struct MuscleTip {
  anatomy::TriangleMesh mesh;  // positions of the muscle, the tip's triangles only
  double widthMetres = 0.0;
};
MuscleTip muscleTip(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double terminalFraction);

// Flags per bone vertex: the spot under the tip when the tip touches the bone (some bone vertex
// facing it lies within `touch` of it), else all zero. The spot: bone vertices within `spread` of
// the tip whose outward normal lies within 60° of the direction to the tip's nearest point.
std::vector<char> tendonSpot(const anatomy::TriangleMesh& bone, const SurfaceGraph& graph, const MuscleTip& tip, float touch,
                             float spread);

}  // namespace medius::rig
