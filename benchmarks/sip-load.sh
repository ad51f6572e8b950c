#!/usr/bin/env bash
# Signalling throughput of the built appliance with sipp: callers (sip/uac.xml) dial an entry point whose flow
# puts them in a queue; AGENTS agents are signed in at phones that one sipp answers (sip/uas-agent.xml: answer
# at once, 0.5 s of talk, hang up). A call counts only if it reached an agent (the queue's answered figure).
# For each rate: calls placed, reached an agent, refused with 503 (past capacity), ended otherwise, failed
# (sipp: timeouts, unexpected messages), the appliance's CPU; then the same callers against the agent sipp
# directly, for the ratio. At the end, whether any phone was offered a second call while it had one.
#   benchmarks/sip-load.sh [agents] [calls-per-rate] [rates...]      (defaults 200 3000 100 200 300)
# HANGUP=caller: callers hang up 0.5 s after they are answered, whether or not an agent took the call (sip/uac-hangup.xml),
# and the phones talk until the appliance hangs up (sip/uas-agent-wait.xml); after each rate the script reports what
# was left (calls listed, contacts waiting, agents not ready) and how long until the appliance was back to normal.
# PROFILE=1 records the first rate with Java Flight Recorder and prints the hottest methods; KEEP=1 keeps the
# scratch folder (sipp and appliance logs). WARMUP (default 1500) calls at 150 cps go first and are not
# counted, so that the figures are of a warmed-up JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS="${1:-200}"
CALLS="${2:-3000}"
shift 2 2> /dev/null || true
RATES=("$@")
[ ${#RATES[@]} -gt 0 ] || RATES=(100 200 300)
TALK_MS="${TALK_MS:-500}"
CALLER=uac.xml
PHONES=uas-agent.xml
if [ "${HANGUP:-agent}" = caller ]; then
  CALLER=uac-hangup.xml
  PHONES=uas-agent-wait.xml
fi
DIST=karaf-assembly/target/assembly
[ -x "$DIST/bin/karaf" ] || { echo "Build the appliance first: ./mvnw -B install -DskipTests" >&2; exit 1; }
command -v sipp > /dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
SIPP_DIR=benchmarks/sip

source benchmarks/appliance.sh
prepare_appliance
# Room for many calls, and media ports for both legs of each (15,000 legs of an RTP and an RTCP port).
configure org.switchboard.sip.cfg max.calls 5000
configure org.switchboard.media.cfg rtp.port.min 20000
configure org.switchboard.media.cfg rtp.port.max 49999
# OVERLOAD_LAG_MS=0 turns off refusing new calls when the appliance is past its capacity (default 400 ms).
[ -z "${OVERLOAD_LAG_MS:-}" ] || configure org.switchboard.sip.cfg overload.lag.ms "$OVERLOAD_LAG_MS"
# The phones all share one sipp; give each agent its own extension and password.
for i in $(seq 1 "$AGENTS"); do
  ext=$((50000 + i))
  printf 'extension = %s\npassword = pw-%s\n' "$ext" "$ext" > "$HOME_DIR/etc/org.switchboard.sip.phone-$ext.cfg"
done
# SIP_DEBUG=1 logs each call's steps (slower; for finding out what happened to a call).
if [ -n "${SIP_DEBUG:-}" ]; then
  configure org.ops4j.pax.logging.cfg log4j2.logger.switchboardsip.name org.switchboard.sip
  configure org.ops4j.pax.logging.cfg log4j2.logger.switchboardsip.level DEBUG
fi
launch_appliance
AUTH="admin:$(cat "$HOME_DIR/data/admin.password")"
rest() { curl -sf -o /dev/null -u "$AUTH" -H 'Content-Type: application/json' -X "$1" "$BASE$2" -d "$3"; }

# As long a line as a queue may have: a caller beyond the agents' pace waits for one (and counts when one answers)
# rather than being turned away by a full queue.
rest PUT /queues/load '{"strategy":"LONGEST_IDLE","wrapUpSeconds":0,"offerTimeoutSeconds":10,"maxLength":100000,"groups":["load"]}'
rest PUT /flows/load '{"start":"q","steps":{"q":{"type":"queue","queue":"load"}}}'
rest PUT /entry-points/500 '{"flow":"load"}'

UAS_PORT=$(free_port)
CSV="$SCRATCH/agents.csv"
: > "$CSV"
for i in $(seq 1 "$AGENTS"); do
  ext=$((50000 + i))
  echo "$ext;pw-$ext" >> "$CSV"
  rest PUT "/agents/load$i" '{"name":"Load '"$i"'","groups":["load"],"capacity":{"VOICE":1}}'
  rest POST "/agents/load$i/login" '{"extension":"'"$ext"'"}'
  rest PUT "/agents/load$i/state" '{"state":"READY"}'
done
echo "$AGENTS agents ready"
python3 "$SIPP_DIR/register.py" "127.0.0.1:$SIP_PORT" "$UAS_PORT" "$CSV"
(cd "$SCRATCH" && exec sipp -sf "$OLDPWD/$SIPP_DIR/$PHONES" -i 127.0.0.1 -p "$UAS_PORT" -d "$TALK_MS" \
  -trace_logs -log_file phones.log -nostdin > uas.out 2>&1) &
UAS_PID=$!
trap 'kill "$UAS_PID" 2> /dev/null || true; stop_appliance; [ -n "${KEEP:-}" ] || rm -rf "$SCRATCH"' EXIT

# Places CALLS calls at a rate to a target; prints "ended-normally refused-with-503 failed seconds" (sipp's
# counts: a refused call ends normally too). Why calls failed goes to err-RATE-NAME.log.
run_calls() {
  local rate="$1" target="$2" service="$3" log="$SCRATCH/uac-$1-$4.out"
  local began=$(date +%s%N)
  (cd "$SCRATCH" && sipp -sf "$OLDPWD/$SIPP_DIR/$CALLER" "$target" -s "$service" -i 127.0.0.1 -p "$(free_port)" \
    -r "$rate" -m "$CALLS" -l 5000 -nostdin -timeout 600 -trace_stat -stf "stat-$1-$4.csv" \
    -trace_err -error_file "err-$1-$4.log" ${SIPP_TRACE:+-trace_msg -message_file "msg-$1-$4.log"} > "$log" 2>&1) || true
  local ended=$(date +%s%N)
  local ok failed refused
  ok=$(grep -E "^ *Successful call" "$log" | tail -1 | awk '{print $NF}' || true)
  failed=$(grep -E "^ *Failed call" "$log" | tail -1 | awk '{print $NF}' || true)
  refused=$(grep -E "^ +503 <-" "$log" | tail -1 | awk '{print $3}' || true)
  [ -n "$ok" ] || { echo "sipp gave no figures: $(tail -3 "$log")" >&2; ok="?"; }
  echo "${ok:-?} ${refused:-0} ${failed:-?} $(( (ended - began) / 1000000 ))"
}

# Calls of the load queue an agent answered today, from the appliance's queue figures.
answered() {
  curl -sf -u "$AUTH" "$BASE/queues/load/figures" | python3 -c 'import json, sys; print(json.load(sys.stdin)["answered"])'
}

# Waits up to 60 s for the appliance to be back to normal (no call listed, no contact waiting, every agent ready);
# prints "seconds calls waiting not-ready" as they were when it was, or at the deadline.
settle() {
  local began=$(date +%s%N) left
  while :; do
    left=$(curl -sf -u "$AUTH" "$BASE/calls" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
    left="$left $(curl -sf -u "$AUTH" "$BASE/queues/load/figures" | python3 -c 'import json, sys; print(json.load(sys.stdin)["waiting"])')"
    left="$left $(curl -sf -u "$AUTH" "$BASE/agents" | python3 -c 'import json, sys; print(sum(1 for a in json.load(sys.stdin) if a.get("login", "").startswith("load") and a.get("state") != "READY"))')"
    local waited=$(( ($(date +%s%N) - began) / 1000000 ))
    if [ "$left" = "0 0 0" ] || [ "$waited" -gt 60000 ]; then
      echo "$(awk -v ms="$waited" 'BEGIN {printf "%.1f", ms / 1000}') $left"
      return
    fi
    sleep 0.5
  done
}

CLK=$(getconf CLK_TCK)
if [ "${WARMUP:-1500}" -gt 0 ]; then
  saved=$CALLS
  CALLS=${WARMUP:-1500}
  read -r ok refused failed millis < <(run_calls 150 "127.0.0.1:$SIP_PORT" 500 warmup)
  echo "warm-up: $CALLS calls at 150 cps, $(answered) reached an agent, $refused refused, $failed failed"
  CALLS=$saved
fi
echo
echo "| offered cps | calls | reached an agent | refused (503) | ended unanswered | failed | seconds | appliance CPU (cores) | back to normal after (s) | left: calls, waiting, agents not ready | RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
for rate in "${RATES[@]}"; do
  answered_before=$(answered)
  before=$(appliance_cpu_ticks)
  if [ -n "${PROFILE:-}" ] && [ "$rate" = "${RATES[0]}" ]; then
    "$JAVA_HOME/bin/jcmd" "$PID" JFR.start name=load settings=profile filename="$SCRATCH/load.jfr" > /dev/null
  fi
  read -r ok refused failed millis < <(run_calls "$rate" "127.0.0.1:$SIP_PORT" 500 appliance)
  after=$(appliance_cpu_ticks)
  reached=$(( $(answered) - answered_before ))
  if [ -n "${PROFILE:-}" ] && [ "$rate" = "${RATES[0]}" ]; then
    "$JAVA_HOME/bin/jcmd" "$PID" JFR.stop name=load > /dev/null
    PROFILED=1
  fi
  cores=$(awk -v t=$((after - before)) -v c="$CLK" -v ms="$millis" 'BEGIN {printf "%.2f", t / c / (ms / 1000)}')
  seconds=$(awk -v ms="$millis" 'BEGIN {printf "%.1f", ms / 1000}')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
  read -r settled calls_left waiting not_ready < <(settle)
  echo "| $rate | $CALLS | $reached | $refused | $(( ok - refused - reached )) | $failed | $seconds | $cores | $settled | $calls_left, $waiting, $not_ready | $rss |"
  if [ "$calls_left $waiting $not_ready" != "0 0 0" ]; then
    curl -sf -u "$AUTH" "$BASE/calls" > "$SCRATCH/left-$rate.json" || true
    curl -sf -u "$AUTH" "$BASE/agents" > "$SCRATCH/agents-$rate.json" || true
  fi
done
# sipp writes the phones' log lines in the order it handles their messages; the direct baseline's phone is
# "agent" and takes many calls at once by design.
python3 - "$SCRATCH/phones.log" <<'CHECK'
import sys
holding, doubled, offers = {}, 0, 0
for line in open(sys.argv[1]):
    words = line.split()
    if len(words) < 2 or words[1] == "agent":
        continue
    if words[0] == "offered":
        offers += 1
        if holding.get(words[1], 0) > 0:
            doubled += 1
        holding[words[1]] = holding.get(words[1], 0) + 1
    elif words[0] == "free":
        holding[words[1]] -= 1
print(f"offers to the {len(holding)} phones: {offers}; offered while the phone had a call: {doubled}")
CHECK
echo
echo "Direct (the same callers to the agent sipp, no appliance):"
for rate in "${RATES[@]}"; do
  read -r ok refused failed millis < <(run_calls "$rate" "127.0.0.1:$UAS_PORT" agent direct)
  echo "| $rate | $CALLS | $ok | - | - | $failed | $(awk -v ms="$millis" 'BEGIN {printf "%.1f", ms / 1000}') | - |"
done
kill "$UAS_PID" 2> /dev/null || true
if [ -n "${PROFILED:-}" ]; then
  echo "hottest methods (top frames of CPU samples) at ${RATES[0]} cps:"
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample "$SCRATCH/load.jfr" \
    | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' | sort | uniq -c | sort -rn | head -25
fi
log_summary
stop_appliance
