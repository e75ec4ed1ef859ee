// Places a mesh vertex in the model frame (rigidly with its segment, or deformed with its fibres:
// muscle_deform.glsl, prepended) and into view space for lighting (the camera carries the lights).
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 normal;
layout(location = 2) in vec2 attachment;  // origin, insertion: 1 on a highlighted region's vertices
layout(location = 3) in float fibre;      // place across a muscle's fibres (0, 1, 2... at fibres); -1 elsewhere

uniform mat4 meshToModel;
uniform mat4 view;  // rigid: its rotation also turns normals
uniform mat4 projection;

out vec3 viewPosition;
out vec3 viewNormal;
out vec2 attachmentWeight;
out float fibreCoordinate;
out vec2 activationShading;  // activation, lengthening of the fibres here; activation -1 off a muscle

void main() {
  vec3 modelPosition, modelNormal;
  placedVertex(position, normal, meshToModel, modelPosition, modelNormal);
  vec4 p = view * vec4(modelPosition, 1.0);
  viewPosition = p.xyz;
  viewNormal = mat3(view) * modelNormal;
  attachmentWeight = attachment;
  fibreCoordinate = fibre;
  activationShading = fibreShading();
  gl_Position = projection * p;
}
