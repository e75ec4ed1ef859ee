// Fixes to Debian's emscripten (3.1.6) WebGL functions, linked after its own (--js-library in
// web/CMakeLists.txt; a later definition of a library function replaces the earlier one).
//
// glBufferData and glBufferSubData pass their size on to WebGL 2's (…, srcData, srcOffset, length)
// forms, which read a length of 0 as "to the end of srcData": the whole WebAssembly heap. An empty
// upload (Dear ImGui's backend uploads every draw list, empty ones too, with glBufferSubData)
// then fails with "WebGL: INVALID_VALUE: bufferSubData: buffer overflow", and an empty
// glBufferData with a pointer allocates a buffer as large as the heap. Emscripten fixed this
// later (its issue 16799); here a size of 0 uploads nothing.
mergeInto(LibraryManager.library, {
  glBufferData__sig: 'viiii',
  glBufferData: function(target, size, data, usage) {
    if (data && size) GLctx.bufferData(target, HEAPU8, usage, data, size);
    else GLctx.bufferData(target, size, usage);
  },
  emscripten_glBufferData: 'glBufferData',
  glBufferSubData__sig: 'viiii',
  glBufferSubData: function(target, offset, size, data) {
    if (size) GLctx.bufferSubData(target, offset, HEAPU8, data, size);
  },
  emscripten_glBufferSubData: 'glBufferSubData',
});
