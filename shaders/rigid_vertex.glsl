// The vertex in the model frame for a mesh that never deforms: the same entry points as
// muscle_deform.glsl, prepended to mesh.vert.glsl instead of it for structures without fibres.
void placedVertex(vec3 meshPosition, vec3 meshNormal, mat4 meshToModel, out vec3 position, out vec3 normal) {
  position = (meshToModel * vec4(meshPosition, 1.0)).xyz;
  normal = mat3(meshToModel) * meshNormal;
}

vec2 fibreShading() { return vec2(-1.0, 0.0); }

float fibrePlace() { return -1.0; }
