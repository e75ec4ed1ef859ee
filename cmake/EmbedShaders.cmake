# Embeds GLSL files into the binary: each shaders/NAME.glsl becomes a string in a generated
# source, looked up by file name at run time (render::shaderSource). No run-time file paths.
# The browser build (EMSCRIPTEN) embeds them translated to GLSL ES 3.00 for WebGL 2.
function(medius_embed_shaders target)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp)
  set(dialect glsl330)
  if(EMSCRIPTEN)
    set(dialect es300)
  endif()
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${generated} -DDIALECT=${dialect} "-DINPUTS=${ARGN}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    COMMENT "Embedding shaders"
    VERBATIM)
  target_sources(${target} PRIVATE ${generated})
endfunction()
