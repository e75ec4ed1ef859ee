# The code style of .clang-format holds for every C++ file of the project (clang-format 14 of
# Debian 12). To apply it: scripts/format.sh. Inputs: -DSOURCE_DIR=... -DCLANG_FORMAT=...
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.h" "${SOURCE_DIR}/tests/*.cpp"
     "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tools/*.cpp" "${SOURCE_DIR}/tools/*.h" "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.h")
list(FILTER sources EXCLUDE REGEX "/corpus/|/crashers/")
set(unformatted "")
foreach(source IN LISTS sources)
  execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror "${SOURCE_DIR}/${source}" RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
  if(NOT status EQUAL 0)
    string(APPEND unformatted "\n  ${source}")
  endif()
endforeach()
if(unformatted)
  message(FATAL_ERROR "not formatted as .clang-format says (run scripts/format.sh):${unformatted}")
endif()
