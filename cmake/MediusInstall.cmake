# `cmake --install` and the Debian package (`make package`, CPack). The installed medius finds its
# assets in ../share/medius/assets beside itself (src/core/paths.cpp); fonts come from Debian's
# fonts-dejavu-core.
include(GNUInstallDirs)

install(TARGETS medius RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/medius/assets
        PATTERN "landmarks.json" EXCLUDE   # the generator's input, not read by medius
        PATTERN "teaching.json" EXCLUDE)   # copied into model.json by the generator
install(FILES ${PROJECT_SOURCE_DIR}/packaging/medius.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/medius.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE.md ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/medius)

set(CPACK_PACKAGE_NAME medius)
set(CPACK_PACKAGE_VENDOR "The Medius developers")
set(CPACK_PACKAGE_CONTACT "The Medius developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The run-time libraries of the Debian 12 packages the build uses (scripts/setup.sh); imgui is
# linked statically (libimgui-dev ships only a static library).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libglfw3 (>= 3.3), libassimp5, libmeshoptimizer2d, libegl1, libgl1, libegl-mesa0, libgl1-mesa-dri, fonts-dejavu-core, libc6, libstdc++6")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "ffmpeg")
include(CPack)
