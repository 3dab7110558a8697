#!/usr/bin/env bash
# Runs ARV locally: PostgreSQL, Redis and Artemis (embedded, data in .arv-data/) and Payara Micro with
# web/target/arv.war on http://127.0.0.1:8080. Builds first when the WAR or the launcher is missing or
# older than the sources. Ctrl-C stops everything; the data stays.
#
#   server-config/run.sh                      # ARV + services
#   server-config/run.sh --http-port 8081     # other ports: --postgres-port --redis-port --artemis-port
#   server-config/run.sh --services-only      # only the services; prints DATABASE_URL=... lines
#
# DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD, REDIS_URL or ARTEMIS_URL in the environment make ARV use
# that running service instead of an embedded one. ARV_ADMIN_EMAIL / ARV_ADMIN_PASSWORD and the other
# ARV_* variables are passed through to the application.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

war=web/target/arv.war
launcher=server-config/launcher/target/arv-launcher.jar
runtime=server-config/launcher/target/runtime

needs_build() {
    [[ -f $war && -f $launcher && -f $runtime/payara-micro.jar && -f $runtime/artemis-rar.rar ]] || return 0
    # Any source or build file newer than the WAR or the launcher means a stale build.
    local newer
    newer=$(find pom.xml ./*/pom.xml ./*/src server-config/*/pom.xml server-config/*/src \
        -newer "$war" -type f -print -quit 2>/dev/null)
    [[ -n $newer ]] && return 0
    newer=$(find server-config/launcher/src server-config/src server-config/launcher/pom.xml \
        -newer "$launcher" -type f -print -quit 2>/dev/null)
    [[ -n $newer ]]
}

if needs_build; then
    echo "Building ARV (mvn -q -DskipTests package)..." >&2
    mvn -q -DskipTests ${MVN_ARGS:-} package
fi

java_bin=java
[[ -n ${JAVA_HOME:-} ]] && java_bin="$JAVA_HOME/bin/java"
# exec: Ctrl-C reaches the launcher directly, whose shutdown hook stops Payara, then the services.
# The launcher JVM hosts the embedded Artemis broker (it pages to disk past 64 MiB per address), so a
# small heap is enough; ARV_LAUNCHER_OPTS overrides it. Payara Micro gets its own -Xmx1g.
# shellcheck disable=SC2086
exec "$java_bin" ${ARV_LAUNCHER_OPTS:--Xmx512m} -cp "$launcher:server-config/launcher/target/lib/*" \
    app.arv.launcher.ArvMain "$@"
