// Pushes each vertex outwards along its screen-space normal by a fixed number of pixels, so the
// selected structure gets an outline of the same width at any zoom. Placed as in mesh.vert.glsl.
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 normal;

uniform mat4 meshToModel;
uniform mat4 view;
uniform mat4 projection;
uniform vec2 viewportPixels;
uniform float outlinePixels;
uniform vec2 tileNdcScale;  // (1, 1), or how much a tile of a big image magnifies its normalised device coordinates

void main() {
  vec3 modelPosition, modelNormal;
  placedVertex(position, normal, meshToModel, modelPosition, modelNormal);
  vec4 clip = projection * view * vec4(modelPosition, 1.0);
  vec3 viewNormal = mat3(view) * modelNormal;
  vec2 screenNormal = (projection * vec4(viewNormal, 0.0)).xy / tileNdcScale;  // as in the whole image
  if (dot(screenNormal, screenNormal) > 1e-12) screenNormal = normalize(screenNormal);
  clip.xy += screenNormal * outlinePixels * 2.0 / viewportPixels * clip.w;
  gl_Position = clip;
}
