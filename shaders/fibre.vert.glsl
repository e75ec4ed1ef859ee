// Fibre ribbons: already in the model frame and facing the camera; just project them.
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 color;

uniform mat4 viewProjection;
out vec3 ribbonColor;

void main() {
  ribbonColor = color;
  gl_Position = viewProjection * vec4(position, 1.0);
}
