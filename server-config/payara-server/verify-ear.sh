#!/usr/bin/env bash
# Proves that ear/target/arv.ear runs on full Payara Server (the same version as Payara Micro):
#   1. unpacks Payara Server (fish.payara.distributions:payara:zip via Maven) into target/,
#   2. starts PostgreSQL, Redis and Artemis with the launcher's --services-only mode (fresh data),
#   3. creates a domain on ports 8190-8199, puts the PostgreSQL driver in its lib/, starts it with
#      ARV's environment, creates jdbc/arv, the batch job repository and the adapter's broker address
#      from the SAME template as Payara Micro (post-boot-commands.txt, rendered for asadmin),
#   4. deploys server-config/launcher/target/runtime/artemis-rar.rar as artemis-rar, then the EAR,
#   5. checks /health/ready is UP (postgresql), and one authenticated round trip: POST /api/v1/auth/login
#      (ARV_ADMIN_EMAIL/ARV_ADMIN_PASSWORD set here) -> JWT -> GET /api/v1/me = 200, whose access-log line
#      must be in server.log, and GET /api/v1/admin/health = 200 naming redis and artemis UP,
#   6. stops the domain and the services. Exit status 0 only if every step passed; on failure the
#      server log tail is printed.
# Needs: the reactor built (mvn -DskipTests package: ear/target/arv.ear, the launcher and its runtime/).
# Ports: admin 8190, HTTP 8191 (override with VERIFY_PORT_BASE=8190 -> +0 admin, +1 http, +2..+9 others).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="$here/target"
base=${VERIFY_PORT_BASE:-8190}
admin_port=$base
http_port=$((base + 1))
domain=arv-verify
started=$(date +%s)

ear="$repo/ear/target/arv.ear"
launcher="$repo/server-config/launcher/target/arv-launcher.jar"
runtime="$repo/server-config/launcher/target/runtime"
for f in "$ear" "$launcher" "$runtime/artemis-rar.rar" "$runtime/postgresql.jar"; do
    [[ -f $f ]] || { echo "verify-ear: $f is missing; run 'mvn -DskipTests package' first" >&2; exit 2; }
done

