#!/usr/bin/env bash
# Upload benchmark (not a test): 25 x 10 MB JPEGs in one POST /api/v1/media to the local store vs a plain
# copy of the same bytes to the same disk, and ARV's peak heap meanwhile. Starts its own ARV (embedded
# services, temporary data directory) from web/target/arv.war; build first:
#   mvn -o -q -DskipTests install -pl persistence,ejb,web -am
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo/web"
mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Darv.war="$repo/web/target/arv.war" app.arv.web.bench.UploadBench
