// Muscle vertices rebuilt from the current fibre frames, and kept out of their bones. The same
// arithmetic as biomech::deformVertex and biomech::keepOutOfBones (src/biomech/muscle_skin.*),
// which the tests check; prepended to the vertex shaders that draw meshes. Model frame, metres.

layout(location = 4) in uvec4 bindFibre;   // four fibres (rows of fibreFrames)
layout(location = 5) in vec4 bindWeight;   // their weights, sum 1
layout(location = 6) in vec4 bindSample;   // sample coordinate along each fibre
layout(location = 7) in vec3 bindOffset0;  // offset in each fibre's frame: tangent, normal, binormal
layout(location = 8) in vec3 bindOffset1;
layout(location = 9) in vec3 bindOffset2;
layout(location = 10) in vec3 bindOffset3;
layout(location = 11) in vec3 bindNormal;  // the normal in the first fibre's frame
layout(location = 12) in vec2 restBoneDistance;

uniform int deformMuscle;         // 1: position and normal come from the fibres
uniform sampler2D fibreFrames;    // RGBA32F, a row per fibre, 3 texels per sample: position + bulge, tangent, normal
uniform int samplesPerFibre;
uniform int boneCount;            // 0, 1 or 2 bones to keep out of
uniform sampler3D boneDistance0;  // R32F signed distance, metres
uniform sampler3D boneDistance1;
uniform mat4 modelToBoneTexture0; // model frame → the grid's texture coordinates
uniform mat4 modelToBoneTexture1;
uniform mat3 boneToModel0;        // the bone's rotation, for its gradient
uniform mat3 boneToModel1;
uniform vec3 boneTexel0;          // one voxel in texture coordinates
uniform vec3 boneTexel1;

const float kPi = 3.14159265358979;
const float kBoneClearance = 0.0005;  // biomech::kBoneClearance
const float kMaxBonePush = 0.008;     // biomech::kMaxBonePush

vec3 perpendicularTo(vec3 t, vec3 v) {
  vec3 p = v - dot(v, t) * t;
  if (length(p) > 1e-6) return normalize(p);
  vec3 axis = abs(t.x) < 0.9 ? vec3(1.0, 0.0, 0.0) : vec3(0.0, 1.0, 0.0);
  return normalize(axis - dot(axis, t) * t);
}

float boundPlace = -1.0;  // the place along the first bound fibre (0–1), set by placedVertex

vec4 frameTexel(int fibre, int sampleIndex, int slot) { return texelFetch(fibreFrames, ivec2(3 * sampleIndex + slot, fibre), 0); }

// Position of a vertex offset by `offset` from fibre `fibre` at sample coordinate `s`; its
// normal when `localNormal` is not zero.
vec3 fromFibre(int fibre, float s, vec3 offset, vec3 localNormal, inout vec3 normalOut) {
  int last = samplesPerFibre - 1;
  float p = clamp(s, 0.0, float(last));
  int i = min(int(p), last - 1);
  float f = p - float(i);
  vec4 a = frameTexel(fibre, i, 0), b = frameTexel(fibre, i + 1, 0);
  vec3 ta = frameTexel(fibre, i, 1).xyz, tb = frameTexel(fibre, i + 1, 1).xyz;
  vec3 na = frameTexel(fibre, i, 2).xyz, nb = frameTexel(fibre, i + 1, 2).xyz;
  vec3 position = mix(a.xyz, b.xyz, f);
  vec3 t = mix(ta, tb, f);
  t = length(t) > 1e-6 ? normalize(t) : ta;
  vec3 n = perpendicularTo(t, mix(na, nb, f));
  vec3 bn = cross(t, n);
  float radialScale = 1.0 + a.w * sin(kPi * p / float(last));
  if (dot(localNormal, localNormal) > 0.0) {
    normalOut = t * localNormal.x + n * localNormal.y + bn * localNormal.z;
    boundPlace = p / float(last);
  }
  return position + t * offset.x + radialScale * (n * offset.y + bn * offset.z);
}

void deformedMuscleVertex(out vec3 position, out vec3 normal) {
  normal = vec3(0.0);
  position = bindWeight.x * fromFibre(int(bindFibre.x), bindSample.x, bindOffset0, bindNormal, normal);
  vec3 unused = vec3(0.0);
  if (bindWeight.y > 0.0) position += bindWeight.y * fromFibre(int(bindFibre.y), bindSample.y, bindOffset1, vec3(0.0), unused);
  if (bindWeight.z > 0.0) position += bindWeight.z * fromFibre(int(bindFibre.z), bindSample.z, bindOffset2, vec3(0.0), unused);
  if (bindWeight.w > 0.0) position += bindWeight.w * fromFibre(int(bindFibre.w), bindSample.w, bindOffset3, vec3(0.0), unused);
}

// Moves p out along the bone's distance gradient where it comes closer to the bone than allowed.
vec3 keptOutOf(sampler3D field, mat4 toTexture, mat3 toModel, vec3 texel, float restDistance, vec3 p) {
  vec3 c = (toTexture * vec4(p, 1.0)).xyz;
  if (any(lessThan(c, 0.5 * texel)) || any(greaterThan(c, vec3(1.0) - 0.5 * texel))) return p;
  float allowed = min(restDistance, kBoneClearance);
  float d = texture(field, c).r;
  if (d >= allowed) return p;
  vec3 h = 0.5 * texel;
  vec3 g = vec3(texture(field, c + vec3(h.x, 0.0, 0.0)).r - texture(field, c - vec3(h.x, 0.0, 0.0)).r,
                texture(field, c + vec3(0.0, h.y, 0.0)).r - texture(field, c - vec3(0.0, h.y, 0.0)).r,
                texture(field, c + vec3(0.0, 0.0, h.z)).r - texture(field, c - vec3(0.0, 0.0, h.z)).r);
  if (length(g) < 1e-12) return p;
  return p + toModel * normalize(g) * min(allowed - d, kMaxBonePush);
}

// A deformed muscle vertex's activation and lengthening: its bound fibres' values (kept in the
// fibre frame texture's spare channels), blended with the binding weights; (-1, 0) elsewhere.
vec2 fibreShading() {
  if (deformMuscle == 0) return vec2(-1.0, 0.0);
  vec2 shading = vec2(0.0);
  uvec4 fibres = bindFibre;
  for (int k = 0; k < 4; ++k) {
    int fibre = int(fibres[k]);
    shading += bindWeight[k] * vec2(frameTexel(fibre, 0, 1).w, frameTexel(fibre, 0, 2).w);
  }
  return shading;
}

// A deformed muscle vertex's place along the fibre it is bound to first (0–1), as placedVertex left
// it, for the fascicle relief's swell along the fibre; -1 off a deformed muscle (no relief).
float fibrePlace() { return deformMuscle == 1 ? boundPlace : -1.0; }

// The vertex in the model frame: the mesh's own (times `meshToModel`) or deformed with its fibres.
void placedVertex(vec3 meshPosition, vec3 meshNormal, mat4 meshToModel, out vec3 position, out vec3 normal) {
  if (deformMuscle == 0) {
    position = (meshToModel * vec4(meshPosition, 1.0)).xyz;
    normal = mat3(meshToModel) * meshNormal;
    return;
  }
  deformedMuscleVertex(position, normal);
  if (boneCount > 0) position = keptOutOf(boneDistance0, modelToBoneTexture0, boneToModel0, boneTexel0, restBoneDistance.x, position);
  if (boneCount > 1) position = keptOutOf(boneDistance1, modelToBoneTexture1, boneToModel1, boneTexel1, restBoneDistance.y, position);
}
