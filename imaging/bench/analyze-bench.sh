#!/bin/bash
# Benchmark (not a test) of POST /markers/analyze's work per 1024 px image in a warm JVM: decode, analyze (the
# quality report), their process CPU, the full compile and the extra of suggest=true. Target: analyze < 150 ms per
# 1024 px image in the server.
#   imaging/bench/analyze-bench.sh [IMAGE...]   (default: coffee.png and chelsea.png upscaled to 1024 px, and the
#                                                brick texture, via ffmpeg)
#   ARV_BENCH_BEFORE_JAR=/path/to/older/arv-mind-cli.jar imaging/bench/analyze-bench.sh
#       also runs an earlier build, alternating JVMs (before, after, before, after, ... ARV_BENCH_CYCLES times, default
#       3) in the same run, since the machine is shared and noisy, and prints the median of each and after/before.
# Needs imaging/target/arv-mind-cli.jar (mvn -pl imaging package -DskipTests). One JSON line per image and JVM.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="$HERE/../target/arv-mind-cli.jar"
[ -f "$JAR" ] || { echo "build first: mvn -pl imaging package -DskipTests" >&2; exit 2; }
BEFORE="${ARV_BENCH_BEFORE_JAR:-}"
CYCLES="${ARV_BENCH_CYCLES:-3}"
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
if [ -z "$BEFORE" ]; then
  for img in "${images[@]}"; do
    java -cp "$JAR" "$HERE/AnalyzeBench.java" "$img" 5 15 after
  done
  exit 0
fi
for ((c = 0; c < CYCLES; c++)); do
  for img in "${images[@]}"; do
    java -cp "$BEFORE" "$HERE/AnalyzeBench.java" "$img" 5 15 before
    java -cp "$JAR" "$HERE/AnalyzeBench.java" "$img" 5 15 after
  done
done | tee "$WORK/lines.jsonl"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse);
  const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const keys = ["decodeMs", "analyzeTotalMs", "analyzeProcessCpuMs", "fullCompileMs", "suggestExtraMs"];
  for (const image of [...new Set(rows.map((r) => r.image))]) {
    const of = (label, k) => median(rows.filter((r) => r.image === image && r.label === label).map((r) => r[k]));
    const out = { image, summary: "median over JVMs, before / after / after over before" };
    for (const k of keys) out[k] = [of("before", k), of("after", k), +(of("after", k) / of("before", k)).toFixed(2)];
    console.log(JSON.stringify(out));
  }
' "$WORK/lines.jsonl"
