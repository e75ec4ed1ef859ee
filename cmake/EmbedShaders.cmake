# Embeds GLSL files into the binary: each shaders/NAME.glsl becomes a string in a generated
# source, looked up by file name at run time (render::shaderSource). No run-time file paths.
function(medius_embed_shaders target)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp)
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${generated} "-DINPUTS=${ARGN}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    COMMENT "Embedding shaders"
    VERBATIM)
  target_sources(${target} PRIVATE ${generated})
endfunction()
