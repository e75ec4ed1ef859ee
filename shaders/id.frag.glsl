// Writes the structure's index into the integer ID buffer used for picking, and the window depth
// into a second buffer where there is one (WebGL 2 cannot read depth back: render/gl/id_target.h).
// On a muscle's tendon part (tendon weight over one half) it writes the tendon's index instead.
layout(location = 0) out int structureIdOut;
layout(location = 1) out float windowDepthOut;
uniform int structureId;
uniform int tendonId;  // -1: no tendon part
in float tendonPart;   // mesh.vert.glsl

void main() {
  structureIdOut = tendonId >= 0 && tendonPart >= 0.5 ? tendonId : structureId;
  windowDepthOut = gl_FragCoord.z;
}
