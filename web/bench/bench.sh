#!/usr/bin/env bash
# End-to-end benchmarks of the deployed app (not tests). Each starts its own ARV (embedded services,
# temporary data directory) from web/target/arv.war and prints its figures; build first:
#   mvn -o -q -DskipTests install
# Usage: web/bench/bench.sh NAME [ARGS]
#   upload              25 x 10 MB JPEGs in one POST /api/v1/media vs a plain copy; ARV's peak heap
#   generation [FACE]   image-to-3D items/min with one node and with two (face limit, default 10000)
#   markers             one portrait upload-to-ready time; 20-portrait batch portraits/min
#   ratelimit           GET /projects req/s (wrk, 16 connections) with the rate limiter on vs off, same run
set -euo pipefail
case "${1:-}" in
    upload) bench=UploadBench ;;
    generation) bench=GenerationThroughputBench ;;
    markers) bench=MarkerThroughputBench ;;
    ratelimit) bench=RateLimitBench ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
esac
shift
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo/web"
mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Darv.war="$repo/web/target/arv.war" "app.arv.web.bench.$bench" "$@"