step() { printf '\n== verify-ear: %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }

services_pid=""
payara_home="$target/payara-server/payara6"
asadmin="$payara_home/bin/asadmin"
server_log="$payara_home/glassfish/domains/$domain/logs/server.log"

cleanup() {
    local status=$?
    if [[ -x $asadmin ]] && [[ -d $payara_home/glassfish/domains/$domain ]]; then
        "$asadmin" --host 127.0.0.1 --port "$admin_port" stop-domain "$domain" >/dev/null 2>&1 || true
    fi
    if [[ -n $services_pid ]] && kill -0 "$services_pid" 2>/dev/null; then
        kill "$services_pid" 2>/dev/null || true   # SIGTERM: the launcher's hook stops the services cleanly
        for _ in $(seq 1 30); do kill -0 "$services_pid" 2>/dev/null || break; sleep 1; done
    fi
    if [[ $status -ne 0 ]]; then
        echo "verify-ear: FAILED (exit $status) after $(($(date +%s) - started)) s" >&2
        if [[ -f $server_log ]]; then
            echo "--- last 80 lines of $server_log ---" >&2
            tail -n 80 "$server_log" >&2
        fi
        if [[ -f $target/services.log ]]; then
            echo "--- last 20 lines of $target/services.log ---" >&2
            tail -n 20 "$target/services.log" >&2
        fi
    else
        echo "verify-ear: OK in $(($(date +%s) - started)) s"
    fi
}
trap cleanup EXIT

step "Payara Server distribution"
if [[ ! -x $asadmin ]]; then
    mvn -q -f "$here/pom.xml" package
fi

step "backing services (launcher --services-only)"
rm -rf "$target/services" "$target/services.env"
# setsid: its own session, so no terminal hang-up or Ctrl-C aimed at this script's group reaches it
# directly; cleanup() stops it with SIGTERM (the launcher then stops the services in order).
setsid java -cp "$launcher:$repo/server-config/launcher/target/lib/*" app.arv.launcher.ArvMain --services-only --free-ports --data-dir "$target/services" \
    --env-file "$target/services.env" >"$target/services.log" 2>&1 &
services_pid=$!
for _ in $(seq 1 120); do
    [[ -f $target/services.env ]] && break
    kill -0 "$services_pid" 2>/dev/null || { echo "the services did not start" >&2; exit 1; }
    sleep 0.5
done
[[ -f $target/services.env ]] || { echo "the services did not start within 60 s" >&2; exit 1; }
set -a
# shellcheck disable=SC1091
source "$target/services.env"
# ARV's own settings: the server process inherits them (MP Config reads the environment).
ARV_ADMIN_EMAIL=verify-admin@arv.test
ARV_ADMIN_PASSWORD="verify-$(date +%s)-$RANDOM"
ARV_DATA_DIR="$target/services/files"
ARV_JWT_ISSUER=arv-verify
ARV_CORS_ORIGINS="http://127.0.0.1:$http_port"
set +a
mkdir -p "$ARV_DATA_DIR"
echo "DATABASE_URL=$DATABASE_URL REDIS_URL=$REDIS_URL ARTEMIS_URL=$ARTEMIS_URL"

step "domain $domain (admin $admin_port, http $http_port)"
"$asadmin" delete-domain "$domain" >/dev/null 2>&1 || true
rm -rf "$payara_home/glassfish/domains/$domain"   # a domain left broken by an interrupted run
"$asadmin" --user admin --passwordfile /dev/null create-domain --nopassword \
    --adminport "$admin_port" --instanceport "$http_port" \
    --domainproperties "http.ssl.port=$((base + 2)):jms.port=$((base + 3)):orb.listener.port=$((base + 4)):orb.ssl.port=$((base + 5)):orb.mutualauth.port=$((base + 6)):domain.jmxPort=$((base + 7)):osgi.shell.telnet.port=$((base + 8)):java.debugger.port=$((base + 9))" \
    "$domain" >/dev/null
# The JDBC pool is server-level, so the driver goes on the server class path.
cp "$runtime/postgresql.jar" "$payara_home/glassfish/domains/$domain/lib/"
# Every listener on the loopback interface only (the domain template binds 0.0.0.0).
sed -i -e '/<network-listener /{/ address=/!s/<network-listener /<network-listener address="127.0.0.1" /}' \
    -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
    "$payara_home/glassfish/domains/$domain/config/domain.xml"
"$asadmin" --host 127.0.0.1 --port "$admin_port" start-domain "$domain"

as() { "$asadmin" --host 127.0.0.1 --port "$admin_port" "$@"; }

step "server resources from post-boot-commands.txt"
java -cp "$launcher:$repo/server-config/launcher/target/lib/*" app.arv.launcher.ArvMain --payara-commands "$target/asadmin-commands.txt" --asadmin
# Payara Server keeps Hazelcast on by default; one node needs none of it (and it would bind 5900+).
echo "set-hazelcast-configuration --enabled false --dynamic true" >>"$target/asadmin-commands.txt"
as multimode --file "$target/asadmin-commands.txt"

step "deploy artemis-rar, then the EAR"
as deploy --name artemis-rar "$runtime/artemis-rar.rar"
as deploy --name arv "$ear"

step "readiness"
ready=""
for _ in $(seq 1 120); do
    ready=$(curl -s --max-time 5 "http://127.0.0.1:$http_port/health/ready" || true)
    if [[ $ready == '{"status":"UP"'* && $ready == *'"postgresql"'* ]]; then
        break
    fi
    sleep 1
done
echo "/health/ready: $ready"
[[ $ready == '{"status":"UP"'* ]] || { echo "ARV is not ready on Payara Server" >&2; exit 1; }

step "authenticated round trip"
login=$(curl -s --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ARV_ADMIN_EMAIL\",\"password\":\"$ARV_ADMIN_PASSWORD\"}" \
    -w '\n%{http_code}' "http://127.0.0.1:$http_port/api/v1/auth/login")
login_status=${login##*$'\n'}
[[ $login_status == 200 ]] || { echo "POST /api/v1/auth/login answered $login_status: ${login%$'\n'*}" >&2; exit 1; }
token=$(printf '%s' "${login%$'\n'*}" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "no access_token in the login answer: ${login%$'\n'*}" >&2; exit 1; }
me_status=$(curl -s --max-time 10 -o "$target/me.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$http_port/api/v1/me")
[[ $me_status == 200 ]] || { echo "GET /api/v1/me answered $me_status: $(cat "$target/me.json")" >&2; exit 1; }
echo "GET /api/v1/me: $(cat "$target/me.json")"
# Redis and the broker are dependencies outside readiness: the platform admin's health report names them.
health_status=$(curl -s --max-time 10 -o "$target/health.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$http_port/api/v1/admin/health")
health=$(cat "$target/health.json")
[[ $health_status == 200 && $health == *'"name":"redis"'* && $health == *'"name":"artemis"'* ]] \
    || { echo "GET /api/v1/admin/health answered $health_status: $health" >&2; exit 1; }
echo "GET /api/v1/admin/health: UP, with redis and artemis"

step "ARV's own log lines reach server.log"
# A daemon's stdout is read by nobody: ARV must log through the server's own log here.
for _ in $(seq 1 10); do grep -q "request GET /api/v1/me 200" "$server_log" && break; sleep 1; done
grep -q "request GET /api/v1/me 200" "$server_log" || { echo "no access-log line for GET /api/v1/me in $server_log" >&2; exit 1; }
echo "server.log has the access-log line of GET /api/v1/me"

step "stop"
