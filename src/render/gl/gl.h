#pragma once
// The one place that includes the OpenGL loader. Only src/render/gl/ may include this header or
// call gl* functions; the rest of the program talks to the renderer's own types.
#include <glad/gl.h>
