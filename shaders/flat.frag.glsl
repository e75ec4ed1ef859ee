// One colour (sRGB), for outlines and stencil passes.
out vec4 fragColor;
uniform vec4 color;

void main() { fragColor = color; }
