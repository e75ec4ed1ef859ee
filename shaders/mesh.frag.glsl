// Lighting that reads on a projector: a key light from the upper left, a soft fill from the right,
// a hemisphere ambient (sky above, warm ground below) and a rim that separates the shape from the
// background. Computed in linear light, written out as sRGB.
in vec3 viewPosition;
in vec3 viewNormal;
in vec2 attachmentWeight;
in float fibreCoordinate;
in vec2 activationShading;
out vec4 fragColor;

uniform vec3 baseColor;     // linear RGB
uniform float specularStrength;
uniform float shininess;
uniform float opacity;      // 1 opaque
uniform float highlight;    // 0 normal, 1 under the cursor
uniform int attachmentsOnly;  // 1: draw only the highlighted regions (again, over see-through muscles)
uniform int showActivation;   // 1: a muscle's colour comes from its fibres' activation
uniform vec3 activationMap[5];  // render/colour_map.h, linear RGB at 0, 0.25, 0.5, 0.75, 1
uniform vec3 lengtheningColor;  // linear RGB of the hatching on lengthening fibres

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

// render::activationColour: the map, blended from the muscle's own colour below 5 %.
vec3 activationAlbedo(vec3 muscle, float activation) {
  float x = clamp(activation, 0.0, 1.0) * 4.0;
  int i = min(int(x), 3);
  vec3 mapped = mix(activationMap[i], activationMap[i + 1], x - float(i));
  return mix(muscle, mapped, clamp(activation / 0.05, 0.0, 1.0));
}

// Diagonal stripes in screen space, about 7 px apart, on fibres the motion lengthens.
float hatching(float lengthening) {
  if (lengthening < 0.02) return 0.0;
  float stripe = step(0.55, fract((gl_FragCoord.x + gl_FragCoord.y) / 7.0));
  return stripe * (0.35 + 0.5 * clamp(lengthening, 0.0, 1.0));
}

vec3 linearToSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
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
  vec3 base = baseColor;
  if (showActivation == 1 && activationShading.x >= 0.0) {
    base = activationAlbedo(baseColor, activationShading.x);
    base = mix(base, lengtheningColor, hatching(activationShading.y));
  }
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
