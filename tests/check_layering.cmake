# ctest: the layer rules of DESIGN.md, checked rather than hoped for.
#  - OpenGL is called only under src/render/gl/ (no gl* call, no glad include elsewhere);
#  - anatomy and biomech include no GL, windowing or ImGui header;
#  - render includes no ImGui header;
#  - the scene core includes no GL, windowing, ImGui, render, ui or app header.
# Run as: cmake -DSOURCE_DIR=<repo> -P check_layering.cmake
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.h)
set(problems "")
foreach(source IN LISTS sources)
  file(READ ${SOURCE_DIR}/${source} text)
  if(NOT source MATCHES "^src/render/gl/")
    if(text MATCHES "[^A-Za-z_]gl[A-Z][A-Za-z0-9]*[ ]*\\(")
      string(APPEND problems "${source}: calls OpenGL outside src/render/gl/\n")
    endif()
    if(text MATCHES "#include <glad/gl.h>" OR text MATCHES "#include \"render/gl/gl.h\"")
      string(APPEND problems "${source}: includes the GL loader outside src/render/gl/\n")
    endif()
  endif()
  if(source MATCHES "^src/(anatomy|biomech|core)/" AND text MATCHES "#include [<\"](glad|GLFW|EGL|imgui|backends|render/)")
    string(APPEND problems "${source}: a plain-C++ layer includes GL, windowing, ImGui or render headers\n")
  endif()
  if(source MATCHES "^src/scene/" AND text MATCHES "#include [<\"](glad|GLFW|EGL|imgui|backends|render/|ui/|app/)")
    string(APPEND problems "${source}: the scene core includes GL, windowing, ImGui or a front end's headers\n")
  endif()
  if(source MATCHES "^src/render/" AND text MATCHES "#include [<\"](imgui|backends|ui/|app/)")
    string(APPEND problems "${source}: render includes ImGui or a higher layer\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "layering rules broken:\n${problems}")
endif()
list(LENGTH sources count)
message(STATUS "layering rules hold in ${count} files")
