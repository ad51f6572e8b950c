#!/usr/bin/env bash
# Cold start and memory of the built appliance: copies the distribution to a scratch folder, then for
# each run starts it on an empty data folder, times start to "health UP" and reads RSS after a settle time.
#   benchmarks/startup.sh [runs] [settle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
SETTLE="${2:-60}"
DIST=karaf-assembly/target/assembly
PORT=8181
[ -x "$DIST/bin/karaf" ] || { echo "Build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
if curl -sf "http://localhost:${PORT}/api/v1/health" > /dev/null 2>&1; then
  echo "Something already answers on port ${PORT}; stop it first" >&2; exit 1
fi
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
cp -r "$DIST" "$SCRATCH/appliance"
cd "$SCRATCH/appliance"
echo "run,start_ms,rss_mib_after_${SETTLE}s"
for run in $(seq 1 "$RUNS"); do
  rm -rf data
  cp "$OLDPWD/$DIST/etc/users.properties" etc/users.properties
  began=$(date +%s%N)
  bin/karaf daemon > /dev/null 2>&1 &
  pid=$!
  until curl -sf "http://localhost:${PORT}/api/v1/health" > /dev/null 2>&1; do
    kill -0 "$pid" 2> /dev/null || { echo "the appliance exited; see data/log/karaf.log" >&2; exit 1; }
    sleep 0.1
  done
  up=$(( ($(date +%s%N) - began) / 1000000 ))
  sleep "$SETTLE"
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  echo "$run,$up,$rss"
  kill "$pid"
  wait "$pid" || true
done
