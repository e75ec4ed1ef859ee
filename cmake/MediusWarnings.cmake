# Warning and sanitizer flags, applied per target to Medius's own code only (never to generated
# or third-party sources), so that "no warnings in our own code" is checkable.
set(MEDIUS_WARNING_FLAGS -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wunused -Woverloaded-virtual -Wpedantic -Wformat=2)
if(MEDIUS_WERROR)
  list(APPEND MEDIUS_WARNING_FLAGS -Werror)
endif()

function(medius_target_defaults target)
  target_compile_options(${target} PRIVATE ${MEDIUS_WARNING_FLAGS})
  if(NOT MEDIUS_SANITIZER STREQUAL "none")
    target_compile_options(${target} PRIVATE -fsanitize=${MEDIUS_SANITIZER} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${MEDIUS_SANITIZER})
  endif()
endfunction()
