// Places a mesh vertex in the model frame (rigidly with its segment, or deformed with its fibres:
// muscle_deform.glsl, prepended) and into view space for lighting (the camera carries the lights).
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 normal;
layout(location = 2) in vec2 attachment;  // origin, insertion: 1 on a highlighted region's vertices
layout(location = 3) in float fibre;      // place across a muscle's fibres (0, 1, 2... at fibres); -1 elsewhere
layout(location = 13) in float occlusion; // baked ambient visibility (anatomy/ambient_occlusion.h); 1 where none
layout(location = 14) in float tendon;    // how much of a muscle is tendon here (anatomy/tendon_part.h); 0 elsewhere

uniform mat4 meshToModel;
uniform mat4 view;  // rigid: its rotation also turns normals
uniform mat4 projection;

out vec3 viewPosition;
out vec3 viewNormal;
out vec2 attachmentWeight;
out float fibreCoordinate;
out vec4 activationTint;     // the activation colour of the fibres here; alpha 1 on a shaded muscle, 0 elsewhere
out float lengtheningShade;  // the fibres' mark here (mesh_surface.glsl draws it); 0 off a muscle
out float ambientVisibility;
out float placeAlongFibre;    // 0–1 along the bound fibre on a deformed muscle, -1 elsewhere (no fascicle relief)
out float tendonPart;        // 0 muscle (or no tendon), 1 tendon; blended across the muscle-tendon junction

uniform int showActivation;     // 1: a muscle's colour comes from its fibres' activation
uniform vec3 activationMap[5];  // render/colour_map.h, linear RGB at 0, 0.25, 0.5, 0.75, 1

// render::activationColour's map, piecewise linear through its five points. Mapped per vertex,
// not per fragment: the activation is itself interpolated between vertices, and a software
// renderer shades far more fragments than vertices.
vec3 mappedActivation(float activation) {
  float x = clamp(activation, 0.0, 1.0) * 4.0;
  vec3 mapped = activationMap[0];
  for (int i = 0; i < 4; ++i) mapped += (activationMap[i + 1] - activationMap[i]) * clamp(x - float(i), 0.0, 1.0);
  return mapped;
}

void main() {
  vec3 modelPosition, modelNormal;
  placedVertex(position, normal, meshToModel, modelPosition, modelNormal);
  vec4 p = view * vec4(modelPosition, 1.0);
  vec2 shading = showActivation == 1 ? fibreShading() : vec2(-1.0, 0.0);
  bool shaded = shading.x >= 0.0;
  viewPosition = p.xyz;
  viewNormal = mat3(view) * modelNormal;
  attachmentWeight = attachment;
  ambientVisibility = occlusion;
  placeAlongFibre = fibrePlace();
  fibreCoordinate = fibre;
  tendonPart = clamp(tendon, 0.0, 1.0);
  // A tendon does not contract: it keeps its own look, with neither activation colour nor marks.
  lengtheningShade = shaded && tendonPart < 0.5 ? shading.y : 0.0;
  // The map's colour at every activation, 0 % included: an idle muscle never keeps its own colour,
  // which would read as some activation on the legend (issue 13).
  activationTint = shaded ? vec4(mappedActivation(shading.x), 1.0 - tendonPart) : vec4(0.0);
  gl_Position = projection * p;
}
