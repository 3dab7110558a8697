#!/bin/bash
# Calibration of the quality verdict against the real MindAR 1.2.5 runtime (not a test; about an hour on 2 cores).
#   imaging/bench/calibrate.sh            generate the corpus, measure what is not measured yet, table, fit
#   imaging/bench/calibrate.sh --fresh    forget earlier measurements and measure everything again
# 1. corpus: CalibrationCorpus (src/test/java, shared with DetectionCalibrationIT) degrades the 14 public-domain images (src/test/resources/images and
#    bench/calibration/sources) 16 ways each -> 224 targets, each compiled with ARV's compiler, plus the
#    PrintEnhancer version of each (imaging/target/calibration/, regenerated every run; deterministic).
# 2. truth: calibrate.mjs shows each target to the real runtime in headless Chromium under the 6 poses of
#    calibrate.mjs (POSES) -> bench/calibration/detections.jsonl; then the enhanced versions of the targets
#    detected in fewer than 5 of 6 poses -> bench/calibration/detections-enhanced.jsonl. Both resume.
# 3. table + fit: CalibrationFit.java joins features and detections into bench/calibration/corpus.csv, fits
#    the logistic model on 4/5 of the sources' targets, reports both fits (bench/calibration/fit.md).
# Needs: imaging/target/arv-mind-cli.jar and test-classes (mvn -pl imaging package -DskipTests) and src/test/e2e/setup.sh done once.
# ARV_CALIBRATE_KEEP_CORPUS=1 reuses imaging/target/calibration. Runs at nice 19 with one Chromium; ARV_CALIBRATE_MAX_FRAMES (default 30) frames per pose before "not found".
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
IMAGING="$(cd "$HERE/.." && pwd)"
E2E="$IMAGING/src/test/e2e"
JAR="$IMAGING/target/arv-mind-cli.jar"
WORK="$IMAGING/target/calibration"
OUT="$HERE/calibration"
FRAMES="${ARV_CALIBRATE_MAX_FRAMES:-30}"
[ -f "$JAR" ] && [ -f "$IMAGING/target/test-classes/app/arv/imaging/mind/quality/CalibrationCorpus.class" ] \
  || { echo "build first: mvn -pl imaging package -DskipTests" >&2; exit 2; }
[ -f "$E2E/vendor/package/dist/mindar-image.prod.js" ] || { echo "run $E2E/setup.sh first" >&2; exit 2; }
if [ "${1:-}" = "--fresh" ]; then rm -f "$OUT/detections.jsonl" "$OUT/detections-enhanced.jsonl"; fi

sources=()
for n in camera chelsea coffee coins horse page; do sources+=("$IMAGING/src/test/resources/images/$n.png"); done
sources+=("$IMAGING/src/test/resources/images/rocket.jpg")
for f in "$OUT"/sources/*; do sources+=("$f"); done

if [ "${ARV_CALIBRATE_KEEP_CORPUS:-0}" = 1 ] && [ -f "$WORK/features.csv" ]; then
  echo "calibrate: reusing the corpus in $WORK" >&2
else
  echo "calibrate: generating the corpus in $WORK" >&2
  rm -rf "$WORK"
  nice -n 19 java -cp "$JAR:$IMAGING/target/test-classes" app.arv.imaging.mind.quality.CalibrationCorpus "$WORK" "${sources[@]}" 2>/dev/null
fi

echo "calibrate: measuring $(wc -l < "$WORK/jobs.tsv") targets x 6 poses" >&2
(cd "$E2E" && nice -n 19 node calibrate.mjs "$WORK/jobs.tsv" "$OUT/detections.jsonl" --max-frames "$FRAMES")

# enhanced versions of the targets found in fewer than 5 of the 6 poses
node -e '
  const fs = require("fs");
  const weak = new Set(fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse)
    .filter((r) => r.poses.filter((p) => p.found).length < 5).map((r) => r.id + "~enhanced"));
  const jobs = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => weak.has(l.split("\t")[0]));
  fs.writeFileSync(process.argv[3], jobs.join("\n") + "\n");
' "$OUT/detections.jsonl" "$WORK/jobs-enhanced.tsv" "$WORK/jobs-enhanced-weak.tsv"
echo "calibrate: measuring $(grep -c . "$WORK/jobs-enhanced-weak.tsv" || true) enhanced versions" >&2
(cd "$E2E" && nice -n 19 node calibrate.mjs "$WORK/jobs-enhanced-weak.tsv" "$OUT/detections-enhanced.jsonl" --max-frames "$FRAMES")

nice -n 19 java -cp "$JAR" "$HERE/CalibrationFit.java" "$WORK/features.csv" "$OUT/detections.jsonl" \
  "$OUT/detections-enhanced.jsonl" "$OUT"
