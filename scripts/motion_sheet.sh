#!/usr/bin/env bash
# A contact sheet of three motions, four moments each, from `medius render --motion --time`:
# hip abduction from behind, hip rotation from the side with the gluteus medius fibres, and the
# clamshell lying on the left side. Needs ImageMagick's montage (Debian: imagemagick), for the
# docs only. Usage: scripts/motion_sheet.sh [BUILD_DIR] [OUT.png]
set -euo pipefail
medius=${1:-build}/medius
out=${2:-docs/images/motion-sheet.png}
tiles=$(mktemp -d)
trap 'rm -rf "$tiles"' EXIT
size=520x520
tile() {  # NAME LABEL MEDIUS-ARGS...
  local name=$1 label=$2
  shift 2
  "$medius" render --size $size --out "$tiles/$name.png" "$@"
  labels+=(-label "$label" "$tiles/$name.png")
}
labels=()
for t in 0 17 33 50; do
  tile "abd$t" "Hip abduction, ${t}% of the loop" --motion hip_abduction --time $t% --view posterior
done
fibreView=(--isolate gluteus_medius_r --select gluteus_medius_r --fibres --view lateral)
tile rot_ext "External rotation 35°" --motion hip_external_rotation --time 50% "${fibreView[@]}"
tile rot_0 "Neutral" --motion hip_internal_rotation --time 0 "${fibreView[@]}"
tile rot_int17 "Internal rotation 17°" --motion hip_internal_rotation --time 25% "${fibreView[@]}"
tile rot_int "Internal rotation 35°" --motion hip_internal_rotation --time 50% "${fibreView[@]}"
for t in 0 17 33 50; do
  tile "clam$t" "Clamshell, ${t}% of the loop" --motion clamshell --time $t% --view posterior
done
montage "${labels[@]}" -tile 4x3 -geometry +4+4 -background '#1b2130' -fill '#e8e8e8' -font DejaVu-Sans -pointsize 20 "$out"
echo "wrote $out"
