#pragma once
#include "app/command_line.h"

namespace medius::app {

// `medius render`: loads the model, draws it headless through EGL and writes the PNG atomically.
// Throws medius::Error subclasses; writes nothing on failure.
void runRenderCommand(const RenderOptions& options);

}  // namespace medius::app
