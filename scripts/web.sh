#!/usr/bin/env bash
# Builds Medius for the browser (`make web`): the same C++ as the desktop viewer, compiled to
# WebAssembly with Debian's emscripten, into build-web/site/ (index.html, medius.js, medius.wasm,
# medius.data with the built-in model and the UI font). Installs what is missing, like setup.sh.
#
# Libraries that are only headers (glm, nlohmann-json, CLI11, Eigen, stb, utf8cpp) are used from
# their Debian packages as they are. Libraries with code (zlib, Dear ImGui, meshoptimizer, Assimp)
# are compiled to WebAssembly from their Debian source packages (`apt-get source`; deb-src is
# enabled when it is not), once, into build-web/deps/. GLFW is emscripten's own (-sUSE_GLFW=3).
# Safe to run again: what is built is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
web=${WEB_BUILD_DIR:-build-web}
deps=$root/$web/deps
jobs=${WEB_JOBS:-$(nproc)}
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimiser needs Debian's acorn when node is not Debian's

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=(
  emscripten                  # emcc/em++ (clang 14) and its C/C++ libraries for WebAssembly
  dpkg-dev                    # apt-get source unpacks with dpkg-source
  cmake make pkg-config
  libglm-dev nlohmann-json3-dev libcli11-dev libeigen3-dev libstb-dev  # header-only, used as they are
  libutfcpp-dev               # Assimp's UTF-8 conversions (Debian's Assimp uses this instead of its copy)
  fonts-dejavu-core           # the UI font, packed into the page's data
  chromium                    # the page's tests (headless, driven by Playwright)
  npm                         # playwright-core for those tests
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# A machine may have its own node and npm outside Debian's packages; those do.
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm/}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "web: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# deb-src, so that apt-get source finds the libraries' sources.
enable_deb_src() {
  if apt-get source --print-uris -q zlib >/dev/null 2>&1; then return; fi
  echo "web: enabling deb-src in apt's sources"
  local file=/etc/apt/sources.list.d/debian.sources
  if [ -f "$file" ]; then
    $sudo sed -i 's/^Types: deb$/Types: deb deb-src/' "$file"
  elif [ -f /etc/apt/sources.list ]; then
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $sudo tee -a /etc/apt/sources.list >/dev/null
  fi
  $sudo apt-get update -q
}

# Unpacks Debian's source of $1 (with Debian's patches) into deps/src/$1, trying the versions apt
# knows from the newest (a security archive may list a version it no longer serves).
fetch_source() {
  local name=$1
  [ -f "$deps/src/$name/.unpacked" ] && return
  enable_deb_src
  rm -rf "$deps/src/$name" "$deps/src/$name.download"
  mkdir -p "$deps/src/$name.download"
  local version
  for version in "" $(apt-cache showsrc "$name" | sed -n 's/^Version: //p'); do
    if (cd "$deps/src/$name.download" && apt-get source -q "$name${version:+=$version}" >/dev/null 2>&1); then
      local dir
      dir=$(find "$deps/src/$name.download" -mindepth 1 -maxdepth 1 -type d | head -1)
      mv "$dir" "$deps/src/$name"
      rm -rf "$deps/src/$name.download"
      touch "$deps/src/$name/.unpacked"
      echo "web: unpacked the Debian source of $name ${version:-(newest)}"
      return
    fi
    rm -rf "$deps/src/$name.download" && mkdir -p "$deps/src/$name.download"
  done
  echo "web: apt-get source $name failed for every version apt knows" >&2
  exit 1
}

prefix=$deps/prefix
mkdir -p "$deps/src" "$deps/build" "$prefix/include" "$prefix/lib"
cflags=(-O2)

