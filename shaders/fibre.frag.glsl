// Fibre ribbons in their compartment's colour (sRGB, unlit: a diagram drawn on the anatomy).
in vec3 ribbonColor;
out vec4 fragColor;

void main() { fragColor = vec4(ribbonColor, 1.0); }
