#!/bin/bash
# Compile benchmark: our compiler vs the official mind-ar 1.2.5 compiler on the same images, same run.
#   imaging/bench/bench.sh [IMAGE...]      (default: the sample images under src/test/resources/images,
#                                           plus coffee.png upscaled to 1024 px on the long side)
# Needs: imaging/target/arv-mind-cli.jar (mvn -pl imaging package), GNU time (/usr/bin/time), ffmpeg for the
# 1024-px image, and the reference compiler (imaging/bench/reference/setup.sh) -- without it only our side runs.
# Prints a Markdown table; CPU = user+sys seconds of the whole process, RSS = peak resident set size.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-env.sh"
require_gnu_time
images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  for n in chelsea coffee camera coins page; do images+=("$HERE/../src/test/resources/images/$n.png"); done
  if command -v ffmpeg >/dev/null; then
    ffmpeg -hide_banner -loglevel error -y -i "$HERE/../src/test/resources/images/coffee.png" -vf scale=1024:-2:flags=lanczos "$WORK/coffee-1024.png"
    images+=("$WORK/coffee-1024.png")
  fi
fi
REF=0
[ -f "$HERE/reference/node_modules/canvas/build/Release/canvas.node" ] && REF=1

# measure CMD...: prints "cpu_seconds peak_rss_kib"
measure() {
  /usr/bin/time -f "%U %S %M" -o "$WORK/time" "$@" > "$WORK/stdout" 2> "$WORK/stderr" || { cat "$WORK/stderr" >&2; return 1; }
  awk '{printf "%.2f %d\n", $1 + $2, $3}' "$WORK/time"
}

echo "| image | size | ours CPU (process) | ours CPU (warm JVM) | ours peak RSS | official CPU | official peak RSS | CPU ratio (process) | CPU ratio (warm) |"
echo "|---|---|---|---|---|---|---|---|---|"
for img in "${images[@]}"; do
  name="$(basename "$img")"
  size="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$img" 2>/dev/null || echo '?')"
  read -r ours_cpu ours_rss < <(measure java -jar "$JAR" --max-side 8192 compile "$img" "$WORK/ours.mind")
  warm_ms="$(java -cp "$JAR" "$HERE/WarmCompile.java" "$img" 20 20 | sed -E 's/.*"cpuMs":([0-9.]+).*/\1/')"
  if [ "$REF" = 1 ]; then
    read -r ref_cpu ref_rss < <(cd "$HERE/reference" && measure node compile.mjs "$WORK/ref.mind" "$img")
    ratio="$(awk -v r="$ref_cpu" -v o="$ours_cpu" 'BEGIN{printf "%.0fx", r/o}')"
    warm_ratio="$(awk -v r="$ref_cpu" -v o="$warm_ms" 'BEGIN{printf "%.0fx", r*1000/o}')"
    echo "| $name | $size | ${ours_cpu} s | $(awk -v m="$warm_ms" 'BEGIN{printf "%.2f", m/1000}') s | $((ours_rss / 1024)) MiB | ${ref_cpu} s | $((ref_rss / 1024)) MiB | $ratio | $warm_ratio |"
  else
    echo "| $name | $size | ${ours_cpu} s | $(awk -v m="$warm_ms" 'BEGIN{printf "%.2f", m/1000}') s | $((ours_rss / 1024)) MiB | - | - | - | - |"
  fi
done
# the whole set in one process each (one .mind with all targets), as a batch job would run it
read -r all_ours_cpu all_ours_rss < <(measure java -jar "$JAR" --max-side 8192 compile "${images[@]}" "$WORK/all-ours.mind")
if [ "$REF" = 1 ]; then
  read -r all_ref_cpu all_ref_rss < <(cd "$HERE/reference" && measure node compile.mjs "$WORK/all-ref.mind" "${images[@]}")
  echo "| all ${#images[@]} images, one process | | ${all_ours_cpu} s | | $((all_ours_rss / 1024)) MiB | ${all_ref_cpu} s | $((all_ref_rss / 1024)) MiB | $(awk -v r="$all_ref_cpu" -v o="$all_ours_cpu" 'BEGIN{printf "%.0fx", r/o}') | |"
  if cmp -s "$WORK/all-ours.mind" "$WORK/all-ref.mind"; then echo; echo "(the two batch .mind files are byte-identical)"; fi
else
  echo "| all ${#images[@]} images, one process | | ${all_ours_cpu} s | | $((all_ours_rss / 1024)) MiB | - | - | - | |"
fi
