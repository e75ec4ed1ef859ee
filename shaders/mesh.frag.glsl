// Lighting that reads on a projector: a key light from the upper left, a soft fill from the right,
// a hemisphere ambient (sky above, warm ground below) and a rim that separates the shape from the
// background. Computed in linear light, written out as sRGB.
in vec3 viewPosition;
in vec3 viewNormal;
in vec2 attachmentWeight;
in float fibreCoordinate;
in vec4 activationTint;  // mesh.vert.glsl: the activation colour and how much it replaces the muscle's own
in float lengtheningShade;
out vec4 fragColor;

uniform vec3 baseColor;     // linear RGB
uniform float specularStrength;
uniform float shininess;
uniform float opacity;      // 1 opaque
uniform float highlight;    // 0 normal, 1 under the cursor
uniform int attachmentsOnly;  // 1: draw only the highlighted regions (again, over see-through muscles)
uniform vec3 lengtheningColor;  // linear RGB of the hatching on lengthening fibres
uniform vec2 ditherRange;  // this pass draws the pixels whose screen-door value lies in [x, y) (render/detail_fade.h)

// Atlas convention: origin red, insertion blue (linear RGB).
const vec3 originColor = vec3(0.78, 0.04, 0.03);
const vec3 insertionColor = vec3(0.03, 0.20, 0.86);

// Regions are crisp: the interpolated per-vertex weight is cut at one half, and a thin dark rim
// (one pixel, from the screen-space derivative) outlines them so they read on a projector.
vec3 withAttachments(vec3 albedo, out float glow) {
  float origin = step(0.5, attachmentWeight.x);
  float insertion = step(0.5, attachmentWeight.y);
  glow = max(origin, insertion);
  albedo = mix(albedo, originColor, origin);
  albedo = mix(albedo, insertionColor, insertion);
  vec2 distanceToEdge = abs(attachmentWeight - 0.5) / max(fwidth(attachmentWeight), vec2(1e-5));
  float rim = 1.0 - smoothstep(0.5, 1.5, min(distanceToEdge.x, distanceToEdge.y));
  rim *= step(0.001, max(attachmentWeight.x, attachmentWeight.y));  // no rim on unmarked bone
  return albedo * (1.0 - 0.75 * rim);
}

// Diagonal stripes in screen space, about 7 px apart, on fibres the motion lengthens.
float hatching(float lengthening) {
  if (lengthening < 0.02) return 0.0;
  float stripe = step(0.55, fract((gl_FragCoord.x + gl_FragCoord.y) / 7.0));
  return stripe * (0.35 + 0.5 * clamp(lengthening, 0.0, 1.0));
}

// The sRGB curve from three square roots instead of a power (exp and log polynomials on a
// software renderer): within 0.25 of an 8-bit step of the exact curve everywhere.
vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
  vec3 curve = 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
  return mix(c * 12.92, curve, step(0.0031308, c));
}

// Fine stripes along the fibres (isolines of the fibre coordinate), so a muscle's fan reads
// without fibre lines. They fade out where they would be finer than a couple of pixels.
float striation() {
  if (fibreCoordinate < 0.0) return 0.0;
  const float stripesPerFibre = 2.0;
  float s = fibreCoordinate * stripesPerFibre;
  float visibility = 1.0 - smoothstep(0.2, 0.45, fwidth(s));
  return visibility * (0.5 + 0.5 * cos(6.2831853 * s));
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

  const vec3 keyDirection = normalize(vec3(-0.45, 0.65, 0.6));
  const vec3 fillDirection = normalize(vec3(0.7, -0.1, 0.7));
  float key = max(dot(n, keyDirection), 0.0);
  float fill = max(dot(n, fillDirection), 0.0);
  float hemisphere = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.16, 0.14, 0.13), vec3(0.26, 0.28, 0.32), hemisphere);
  vec3 halfway = normalize(keyDirection + toEye);
  float specular = specularStrength * pow(max(dot(n, halfway), 0.0), shininess) * step(0.0, dot(n, keyDirection));
  float facing = 1.0 - max(dot(n, toEye), 0.0);
  float rim = facing * facing * facing;

  float glow = 0.0;
  vec3 base = mix(baseColor, activationTint.rgb, activationTint.a);
  base = mix(base, lengtheningColor, hatching(lengtheningShade));
  vec3 albedo = withAttachments(base, glow) * (1.0 - 0.22 * striation());
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
