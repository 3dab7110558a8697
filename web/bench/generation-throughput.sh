#!/usr/bin/env bash
# Image-to-3D throughput benchmark (not a test): 25-image batches with the local provider, items/min with
# one ARV node and with two (two Payara Micro processes sharing PostgreSQL, Redis and Artemis), measured
# in the same run. Starts its own ARV (embedded services, temporary data directory) from web/target/arv.war;
# build first:
#   mvn -o -q -DskipTests install -pl persistence,imaging,ejb,server-config/launcher,web -am
# Usage: web/bench/generation-throughput.sh [FACE_LIMIT]   (default 10000)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo/web"
mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Darv.war="$repo/web/target/arv.war" app.arv.web.bench.GenerationThroughputBench "$@"
