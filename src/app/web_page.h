#pragma once
// The page's side of the viewer (the browser build only): what its HTML and its tests may ask.
// The hooks are C functions exported from the WebAssembly module (web/CMakeLists.txt):
//   medius_page_state()        JSON: {"frames": N, "selected": id or null, "hovered": id or null,
//                              "width": W, "height": H, "gl": the GL description}
//   medius_structure_pixel(id) JSON: {"x": X, "y": Y} in CSS pixels of the canvas, a pixel that
//                              the structure covers in the last frame (read from the ID buffer), or null
#include "app/viewer_app.h"

namespace medius::app {

// The viewer the hooks look at; it stays for as long as the page is open.
void attachPage(ViewerApp& app);
// Counts a frame that reached the canvas.
void pageFrameShown();

}  // namespace medius::app
