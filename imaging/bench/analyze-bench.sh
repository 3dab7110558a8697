#!/bin/bash
# Benchmark (not a test) of POST /markers/analyze's work per 1024 px image in a warm JVM: decode, compile + quality
# report, the report alone, and the extra of suggest=true. Target: analyze < 150 ms per 1024 px image in the server.
#   imaging/bench/analyze-bench.sh [IMAGE...]   (default: coffee.png and chelsea.png upscaled to 1024 px, and the
#                                                brick texture, via ffmpeg)
# Needs imaging/target/arv-mind-cli.jar (mvn -pl imaging package -DskipTests). One JSON line per image.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="$HERE/../target/arv-mind-cli.jar"
[ -f "$JAR" ] || { echo "build first: mvn -pl imaging package -DskipTests" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  for src in "$HERE/../src/test/resources/images/coffee.png" "$HERE/../src/test/resources/images/chelsea.png" \
             "$HERE/calibration/sources/brick.png"; do
    out="$WORK/$(basename "${src%.*}")-1024.png"
    ffmpeg -hide_banner -loglevel error -y -i "$src" -vf "scale='if(gt(iw,ih),1024,-2)':'if(gt(iw,ih),-2,1024)':flags=lanczos" "$out"
    images+=("$out")
  done
fi
for img in "${images[@]}"; do
  java -cp "$JAR" "$HERE/AnalyzeBench.java" "$img" 5 15
done
