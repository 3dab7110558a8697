#!/bin/bash
# One-time setup for the imaging end-to-end tests (MindArDetectionIT, NodeDecodeIT, GltfValidatorIT).
# Needs: Debian packages chromium, chromium-driver, ffmpeg, nodejs/npm (installed here when missing and running as root),
# npm packages from package.json, and the mind-ar 1.2.5 tarball (only its prebuilt browser bundles in dist/).
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
# the console's browser tests (web, Selenium) drive chromium through Debian's chromedriver
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
# The registry is occasionally slow or drops a connection: try each download three times, loudly.
retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    echo "setup.sh: '$*' failed (attempt $attempt of 3)" >&2
    sleep $((attempt * 5))
  done
  return 1
}
# playwright-core drives /usr/bin/chromium and never downloads a browser
retry npm install --no-audit --no-fund --ignore-scripts
mkdir -p vendor
if [ ! -f vendor/package/dist/mindar-image-three.prod.js ]; then
  (cd vendor && retry npm pack --silent mind-ar@1.2.5 >/dev/null && tar xzf mind-ar-1.2.5.tgz && rm -f mind-ar-1.2.5.tgz)
fi
echo "imaging e2e ready: $(node --version), $(chromium --version 2>/dev/null | head -1), mind-ar $(node -p 'require("./vendor/package/package.json").version'), gltf-validator $(node -p 'require("./node_modules/gltf-validator/package.json").version')"
