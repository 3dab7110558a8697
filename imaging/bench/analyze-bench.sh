#!/bin/bash
# Benchmark (not a test) of POST /markers/analyze's work per 1024 px image in a warm JVM: decode, analyze (the
# quality report), their process CPU, the full compile and the extra of suggest=true. Target: analyze < 150 ms per
# 1024 px image in the server.
#   imaging/bench/analyze-bench.sh [IMAGE...]   (default: coffee.png and chelsea.png upscaled to 1024 px, and the
#                                                brick texture, via ffmpeg)
#   ARV_BENCH_BEFORE_JAR=/path/to/older/arv-mind-cli.jar imaging/bench/analyze-bench.sh
#       then also AnalyzeCompare.java: the earlier build and this one in ONE JVM (a class loader each), alternating
#       call by call for ARV_BENCH_ROUNDS (default 40) rounds per image, wall and CPU of all Java threads, medians
#       and after/before ratios: the machine is shared and noisy, compare the ratios.
# Needs imaging/target/arv-mind-cli.jar (mvn -pl imaging package -DskipTests). One JSON line per image (and run).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-env.sh"
BEFORE="${ARV_BENCH_BEFORE_JAR:-}"
ROUNDS="${ARV_BENCH_ROUNDS:-40}"
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
  java -cp "$JAR" "$HERE/AnalyzeBench.java" "$img" 5 15 after
done
if [ -n "$BEFORE" ]; then
  java "$HERE/AnalyzeCompare.java" "$BEFORE" "$JAR" "$ROUNDS" "${images[@]}"
fi
