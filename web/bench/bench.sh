#!/usr/bin/env bash
# End-to-end benchmarks of the deployed app (not tests). Each starts its own ARV (embedded services,
# temporary data directory) from web/target/arv.war (built by this script) and prints its figures.
# Usage: web/bench/bench.sh NAME [ARGS]
#   upload              25 x 10 MB JPEGs in one POST /api/v1/media vs a plain copy; ARV's peak heap
#   generation [FACE]   image-to-3D items/min with one node and with two (face limit, default 10000)
#   markers             one portrait upload-to-ready time; 20-portrait batch portraits/min
#   auth-path [SECONDS] wrk: /health/live vs GET /me (JWT) vs GET /projects (API key); login timing
#                       known vs unknown e-mail (another build: ARV_WAR=path/to/arv.war)
#   ratelimit           GET /projects req/s (wrk, 16 connections) with the rate limiter on vs off, same run
#   console             the console's first load in headless Chromium: KB transferred, ms until the dashboard shows
set -euo pipefail
case "${1:-}" in
    upload) bench=UploadBench ;;
    generation) bench=GenerationThroughputBench ;;
    markers) bench=MarkerThroughputBench ;;
    auth-path) bench=AuthPathBench ;;
    ratelimit) bench=RateLimitBench ;;
    console) bench=ConsoleLoadBench ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
esac
shift
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# -am: the reactor's own modules come from this tree (target/classes), nothing needs installing; package builds web/target/arv.war too.
mvn -o -q -pl web -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd "$repo/web"
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Darv.war="${ARV_WAR:-$repo/web/target/arv.war}" "app.arv.web.bench.$bench" "$@"
