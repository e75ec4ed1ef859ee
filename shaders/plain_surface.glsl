// The albedo of a surface with nothing drawn on it: no highlighted region, no striation, no
// activation. Stands in for mesh_surface.glsl, which gives the same colour for such a surface at a
// fraction of the cost (a million-triangle mesh on llvmpipe: about 0.2 s less per frame).
vec3 surfaceAlbedo(vec3 base, out float glow) {
  glow = 0.0;
  return base;
}

// No relief either: the shading normal is the mesh's.
vec3 surfaceNormal(vec3 n, vec3 viewPoint) { return n; }