# Compiles the given sources with emcc, $jobs at a time, into $prefix/lib/lib$1.a.
archive() {
  local name=$1
  shift
  local out=$deps/build/$name
  mkdir -p "$out"
  export ARCHIVE_FLAGS="${cflags[*]} ${extra[*]:-}" ARCHIVE_OUT=$out
  # shellcheck disable=SC2016
  printf '%s\0' "$@" | nice -n 10 xargs -0 -P "$jobs" -n 1 bash -c \
    'c=emcc; [[ $0 == *.cpp ]] && c=em++; $c $ARCHIVE_FLAGS -c "$0" -o "$ARCHIVE_OUT/$(basename "${0%.*}").o"'
  rm -f "$prefix/lib/lib$name.a"
  emar rcs "$prefix/lib/lib$name.a" "$out"/*.o
}

if [ ! -f "$prefix/lib/libz.a" ]; then
  fetch_source zlib
  z=$deps/src/zlib
  extra=(-DHAVE_UNISTD_H -DHAVE_STDARG_H)
  archive z $(for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite inflate infback inftrees inffast trees uncompr zutil; do echo "$z/$f.c"; done)
  cp "$z/zlib.h" "$z/zconf.h" "$prefix/include/"
fi

if [ ! -f "$prefix/lib/libmeshoptimizer.a" ]; then
  fetch_source meshoptimizer
  m=$deps/src/meshoptimizer
  extra=()
  archive meshoptimizer "$m"/src/*.cpp
  cp "$m/src/meshoptimizer.h" "$prefix/include/"
fi

if [ ! -f "$prefix/lib/libimgui.a" ]; then
  fetch_source imgui
  i=$deps/src/imgui
  extra=(-sUSE_GLFW=3 "-I$i")
  archive imgui "$i/imgui.cpp" "$i/imgui_draw.cpp" "$i/imgui_tables.cpp" "$i/imgui_widgets.cpp" "$i/imgui_demo.cpp" \
    "$i/misc/cpp/imgui_stdlib.cpp" "$i/backends/imgui_impl_glfw.cpp" "$i/backends/imgui_impl_opengl3.cpp"
  mkdir -p "$prefix/include/imgui/backends"
  cp "$i"/imgui.h "$i"/imconfig.h "$i"/imgui_internal.h "$i"/imstb_*.h "$i"/misc/cpp/imgui_stdlib.h "$prefix/include/imgui/"
  cp "$i"/backends/imgui_impl_glfw.h "$i"/backends/imgui_impl_opengl3.h "$i"/backends/imgui_impl_opengl3_loader.h \
    "$prefix/include/imgui/backends/"
fi

# Header-only Debian packages, seen through links so that emcc never searches /usr/include itself
# (its C library headers would clash with emscripten's).
headers=$deps/host-headers
mkdir -p "$headers"
for path in /usr/include/glm /usr/include/nlohmann /usr/include/CLI /usr/include/eigen3 /usr/include/stb \
  /usr/include/utf8 /usr/include/utf8.h /usr/include/utf8cpp; do
  [ -e "$path" ] && ln -sfn "$path" "$headers/$(basename "$path")"
done

# Assimp with exceptions caught (its importers decline a file by throwing; emscripten ignores
# catch blocks without -fexceptions) and only the importers Medius's page opens: glTF 2 (the built-in model), OBJ, STL and
# PLY (the user's own meshes). All 50-odd importers would take several times as long to compile
# and would add megabytes to the page's download.
if [ ! -f "$prefix/lib/libassimp.a" ]; then
  fetch_source assimp
  a=$deps/src/assimp
  # Debian's patch (use-system-libdraco) asks for its system Draco unconditionally; Draco is only
  # compiled in with ASSIMP_ENABLE_DRACO, which this build leaves out, so an empty package answers.
  mkdir -p "$deps/build/no-draco"
  echo 'set(DRACO_LIBRARIES "")' >"$deps/build/no-draco/dracoConfig.cmake"
  emcmake cmake -S "$a" -B "$deps/build/assimp" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DASSIMP_BUILD_TESTS=OFF -DASSIMP_BUILD_ASSIMP_TOOLS=OFF \
    -DASSIMP_BUILD_SAMPLES=OFF -DASSIMP_BUILD_DOCS=OFF -DASSIMP_BUILD_ZLIB=OFF -DASSIMP_NO_EXPORT=ON \
    -DASSIMP_WARNINGS_AS_ERRORS=OFF -DASSIMP_INSTALL_PDB=OFF -DASSIMP_BUILD_ALL_IMPORTERS_BY_DEFAULT=OFF \
    -DASSIMP_BUILD_GLTF_IMPORTER=ON -DASSIMP_BUILD_OBJ_IMPORTER=ON -DASSIMP_BUILD_STL_IMPORTER=ON \
    -DASSIMP_BUILD_PLY_IMPORTER=ON -DASSIMP_BUILD_ALL_EXPORTERS_BY_DEFAULT=OFF \
    -Ddraco_DIR="$deps/build/no-draco" -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" \
    -DCMAKE_CXX_FLAGS="-I$headers -fexceptions" -DCMAKE_C_FLAGS="-I$headers" >"$deps/build/assimp.configure.log"
  nice -n 10 cmake --build "$deps/build/assimp" -j "$jobs"
  cmake --install "$deps/build/assimp" >/dev/null
fi
echo "web: libraries ready in $prefix"

# Medius itself, with emcc, into $web/ (site/ holds the page).
export EM_COMPILER_WRAPPER=${EM_COMPILER_WRAPPER:-$(command -v ccache || true)}
emcmake cmake -S . -B "$web" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DMEDIUS_WEB_DEPS="$deps" -DMEDIUS_BUILD_TESTS=OFF >/dev/null
nice -n 10 cmake --build "$web" --target medius_web -j "$jobs"
# Playwright's library for the page's test (web/page_test.mjs); it drives Debian's Chromium.
if [ ! -d "$web/npm/node_modules/playwright-core" ]; then
  mkdir -p "$web/npm"
  cp web/package.json "$web/npm/package.json"
  (cd "$web/npm" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-save >/dev/null)
fi
echo "web: the page is in $web/site/ (serve it: cd $web/site && python3 -m http.server 8000)"
