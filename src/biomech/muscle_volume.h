#pragma once
// Keeps every deformed muscle's enclosed volume at its rest value. Each fibre's own bulge
// (fibre_frames.h) keeps a lone fibre's volume, but a muscle is a sheet of fibres whose width
// comes from the spacing of the fibres, which no fibre's bulge changes; in abduction gluteus
// minimus would lose about a third of its volume. So per muscle and frame one extra bulge β,
// added to all of its fibres, is solved so that the enclosed volume equals the rest volume. The
// volume is measured on a simplified copy of the mesh (meshoptimizer; about 800 triangles),
// whose vertices are vertices of the full mesh with the same bindings: the volume is a cubic in
// β, solved by Newton's method.
#include "anatomy/model.h"
#include "biomech/fibre_frames.h"
#include "biomech/fibre_paths.h"
#include "biomech/muscle_skin.h"

#include <cstdint>
#include <vector>

namespace medius::biomech {

class MuscleVolumeKeeper {
 public:
  // `paths` is at the neutral pose (`neutral`), `rest` its frames.
  MuscleVolumeKeeper(const anatomy::Model& model, const FibrePaths& paths, const std::vector<MuscleBinding>& bindings,
                     const FibreFrames& rest, const SegmentTransforms& neutral);

  // Adds each muscle's β to the bulge of its fibres. The volume counts the vertices after
  // keepOutOfBones (muscle_skin.h), so the volume a muscle loses where it slides over bone is
  // made up elsewhere.
  // A muscle whose fibres did not move since the last call keeps its last β (the standing leg's
  // muscles cost nothing).
  void keepVolumes(FibreFrames& frames, const std::vector<BoneField>& bones, const SegmentTransforms& transforms);

  // Enclosed volume of muscle `binding` (index into the bindings) on its simplified mesh, m³.
  double proxyVolume(std::size_t binding, const FibreFrames& frames, const std::vector<BoneField>& bones,
                     const SegmentTransforms& transforms) const;

 private:
  struct Proxy {
    std::vector<std::uint32_t> vertices;  // into the muscle's mesh (and binding)
    std::vector<std::uint32_t> indices;   // triangles over `vertices` positions
    std::vector<std::uint32_t> fibres;    // the muscle's fibres
    double restVolume = 0.0;
    std::vector<FibreFrameSample> lastSamples;  // its fibres' frames at the last solve
    float lastBeta = 0.0f;
  };
  // The deformed proxy vertices and their bulge directions.
  void deformProxy(std::size_t binding, const FibreFrames& frames, const std::vector<BoneField>& bones,
                   const SegmentTransforms& transforms, std::vector<glm::dvec3>& positions,
                   std::vector<glm::dvec3>& bulgeDirections) const;
  const std::vector<MuscleBinding>& bindings_;
  std::vector<Proxy> proxies_;
};

}  // namespace medius::biomech
