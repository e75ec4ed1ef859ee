// A triangle that covers the screen, made from the vertex index alone (no vertex buffer).
out vec2 screenPosition;

void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  screenPosition = corner;
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
