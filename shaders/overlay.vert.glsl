// 2D overlay (labels, leader lines, landmark markers) given in image pixels, origin top left.
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;

uniform vec2 viewportPixels;
out vec2 glyphUv;
out vec4 overlayColor;

void main() {
  glyphUv = uv;
  overlayColor = color;
  gl_Position = vec4(position.x / viewportPixels.x * 2.0 - 1.0, 1.0 - position.y / viewportPixels.y * 2.0, 0.0, 1.0);
}
