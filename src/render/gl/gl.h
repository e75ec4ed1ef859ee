#pragma once
// The one place that includes the OpenGL loader. Only src/render/gl/ may include this header or
// call gl* functions; the rest of the program talks to the renderer's own types.
#ifdef __EMSCRIPTEN__
// The page: WebGL 2, whose functions emscripten's GLES 3.0 header declares (nothing to load).
// The renderer keeps to what OpenGL 3.3 core and OpenGL ES 3.0 share; the one desktop name it
// uses that ES spells differently is mapped here.
#include <GLES3/gl3.h>
inline void glClearDepth(double depth) { glClearDepthf(static_cast<GLfloat>(depth)); }
#else
#include <glad/gl.h>
#endif
