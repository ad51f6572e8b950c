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

source benchmarks/appliance.sh
prepare_appliance
launch_appliance

"$JAVA_HOME/bin/java" -cp "$CLASSES:$HDR" org.switchboard.benchmarks.scale.ScaleCheck \
  "base=$BASE" user=admin "password=$(cat "$HOME_DIR/data/admin.password")" "pid=$PID" "clktck=$(getconf CLK_TCK)" \
  "agents=$AGENTS" "seconds=$SECONDS_OF_FLOW" "rate=$RATE" "talk=$TALK" "parallel=$PARALLEL"

log_summary
stop_appliance
rm -rf "$SCRATCH"
echo "appliance stopped, scratch folder removed"
