#pragma once
// The page's side of the viewer (the browser build only): what its HTML and its tests may ask.
// The hooks are C functions exported from the WebAssembly module (web/CMakeLists.txt):
//   medius_page_state()        JSON: {"frames": N, "selected": id or null, "hovered": id or null,
//                              "width": W, "height": H, "gl": the GL description,
//                              "detailLevel": the level of detail the last frame drew (0: finest),
//                              "view": the view shown as a link, what Copy link copies after '#',
//                              "model": its name, "structures": [ids], "lesson": {"title",
//                              "steps": count, "shown": the step the view shows (from 0) or null,
//                              "status": the Lesson window's status line}}
//   medius_structure_pixel(id) JSON: {"x": X, "y": Y} in CSS pixels of the canvas, a pixel that
//                              the structure covers in the last frame (read from the ID buffer), or null
//   medius_open_view_link(link) shows the view of a link (ui/view_link.h; a bare "v2.…" or an
//                              address with it after '#'), checked against the model as
//                              `medius --view-link` does. Returns "" when it is shown, or the one
//                              clear message when the link is damaged, and then the view is as it was.
//   medius_link_view(link)     the step a link holds, as its compact JSON (lessonStepToJson), or null
//   medius_set_link_address(a) the page's address before '#': Copy link copies a + '#' + the link
//   medius_clipboard_refused() the browser refused the link Copy link gave (Module.copyText):
//                              the Lesson window's status line says so instead of "Copied"
//   medius_open_files(folder)  opens the files the page put in `folder` (its file chooser, drag and
//                              drop) by their kind (app/opened_files.h): a lesson, a quiz or a
//                              model. Returns "" or the one clear message, and then what was open stays
//   medius_item_rect(name)     JSON: {"x", "y", "width", "height"} in CSS pixels of a widget the
//                              panels probe (ui/item_probe.h, e.g. "Lesson/Copy link") as drawn
//                              in the last frame, or null; the first call switches the probe on
//   medius_quiz_state()        JSON: the Quiz window (Q) and the quiz taken in it, for the page's
//                              test: {"visible", "title", "question" (from 1), "count", "kind",
//                              "prompt", "choices": [texts], "right": the right answer's text,
//                              "revealed", "outcome" ("right", "wrong", "timed out", "unanswered"
//                              or null), "why", "finished", "score"}; no "title" and later
//                              fields while no quiz is open
//   medius_quiz_find_pixel()   JSON: {"x", "y"} in CSS pixels of the canvas, a pixel where the
//                              last frame shows the current find question's region (its surface
//                              point, carried back to the neutral pose, within 2 mm of it) and
//                              no window covers it, or null
// The page's index.html defines Module.pageReady(), called once the viewer is there (before its
// first frame; it opens the address's link), Module.copyText(text), the page's clipboard, and
// Module.chooseFiles(), its file chooser.
#include "app/viewer_app.h"

namespace medius::app {

// The viewer the hooks look at; it stays for as long as the page is open. Calls Module.pageReady().
void attachPage(ViewerApp& app);
// The page's file chooser (Module.chooseFiles): what is chosen is opened through medius_open_files.
void chooseFilesInPage();
// Counts a frame that reached the canvas.
void pageFrameShown();
// Dear ImGui's clipboard becomes the page's (Module.copyText; emscripten's GLFW has none). Call
// after the GLFW backend is set up, which installs its own.
void usePageClipboard();

}  // namespace medius::app
