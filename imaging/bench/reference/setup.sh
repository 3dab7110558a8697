#!/bin/bash
# Installs the official mind-ar 1.2.5 compiler for Node (used by bench.sh and to regenerate golden files).
# node-canvas is built from source, so it needs the Cairo/Pango/JPEG/GIF/SVG -dev packages.
set -euo pipefail
cd "$(dirname "$0")"
if ! dpkg -s libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
fi
[ -d node_modules/mind-ar ] || npm install --ignore-scripts --no-audit --no-fund
[ -f node_modules/canvas/build/Release/canvas.node ] || npm rebuild canvas
echo "reference compiler ready"
