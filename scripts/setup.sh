#!/usr/bin/env bash
# Installs what Medius needs on Debian 12 (only what is missing), then configures and builds.
# Used by `make run` and `make test`; safe to run again. apt-get runs through sudo only when
# this script is not run as root.
set -euo pipefail

packages=(
  cmake g++ make pkg-config          # the build
  libglfw3-dev                       # the window and input
  libimgui-dev                       # the panels (Dear ImGui 1.86 with GLFW + OpenGL3 backends)
  python3-glad                       # generates the GL 3.3 core and EGL loaders at build time
  libglm-dev                         # vector and matrix maths
  libassimp-dev                      # reading meshes (glTF/GLB, OBJ, STL, PLY, FBX, ...)
  zlib1g-dev                         # compressed VTK XML (.vtp) data arrays
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri  # headless rendering through EGL (Mesa)
  libstb-dev                         # PNG writing and reading
  nlohmann-json3-dev                 # model.json and other JSON files
  libcli11-dev                       # the command line
  libmeshoptimizer-dev               # mesh simplification in the asset generator
  libeigen3-dev                      # least-squares fits (asset generator, measurements)
  libgtest-dev                       # the test suite
  clang-format                       # the code style check (format.check) and scripts/format.sh
  fonts-dejavu-core                  # the UI font
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" ${CMAKE_ARGS:-}
cmake --build "$build_dir" -j "$(nproc)"
