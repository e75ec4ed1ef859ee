// A quiet vertical gradient: it gives depth without competing with the anatomy, and keeps contrast
// with ivory bone on a projector. Colours are sRGB values, written as they are.
in vec2 screenPosition;
out vec4 fragColor;

uniform vec3 topColor;
uniform vec3 bottomColor;
uniform vec2 verticalSpan;  // this viewport's bottom and top within the whole image (0..1): tiles of a big image


void main() {
  float t = smoothstep(0.0, 1.0, mix(verticalSpan.x, verticalSpan.y, screenPosition.y));
  fragColor = vec4(mix(bottomColor, topColor, t), 1.0);
}
