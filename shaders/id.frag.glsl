// Writes the structure's index into the integer ID buffer used for picking, and the window depth
// into a second buffer where there is one (WebGL 2 cannot read depth back: render/gl/id_target.h).
layout(location = 0) out int structureIdOut;
layout(location = 1) out float windowDepthOut;
uniform int structureId;

void main() {
  structureIdOut = structureId;
  windowDepthOut = gl_FragCoord.z;
}
