// What a muscle of the generated model is made of, as read from its recipe (muscle_recipe.h,
// assets/hip/muscles/*.json): its layer order, compartments (with OpenSim parameters), attachment
// patches built from the landmarks, and belly/tendon thickness profile. Right side only; the left
// side is the mirror in Z.
//
// Frames (ISB / OpenSim): pelvis frame X anterior, Y superior, Z right, origin midway between the
// ASIS; femur_r frame = pelvis frame translated to the right hip joint centre (neutral pose).
// Lengths in metres.
#pragma once

#include <glm/glm.hpp>

#include <optional>
#include <string>
#include <vector>

namespace medius::assetgen {

// Which surface a patch lies on; points of a patch on `Soft` tissue (ligament, fascia) are not
// projected onto a bone.
// Pelvis: the nearer of the hip bone and the sacrum (the structure is named after the nearer).
enum class AttachmentSurface { HipBone, Sacrum, Pelvis, Femur, Soft };

// A patch between two curves A(u) and B(u) (u in [0, 1], both resampled by arc length):
// point(u, v) = mix(A(u), B(u), v), then projected onto the patch's bone surface.
struct PatchSpec {
  std::string structure;  // hip_bone_r, sacrum, femur_r, or the soft tissue's id
  std::string segment;    // frame of the curve points: pelvis or femur_r
  AttachmentSurface surface;
  std::vector<glm::vec3> a;  // first boundary curve
  std::vector<glm::vec3> b;  // second boundary curve
  // When set, points farther than a few millimetres from the bone before projection are left
  // where they are and attached to this soft tissue instead (e.g. sacrotuberous_ligament).
  std::string softStructure = {};
  float softFromU = 0.0f;  // soft tissue only from this u on (e.g. the ligament after the coccyx)
  // Direction the attachment surface faces (the side the muscle lies on); sample points reach the
  // bone coming from this side, so a thin plate (the iliac blade) is never attached from behind.
  glm::vec3 facing{0.0f, 0.0f, 1.0f};
};

// One piece of a patch used by a compartment: the patch, and the u and v ranges it covers.
struct PatchRange {
  int patch = 0;  // index into MuscleSpec::originPatches or insertionPatches
  float u0 = 0, u1 = 1, v0 = 0, v1 = 1;
};

struct CompartmentSpec {
  std::string id;           // anterior, middle, posterior / superior, middle, inferior
  std::string name;         // e.g. Anterior fibres
  std::string opensimName;  // gait2392 muscle it corresponds to, e.g. glut_med1_r
  double maxIsometricForceN = 0;
  double optimalFibreLengthM = 0;
  double tendonSlackLengthM = 0;
  std::string source;
  PatchRange origin;
  PatchRange insertion;
  int fibresAcross = 4;  // fibres along u
  int fibresDeep = 3;    // fibres along v
};

// Radius of the swept fibre tubes along the fibre (t = 0 at the origin, 1 at the insertion).
struct ThicknessProfile {
  float origin = 0;  // fleshy origin
  float belly = 0;   // largest, at t = bellyAt
  float tendon = 0;  // at the insertion
  float bellyAt = 0.4f;
  float tendonFrom = 0.85f;  // the tendon keeps its radius from here to the insertion
  // Radius at the sheet's two side margins as a fraction of that in its middle (1: a slab of even
  // depth; less: a belly thick in the middle and thin at its borders, as a muscle in section).
  float edge = 1.0f;

  float radiusAt(float t) const;
  // Radius at t along the fibre and `across` (0 and 1 at the side margins, 0.5 in the middle).
  float radiusAt(float t, float across) const;
};

// The tendon (or aponeurosis) the muscle's fibres run into: in model.json a structure of its own
// (tissue "tendon", part_of the muscle) cut out of the muscle's mesh at load past `from` of the way
// along the fibres (anatomy/tendon_part.h).
struct TendonSpec {
  std::string name;  // starts with "Tendon of right "
  float from = 0.85f;
  float blend = 0.05f;
};

struct MuscleSpec {
  std::string id;                  // ends in _r
  std::string name;                // starts with "Right "
  int layer = 0;                   // 0 deepest; muscles are built deepest first, each around the deeper ones
  std::string colour;              // sRGB "#rrggbb" in the viewer (layers told apart at a glance)
  std::string originStructure;     // main bony origin (hip_bone_r)
  std::string insertionStructure;  // main bony insertion (femur_r)
  std::vector<PatchSpec> originPatches;
  std::vector<PatchSpec> insertionPatches;
  std::vector<CompartmentSpec> compartments;
  ThicknessProfile thickness;
  // Fibres of row v index j keep j * rowLift more clearance from the layer below, so fibres from
  // the far edge of a fan run over those from the near edge and the belly gets its depth.
  float rowLift = 0.0f;
  std::optional<TendonSpec> tendon;
};

}  // namespace medius::assetgen
