// Lighting that reads on a projector: a key light from the upper left, a soft fill from the right,
// a hemisphere ambient (sky above, warm ground below) and a rim that separates the shape from the
// background. Computed in linear light, written out as sRGB. The surface's albedo comes from
// mesh_surface.glsl or plain_surface.glsl, prepended.
in vec3 viewPosition;
in vec3 viewNormal;
in float ambientVisibility;  // baked ambient occlusion: 1 open, 0 enclosed (1 on meshes without it)
in float tendonPart;         // 1 on a muscle's tendon part, 0 elsewhere (mesh.vert.glsl)
out vec4 fragColor;

uniform vec3 baseColor;     // linear RGB
uniform float specularStrength;
uniform float shininess;
uniform float sheen;        // 0, or 1 for a tendon's sharper, whiter highlight (render/structure_style.h)
uniform vec3 tendonColor;   // the look of a muscle's tendon part (render::tendonStyle), blended in by tendonPart
uniform float tendonSpecular;
uniform float tendonShininess;
uniform float tendonSheen;
uniform float opacity;      // 1 opaque
uniform float highlight;    // 0 normal, 1 under the cursor
uniform int attachmentsOnly;  // 1: draw only the highlighted regions (again, through the muscles over them)
uniform vec2 ditherRange;  // this pass draws the pixels whose screen-door value lies in [x, y) (render/detail_fade.h)

// The sRGB curve from three square roots instead of a power (exp and log polynomials on a
// software renderer): within 0.25 of an 8-bit step of the exact curve everywhere.
vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
  vec3 curve = 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
  return mix(c * 12.92, curve, step(0.0031308, c));
}

// A value per pixel, spread evenly over [0, 1) without a visible pattern (interleaved gradient
// noise): the mask of a level-of-detail cross-fade.
float screenDoorValue() { return fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715)))); }

void main() {
  if (ditherRange.x > 0.0 || ditherRange.y <= 1.0) {
    float value = screenDoorValue();
    if (value < ditherRange.x || value >= ditherRange.y) discard;
  }
  vec3 n = normalize(viewNormal);
  vec3 toEye = normalize(-viewPosition);
  if (!gl_FrontFacing) n = -n;  // open meshes show their inside lit, not black
  n = surfaceNormal(n, viewPosition);  // the fascicle relief on muscles (mesh_surface.glsl)
  // Baked occlusion darkens the light that comes from everywhere (ambient) or from the side (fill,
  // rim); the key light keeps its own shading, so creases and contacts read without muddy shadows.
  float visibility = clamp(ambientVisibility, 0.0, 1.0);

  const vec3 keyDirection = normalize(vec3(-0.45, 0.65, 0.6));
  const vec3 fillDirection = normalize(vec3(0.7, -0.1, 0.7));
  float key = max(dot(n, keyDirection), 0.0);
  float fill = max(dot(n, fillDirection), 0.0);
  float hemisphere = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.16, 0.14, 0.13), vec3(0.26, 0.28, 0.32), hemisphere);
  vec3 halfway = normalize(keyDirection + toEye);
  float tendon = clamp(tendonPart, 0.0, 1.0);
  float specularHere = mix(specularStrength, tendonSpecular, tendon);
  float shininessHere = mix(shininess, tendonShininess, tendon);
  float sheenHere = mix(sheen, tendonSheen, tendon);
  float specular = specularHere * pow(max(dot(n, halfway), 0.0), shininessHere) * step(0.0, dot(n, keyDirection));
  if (sheenHere > 0.0)
    specular += sheenHere * 0.55 * pow(max(dot(n, halfway), 0.0), 6.0 * shininessHere) * step(0.0, dot(n, keyDirection));
  float facing = 1.0 - max(dot(n, toEye), 0.0);
  float rim = facing * facing * facing;

  float glow = 0.0;
  vec3 albedo = surfaceAlbedo(mix(baseColor, tendonColor, tendon), glow);
  visibility = mix(visibility, 1.0, glow);  // highlighted origins and insertions keep their colours under a muscle
  vec3 light = albedo * (visibility * ambient + 0.25 * glow + 0.85 * key * vec3(1.0, 0.97, 0.92)
                        + 0.25 * visibility * fill * vec3(0.85, 0.9, 1.0))
             + specular * vec3(1.0) + (0.18 + 0.5 * highlight) * visibility * rim * vec3(0.8, 0.85, 1.0);
  light = mix(light, light * 1.25 + vec3(0.03, 0.025, 0.0), highlight);
  if (attachmentsOnly == 1) {
    if (glow < 0.01) discard;
    fragColor = vec4(linearToSrgb(light), 0.8 * glow);
    return;
  }
  fragColor = vec4(linearToSrgb(light), opacity);
}
