#!/usr/bin/env bash
# Remakes the figures in docs/images/ from the built-in model with `medius render` (no display
# needed). Each line is also an example of a reproducible figure. Usage: scripts/docs_images.sh [BUILD_DIR]
set -euo pipefail
medius=${1:-build}/medius
out=docs/images
muscles="gluteus_minimus_r gluteus_medius_r gluteus_maximus_r gluteus_minimus_l gluteus_medius_l gluteus_maximus_l"
hideMuscles=(); for m in $muscles iliotibial_tract_r iliotibial_tract_l; do hideMuscles+=(--hide "$m"); done

"$medius" render --out $out/bones-anterior-landmarks.png --size 1600x1200 --view anterior "${hideMuscles[@]}" --landmarks
"$medius" render --out $out/bones-lateral-landmarks.png --size 1600x1200 --view lateral --isolate femur_r --show hip_bone_r --landmarks
"$medius" render --out $out/bones-posterior.png --size 1600x1200 --view posterior "${hideMuscles[@]}" --labels
"$medius" render --out $out/hip-anterior.png --size 1600x1200 --view anterior --labels
"$medius" render --out $out/hip-posterior.png --size 1600x1200 --view posterior --labels
"$medius" render --out $out/hip-lateral.png --size 1600x1200 --view lateral --labels
"$medius" render --out $out/hip-oblique.png --size 1600x1200 --view posterior --orbit 40,-15 --labels
"$medius" render --out $out/attachments-xray.png --size 1600x1200 --view lateral --orbit 20,-10 --xray --highlight attachments --labels
"$medius" render --out $out/gluteus-medius-fibres.png --size 1600x1200 --view lateral --isolate gluteus_medius_r --select gluteus_medius_r --fibres --labels --landmarks
"$medius" render --out $out/gluteus-medius-attachments.png --size 1600x1200 --view lateral --isolate gluteus_medius_r --hide gluteus_medius_r --select gluteus_medius_r --highlight attachments --landmarks
"$medius" render --out $out/hip-oblique-transparent.png --size 1200x1200 --view posterior --orbit 40,-15 --transparent
"$medius" render --out $out/activation-abduction.png --size 1600x1200 --view posterior --motion hip_abduction --time 25% --activation action
"$medius" render --out $out/activation-side-lying-load.png --size 1600x1200 --view posterior --motion side_lying_hip_abduction --time 40% --activation load --colour-map cividis
"$(dirname "$0")/motion_sheet.sh" "${1:-build}" $out/motion-sheet.png
echo "figures written to $out/"
