// Lighting that reads on a projector: a key light from the upper left, a soft fill from the right,
// a hemisphere ambient (sky above, warm ground below) and a rim that separates the shape from the
// background. Computed in linear light, written out as sRGB. The surface's albedo comes from
// mesh_surface.glsl or plain_surface.glsl, prepended.
in vec3 viewPosition;
in vec3 viewNormal;
out vec4 fragColor;

uniform vec3 baseColor;     // linear RGB
uniform float specularStrength;
uniform float shininess;
uniform float opacity;      // 1 opaque
uniform float highlight;    // 0 normal, 1 under the cursor
uniform int attachmentsOnly;  // 1: draw only the highlighted regions (again, over see-through muscles)

vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
  vec3 n = normalize(viewNormal);
  vec3 toEye = normalize(-viewPosition);
  if (!gl_FrontFacing) n = -n;  // open meshes show their inside lit, not black

  const vec3 keyDirection = normalize(vec3(-0.45, 0.65, 0.6));
  const vec3 fillDirection = normalize(vec3(0.7, -0.1, 0.7));
  float key = max(dot(n, keyDirection), 0.0);
  float fill = max(dot(n, fillDirection), 0.0);
  float hemisphere = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.16, 0.14, 0.13), vec3(0.26, 0.28, 0.32), hemisphere);
  vec3 halfway = normalize(keyDirection + toEye);
  float specular = specularStrength * pow(max(dot(n, halfway), 0.0), shininess) * step(0.0, dot(n, keyDirection));
  float rim = pow(1.0 - max(dot(n, toEye), 0.0), 3.0);

  float glow = 0.0;
  vec3 albedo = surfaceAlbedo(baseColor, glow);
  vec3 light = albedo * (ambient + 0.25 * glow + 0.85 * key * vec3(1.0, 0.97, 0.92) + 0.25 * fill * vec3(0.85, 0.9, 1.0))
             + specular * vec3(1.0) + (0.18 + 0.5 * highlight) * rim * vec3(0.8, 0.85, 1.0);
  light = mix(light, light * 1.25 + vec3(0.03, 0.025, 0.0), highlight);
  if (attachmentsOnly == 1) {
    if (glow < 0.5) discard;
    fragColor = vec4(linearToSrgb(light), 0.8);
    return;
  }
  fragColor = vec4(linearToSrgb(light), opacity);
}
