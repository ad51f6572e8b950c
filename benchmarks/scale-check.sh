#!/usr/bin/env bash
# Scale check of the built appliance over REST: copies the distribution to a scratch folder, starts it on free
# ports, then org.switchboard.benchmarks.scale.ScaleCheck defines queues, creates, signs in and readies the
# agents and keeps contacts flowing; the appliance is stopped and the folder removed at the end.
#   benchmarks/scale-check.sh [agents] [seconds] [contacts-per-second]      (defaults 2500 120 40)
# Environment: PARALLEL (requests at once, default 4), TALK (mean talk seconds, default 45: with 40 contacts/s
# about 1,900 of 2,500 agents busy, reached after about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-2500}"
SECONDS_OF_FLOW="${2:-120}"
RATE="${3:-40}"
PARALLEL="${PARALLEL:-4}"
TALK="${TALK:-45}"
DIST=karaf-assembly/target/assembly
CLASSES=benchmarks/target/classes
HDR="${HOME}/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
[ -x "$DIST/bin/karaf" ] || { echo "Build the appliance first: ./mvnw -B install -DskipTests" >&2; exit 1; }
[ -f "$CLASSES/org/switchboard/benchmarks/scale/ScaleCheck.class" ] && [ -f "$HDR" ] \
  || { echo "Build the benchmarks first: ./mvnw -B -q install -pl benchmarks -am -DskipTests" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

# A port nobody answers on; good enough on a machine whose other appliances also take random free ports.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/${port}") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
}

# Sets key = value in a file under etc/, replacing its line or adding one (as the integration tests do).
configure() {
  local file="$HOME_DIR/etc/$1" key="$2" value="$3"
  if grep -qE "^[[:space:]]*${key//./\\.}[[:space:]]*=" "$file" 2> /dev/null; then
    sed -i -E "s|^[[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
  else
    printf '\n%s = %s\n' "$key" "$value" >> "$file"
  fi
}

SCRATCH=$(mktemp -d)
HOME_DIR="$SCRATCH/appliance"
PID=""
stop_appliance() {
  if [ -n "$PID" ] && kill -0 "$PID" 2> /dev/null; then
    kill "$PID"
    for _ in $(seq 1 60); do
      kill -0 "$PID" 2> /dev/null || break
      sleep 1
    done
    if kill -0 "$PID" 2> /dev/null; then
      echo "the appliance did not stop within 60 s; killing it" >&2
      kill -9 "$PID" || true
    fi
  fi
  PID=""
}
trap 'stop_appliance; rm -rf "$SCRATCH"' EXIT

cp -r "$DIST" "$HOME_DIR"
rm -rf "$HOME_DIR/data"
HTTP_PORT=$(free_port)
configure org.ops4j.pax.web.cfg org.osgi.service.http.port "$HTTP_PORT"
configure org.apache.karaf.shell.cfg sshPort "$(free_port)"
configure org.apache.karaf.management.cfg rmiRegistryPort "$(free_port)"
configure org.apache.karaf.management.cfg rmiServerPort "$(free_port)"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
began=$(date +%s%N)
# bin/karaf daemon execs the JVM, so $! is the appliance's own process id.
(cd "$HOME_DIR" && exec bin/karaf daemon > console.out 2>&1) &
PID=$!
BASE="http://localhost:${HTTP_PORT}/api/v1"
until curl -sf "$BASE/health" > /dev/null 2>&1; do
  kill -0 "$PID" 2> /dev/null || { echo "the appliance exited; see its data/log/karaf.log" >&2; exit 1; }
  if [ $(( ($(date +%s%N) - began) / 1000000000 )) -gt 180 ]; then
    echo "health not UP within 180 s" >&2; exit 1
  fi
  sleep 0.2
done
# The REST application is rebuilt while late services arrive at boot: let UP hold a moment.
sleep 2
echo "appliance pid $PID on port $HTTP_PORT, health UP after $(( ($(date +%s%N) - began) / 1000000 )) ms"

"$JAVA_HOME/bin/java" -cp "$CLASSES:$HDR" org.switchboard.benchmarks.scale.ScaleCheck \
  "base=$BASE" user=admin "password=$(cat "$HOME_DIR/data/admin.password")" "pid=$PID" "clktck=$(getconf CLK_TCK)" \
  "agents=$AGENTS" "seconds=$SECONDS_OF_FLOW" "rate=$RATE" "talk=$TALK" "parallel=$PARALLEL"

echo "appliance log lines at WARN or ERROR (distinct messages, most frequent first):"
grep -E "\| (ERROR|WARN) " "$HOME_DIR/data/log/karaf.log" | cut -d'|' -f3- | sed -E 's/[0-9]+/N/g' | sort | uniq -c \
  | sort -rn | head -20 || true
stop_appliance
rm -rf "$SCRATCH"
echo "appliance stopped, scratch folder removed"
