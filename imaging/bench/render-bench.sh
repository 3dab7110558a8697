#!/bin/bash
# Benchmark (not a test) of the generation preview: per sample image and face limit, the time to read the model's
# GLB back into a scene, render it (640 px, 3x3 supersampling) and encode the PNG, in a warm JVM (median of 9
# after a cold run). One JSON line per case, each in its own JVM.
#   imaging/bench/render-bench.sh [IMAGE...]   (default: horse, coffee, coins, rocket from src/test/resources/images)
# Needs imaging/target/arv-mind-cli.jar (mvn -pl imaging package -DskipTests).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/bench-env.sh"
images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  for name in horse.png coffee.png coins.png rocket.jpg; do
    images+=("$HERE/../src/test/resources/images/$name")
  done
fi
for img in "${images[@]}"; do
  for faces in 10000 100000; do
    java -cp "$JAR" "$HERE/RenderBench.java" "$img" "$faces" standard 9
  done
done
