# Generates the OpenGL 3.3 core and EGL 1.5 loaders with Debian's glad 2 at configure/build time,
# into the build tree. --reproducible makes glad use the specifications it ships instead of
# downloading them, so the build works offline and is repeatable.
set(MEDIUS_GLAD_DIR ${CMAKE_BINARY_DIR}/third_party/glad)
set(MEDIUS_GLAD_SOURCES ${MEDIUS_GLAD_DIR}/src/gl.c ${MEDIUS_GLAD_DIR}/src/egl.c)
add_custom_command(
  OUTPUT ${MEDIUS_GLAD_SOURCES} ${MEDIUS_GLAD_DIR}/include/glad/gl.h ${MEDIUS_GLAD_DIR}/include/glad/egl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api "gl:core=3.3,egl=1.5"
          --extensions "GL_KHR_debug,EGL_EXT_platform_base,EGL_EXT_platform_device,EGL_EXT_device_base,EGL_EXT_device_enumeration,EGL_EXT_device_query,EGL_MESA_platform_surfaceless,EGL_KHR_surfaceless_context,EGL_KHR_create_context"
          --out-path ${MEDIUS_GLAD_DIR} c --loader
  COMMENT "Generating the GL 3.3 core and EGL 1.5 loaders with glad"
  VERBATIM)
