#!/usr/bin/env bash
# Applies .clang-format to every C++ file of the project (what the format.check test checks).
set -euo pipefail
cd "$(dirname "$0")/.."
find src tests tools bench \( -name '*.cpp' -o -name '*.h' \) -not -path '*/corpus/*' -not -path '*/crashers/*' -print0 |
  xargs -0 clang-format -i
