// A surface's albedo with everything drawn on it: origin and insertion regions, striation along a
// muscle's fibres, activation colours and hatching. Prepended to mesh.frag.glsl for the structures
// that show any of it; plain_surface.glsl stands in for the others (render/gl/renderer.cpp).
in vec2 attachmentWeight;
in float fibreCoordinate;
in vec4 activationTint;  // mesh.vert.glsl: the activation colour and how much it replaces the muscle's own
in float lengtheningShade;  // the fibres' mark: how fast they lengthen (markStyle 0), or 1 where eccentric (1)
in float placeAlongFibre;  // 0–1 along the bound fibre on a deformed muscle, -1 elsewhere

uniform int markStyle;          // 0: Direction mode, lengthened fibres hatched; 1: Load mode, eccentric fibres striped
uniform vec3 lengtheningColor;  // linear RGB of the hatching on lengthened fibres
uniform float eccentricShade;   // the eccentric stripes: the activation colour times this (render::kEccentricStripeShade)

// Atlas convention: origin red, insertion blue (linear RGB).
const vec3 originColor = vec3(0.78, 0.04, 0.03);
const vec3 insertionColor = vec3(0.03, 0.20, 0.86);

// Regions are crisp: the interpolated per-vertex weight (smoothed on the mesh, render/
// attachment_regions.h) is cut at one half over one pixel, from the screen-space derivative, so
// the edge is anti-aliased at any size; a thin dark rim outlines them so they read on a projector.
vec3 withAttachments(vec3 albedo, out float glow) {
  vec2 inside = clamp((attachmentWeight - 0.5) / max(fwidth(attachmentWeight), vec2(1e-5)) + 0.5, 0.0, 1.0);
  float origin = inside.x;
  float insertion = inside.y;
  glow = max(origin, insertion);
  albedo = mix(albedo, originColor, origin);
  albedo = mix(albedo, insertionColor, insertion);
  vec2 distanceToEdge = abs(attachmentWeight - 0.5) / max(fwidth(attachmentWeight), vec2(1e-5));
  float rim = 1.0 - smoothstep(0.5, 1.5, min(distanceToEdge.x, distanceToEdge.y));
  rim *= step(0.001, max(attachmentWeight.x, attachmentWeight.y));  // no rim on unmarked bone
  return albedo * (1.0 - 0.75 * rim);
}

// Direction mode: light stripes in screen space, about 7 px apart along one diagonal, on fibres
// the motion lengthens.
float hatching(float lengthening) {
  if (lengthening < 0.02) return 0.0;
  float stripe = step(0.55, fract((gl_FragCoord.x + gl_FragCoord.y) / 7.0));
  return stripe * (0.35 + 0.5 * clamp(lengthening, 0.0, 1.0));
}

// Load mode: dark stripes, about 7 px apart along the other diagonal from the hatching, over the
// activation colour of fibres that work while they lengthen.
float eccentricStripes(float eccentric) {
  if (eccentric < 0.5) return 0.0;
  return step(0.6, fract((gl_FragCoord.x - gl_FragCoord.y) / 7.0));
}

// Whether the fascicle relief (below) draws this fragment's fibres.
bool hasRelief() { return fibreCoordinate >= 0.0 && placeAlongFibre >= 0.0; }

// Fine stripes along the fibres (isolines of the fibre coordinate), so a muscle's fan reads
// without fibre lines. They fade out where they would be finer than a couple of pixels. A muscle
// that shows the fascicle relief has no stripes: the relief draws the same lines as shape.
float striation() {
  if (fibreCoordinate < 0.0 || hasRelief()) return 0.0;
  const float stripesPerFibre = 2.0;
  float s = fibreCoordinate * stripesPerFibre;
  float visibility = 1.0 - smoothstep(0.2, 0.45, fwidth(s));
  return visibility * (0.5 + 0.5 * cos(6.2831853 * s));
}

// `base` with the regions, activation and striation drawn on it; `glow` 1 on a highlighted region.
vec3 surfaceAlbedo(vec3 base, out float glow) {
  base = mix(base, activationTint.rgb, activationTint.a);
  if (markStyle == 1)
    base *= mix(1.0, eccentricShade, eccentricStripes(lengtheningShade));
  else
    base = mix(base, lengtheningColor, hatching(lengtheningShade));
  return withAttachments(base, glow) * (1.0 - 0.22 * striation());
}

// Fascicle relief: bundles of fibres as rounded ridges running along the fibres (isolines of the
// fibre coordinate, carried by the deforming muscle, so the bundles move with it), one per fibre
// across the fan, with grooves between them. A normal
// tilt, not a texture: the tilt is across the fibre, growing from the bundle's crest to its groove;
// each bundle swells and thins a little along its length. It fades out where bundles would be
// narrower than about three pixels, so it never shimmers under motion.
vec3 surfaceNormal(vec3 n, vec3 viewPoint) {
  if (!hasRelief()) return n;
  const float bundlesPerFibre = 1.0;
  const float maxTilt = 0.3;  // the tilt at a groove (radians, about): subtle, still visible on a projector
  float x = fibreCoordinate * bundlesPerFibre;
  float visibility = 1.0 - smoothstep(0.25, 0.5, fwidth(x));
  if (visibility <= 0.0) return n;
  // Across the fibres, the way the fibre coordinate grows: its surface gradient from screen
  // derivatives (the fibres are the coordinate's isolines), so no fibre direction is interpolated
  // from the vertices (four values a vertex that cost llvmpipe about a tenth of a frame).
  vec3 dpdx = dFdx(viewPoint), dpdy = dFdy(viewPoint);
  vec3 r1 = cross(dpdy, n), r2 = cross(n, dpdx);
  vec3 gradient = (dFdx(x) * r1 + dFdy(x) * r2) * sign(dot(dpdx, r1));
  float gradientLength = length(gradient);
  if (!(gradientLength > 0.0)) return n;
  vec3 across = gradient / gradientLength;
  float u = 2.0 * fract(x) - 1.0;  // -1 at one groove, 0 on the crest, 1 at the next groove
  float swell = 0.8 + 0.2 * sin(6.2831853 * (2.0 * placeAlongFibre + 0.37 * x));  // smooth in both directions
  return normalize(n + visibility * swell * maxTilt * u * across);
}
