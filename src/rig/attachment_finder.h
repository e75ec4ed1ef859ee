#pragma once
// Origins and insertions found where a real muscle meets its bones: the bone surface the muscle
// touches, and where the segmentation stops short of the bone (a tendon not segmented), the bone
// reached by following the muscle's fibre direction on from its end. All in metres, one frame.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <string>
#include <vector>

namespace medius::rig {

struct AttachmentBone {
  std::string structure;  // the bone's id in the model being built
  const anatomy::TriangleMesh* mesh = nullptr;
  bool proximal = true;  // on the root segment (pelvis): origins; else insertions
};

struct FoundAttachment {
  std::string structure;                // which bone
  bool origin = true;                   // proximal bone: origin; distal: insertion
  std::vector<std::uint32_t> vertices;  // bone-mesh vertices of the region, ascending
  double areaSquareMetres = 0.0;
  bool followedFibres = false;    // reached by following the fibre direction past a gap
  double bridgedGapMetres = 0.0;  // how far the muscle stops short of this region (median)
};

struct AttachmentOptions {
  double contactDistance = 0.003;  // bone within this of the muscle surface touches it
};

// Every attachment region of `muscle` on `bones`. Empty when the muscle meets no bone (the caller
// names the file and the structure in its message). Throws InputError naming the mesh (its name)
// or the bone (its structure) for a bone without a mesh, an index out of range or a coordinate
// that is not finite. How regions are found: attachment_finder.cpp.
std::vector<FoundAttachment> findAttachments(const anatomy::TriangleMesh& muscle, const std::vector<AttachmentBone>& bones,
                                             const AttachmentOptions& options = {});

}  // namespace medius::rig
