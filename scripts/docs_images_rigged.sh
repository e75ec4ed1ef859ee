#!/usr/bin/env bash
# Remakes the figures of rigged real hips in docs/images/ (README "Use real anatomy"): rigs the
# example manifests in docs/examples/ (they point at ../shared/reference next to the repository,
# never copied) and renders them. Usage: scripts/docs_images_rigged.sh [BUILD_DIR]
set -euo pipefail
medius=${1:-build}/medius
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -d ../shared/reference ]; then
  echo "../shared/reference is not here: nothing to rig" >&2
  exit 1
fi
"$medius" rig docs/examples/rig-lhdl.json --out "$work/lhdl"
"$medius" rig docs/examples/rig-vhm.json --out "$work/vhm" --complete
"$medius" render --model "$work/lhdl" --out $out/rigged-lhdl-medius.png --size 1600x1200 --view lateral --orbit 15,-5 \
  --select gluteus_medius_r --highlight attachments --labels --hide gluteus_medius_r --hide gluteus_maximus_r
"$medius" render --model "$work/vhm" --out $out/rigged-vhm-fibres.png --size 1600x1200 --view posterior --orbit 35,-10 \
  --xray --fibres --labels
"$medius" render --model "$work/vhm" --out $out/rigged-vhm-abduction.png --size 1600x1200 --view posterior \
  --motion hip_abduction --time 25% --activation action
echo "figures written to $out/"
