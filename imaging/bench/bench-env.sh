# Sourced by the benchmark scripts after they set HERE (their own folder): JAR, the CLI jar that carries every
# imaging class (or a clear exit when it is not built), WORK, a scratch folder removed on exit, and
# require_gnu_time for the scripts that measure CPU and peak memory with /usr/bin/time.
JAR="$HERE/../target/arv-mind-cli.jar"
[ -f "$JAR" ] || { echo "build first: mvn -pl imaging package -DskipTests" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

require_gnu_time() {
  [ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
}
