// Solid shapes (uv < 0) or text, whose coverage comes from the font atlas.
in vec2 glyphUv;
in vec4 overlayColor;
out vec4 fragColor;

uniform sampler2D glyphs;

void main() {
  float coverage = glyphUv.x < 0.0 ? 1.0 : texture(glyphs, glyphUv).r;
  fragColor = vec4(overlayColor.rgb, overlayColor.a * coverage);
}
