# The libraries of the browser build, as the targets the native build gets from find_package and
# pkg-config. scripts/web.sh compiles the ones with code (zlib, Dear ImGui, meshoptimizer, Assimp)
# from their Debian source packages into MEDIUS_WEB_DEPS (prefix/) and links the header-only
# Debian packages into host-headers/, so that emcc never searches /usr/include (its C library
# headers would clash with emscripten's). GLFW is emscripten's own; GL is WebGL 2 (GLES 3.0).
set(MEDIUS_WEB_DEPS "" CACHE PATH "scripts/web.sh's deps folder (build-web/deps)")
if(NOT EXISTS "${MEDIUS_WEB_DEPS}/prefix/lib/libassimp.a")
  message(FATAL_ERROR "MEDIUS_WEB_DEPS='${MEDIUS_WEB_DEPS}' holds no libraries built for WebAssembly; build with 'make web'")
endif()
set(prefix ${MEDIUS_WEB_DEPS}/prefix)
set(headers ${MEDIUS_WEB_DEPS}/host-headers)

function(medius_web_library name)
  cmake_parse_arguments(arg "" "" "INCLUDES;LIBRARIES;OPTIONS" ${ARGN})  # OPTIONS: link options
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  if(arg_INCLUDES)
    set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${arg_INCLUDES}")
  endif()
  if(arg_LIBRARIES)
    set_target_properties(${name} PROPERTIES INTERFACE_LINK_LIBRARIES "${arg_LIBRARIES}")
  endif()
  if(arg_OPTIONS)
    set_target_properties(${name} PROPERTIES INTERFACE_LINK_OPTIONS "${arg_OPTIONS}")
  endif()
endfunction()

# The JavaScript exception support, everywhere: Medius reports bad input by throwing.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

medius_web_library(glm::glm INCLUDES ${headers})
medius_web_library(nlohmann_json::nlohmann_json INCLUDES ${headers})
medius_web_library(CLI11::CLI11 INCLUDES ${headers})
medius_web_library(Eigen3::Eigen INCLUDES ${headers}/eigen3)
medius_web_library(ZLIB::ZLIB INCLUDES ${prefix}/include LIBRARIES ${prefix}/lib/libz.a)
medius_web_library(meshoptimizer::meshoptimizer INCLUDES ${prefix}/include LIBRARIES ${prefix}/lib/libmeshoptimizer.a)
medius_web_library(assimp::assimp INCLUDES ${prefix}/include LIBRARIES "${prefix}/lib/libassimp.a;ZLIB::ZLIB")
medius_web_library(glfw OPTIONS -sUSE_GLFW=3)
medius_web_library(PkgConfig::IMGUI INCLUDES ${prefix}/include/imgui LIBRARIES "${prefix}/lib/libimgui.a;glfw")
# stb is only headers in the page: web/stb_implementation.c compiles the parts Medius calls
# (Debian's libstb.so does this for the native build).
add_library(medius_web_stb STATIC ${PROJECT_SOURCE_DIR}/web/stb_implementation.c)
target_include_directories(medius_web_stb PUBLIC ${headers})
add_library(PkgConfig::STB ALIAS medius_web_stb)
# The GL header of the page is emscripten's GLES 3 (render/gl/gl.h); nothing to load.
add_library(medius_glad INTERFACE)
# What this emscripten's libc++ lacks of C++20 (floating-point to_chars/from_chars, bit_cast).
add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:SHELL:-include ${PROJECT_SOURCE_DIR}/web/libcxx_compat.h>")
# The page's data: assets/ is packed as /assets (web/CMakeLists.txt).
set(MEDIUS_ASSET_DIR /assets)
