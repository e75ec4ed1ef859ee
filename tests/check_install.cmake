# `cmake --install` into a fresh prefix, then the installed medius renders the built-in hip from
# its own copy of the assets (not from the source tree it was built from).
# Inputs: -DBUILD_DIR=... -DWORK_DIR=...
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE installed OUTPUT_QUIET ERROR_VARIABLE install_errors)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${install_errors}")
endif()
foreach(file bin/medius share/medius/assets/hip/model.json share/medius/assets/lessons/trendelenburg_sign.json
             share/medius/assets/motions/clamshell.json
             share/applications/medius.desktop share/icons/hicolor/256x256/apps/medius.png share/doc/medius/LICENSE)
  if(NOT EXISTS "${WORK_DIR}/prefix/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=MEDIUS_ASSET_DIR "${WORK_DIR}/prefix/bin/medius" render --verbose
                        --size 160x120 --out "${WORK_DIR}/hip.png"
                RESULT_VARIABLE rendered OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rendered EQUAL 0 OR NOT EXISTS "${WORK_DIR}/hip.png")
  message(FATAL_ERROR "the installed medius could not render: ${err}")
endif()
string(FIND "${err}" "built-in model: ${WORK_DIR}/prefix/share/medius/assets/hip/model.json" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the installed medius did not use its installed assets: ${err}")
endif()
# The motions are data files too: the installed medius reads its own copy.
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=MEDIUS_ASSET_DIR "${WORK_DIR}/prefix/bin/medius" analyze
                        --motion clamshell --frames 2
                RESULT_VARIABLE analysed OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT analysed EQUAL 0 OR NOT out MATCHES "\"motion\": \"clamshell\"")
  message(FATAL_ERROR "the installed medius could not analyze a motion from its installed motion files: ${err}")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
