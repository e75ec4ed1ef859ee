#!/usr/bin/env bash
# Renders the reference images of the image regression net again (tests/reference-images/), after
# an intended change of the look. Review every image it writes before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
medius=${BUILD_DIR:-build}/medius
folder=tests/reference-images
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  name=$(echo "${line%%|*}" | xargs)
  arguments=$(echo "${line#*|}" | sed "s#{assets}#$PWD/assets#g")
  # shellcheck disable=SC2086  # the arguments are split as the test splits them
  "$medius" render $arguments --size 400x300 --samples 4 --out "$folder/$name.png"
  echo "wrote $folder/$name.png"
done <"$folder/scenes.txt"
