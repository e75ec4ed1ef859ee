// Signed distance field of the sacrum with the coccyx in the pelvis frame (metres; X anterior,
// Y superior, Z right): a curved wedge with alae, shallow anterior sacral foramina and the coccyx.
#pragma once

#include "landmarks.h"
#include "thick_patch.h"
#include "tube.h"

#include <vector>

namespace medius::assetgen {

class SacrumField {
public:
    explicit SacrumField(const LandmarkSet& landmarks);
    float distance(glm::vec3 p) const;

private:
    ThickPatch wedge_;
    Tube coccyx_;
    Tube promontory_;
    Tube medianCrest_;
    std::vector<glm::vec3> foramina_;  // centres of the pits (both sides)
    float foramenRadius_;
};

}  // namespace medius::assetgen
