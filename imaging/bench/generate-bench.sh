#!/bin/bash
# Benchmark of the local image-to-3D generator: time and peak memory per image at face limits 10 000 and 100 000,
# all measured in one run.
#   imaging/bench/generate-bench.sh [IMAGE...]   (default: horse.png, coffee.png, rocket.jpg from the test images,
#                                                 plus coffee.png enlarged to 4020 px as a 12-megapixel phone JPEG)
# Needs: imaging/target/arv-mind-cli.jar (mvn -pl imaging package -DskipTests; it carries all imaging classes),
# GNU time (/usr/bin/time), ffmpeg for the phone-size image.
# Each case runs in a fresh JVM (JVM_OPTS, default -Xmx512m): "cold" = first generation in that JVM (class
# loading, JIT), "warm" = median of WARM further generations (the app server's steady state), wall time and the
# generating thread's CPU time (wall time on a loaded machine mostly measures the other load; CPU does not);
# process CPU = user+sys of the whole JVM (1 + WARM generations, start-up and GC threads included);
# RSS = the process's peak resident set; heap peak = most heap in use at any point (garbage included).
# Texture: standard (1024 px).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-env.sh"
WARM="${WARM:-3}"
# the heap the app server would give one generation; also what the unit tests run with
JVM_OPTS="${JVM_OPTS:--Xmx512m}"
require_gnu_time
images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  for n in horse.png coffee.png rocket.jpg; do images+=("$HERE/../src/test/resources/images/$n"); done
  if command -v ffmpeg >/dev/null; then
    ffmpeg -hide_banner -loglevel error -y -i "$HERE/../src/test/resources/images/coffee.png" \
      -vf scale=4020:-2:flags=lanczos -q:v 3 "$WORK/coffee-12mp.jpg"
    images+=("$WORK/coffee-12mp.jpg")
  fi
fi
echo "| image | size | face limit | faces | cold (wall) | warm (wall) | warm (CPU) | warm stages (wall ms): segment/inflate/simplify/encode | process CPU | heap peak | process peak RSS | GLB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for img in "${images[@]}"; do
  name="$(basename "$img")"
  size="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$img" 2>/dev/null || echo '?')"
  for limit in 10000 100000; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%M %U %S" -o "$WORK/time" java $JVM_OPTS -cp "$JAR" "$HERE/GenerateBench.java" "$img" "$limit" standard "$WARM" > "$WORK/out"
    json="$(tail -1 "$WORK/out")"
    field() { sed -E "s/.*\"$1\":\"?([^,\"}]*)\"?.*/\1/" <<<"$json"; }
    read -r rss user sys < "$WORK/time"
    cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u + s}')"
    echo "| $name | $size | $limit | $(field faces) | $(field coldMs) ms | $(field warmMs) ms | $(field warmCpuMs) ms | $(field stagesMs) | $cpu s | $(field heapPeakMiB) MiB | $((rss / 1024)) MiB | $(field glbKiB) KiB |"
  done
done
