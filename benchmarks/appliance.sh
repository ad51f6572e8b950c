#!/usr/bin/env bash
# Shared by the benchmark scripts: a scratch copy of the built appliance on free ports, started and stopped.
#   source benchmarks/appliance.sh; prepare_appliance; [configure FILE KEY VALUE ...]; launch_appliance
#   ... $BASE, $PID, $HOME_DIR, $SIP_PORT ...; stop_appliance (also on exit)
# Expects DIST (the built distribution) and JAVA_HOME; sets SCRATCH, HOME_DIR, HTTP_PORT, SIP_PORT, BASE, PID.

# A port nobody answers on, from 10000-19999: below the media ports (20000-) and the kernel's ephemeral range.
free_port() {
  local port
  while :; do
    port=$(( 10000 + RANDOM % 10000 ))
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
trap 'stop_appliance; [ -n "${KEEP:-}" ] || rm -rf "$SCRATCH"' EXIT

# Copies the distribution into the scratch folder with free ports; call configure after it, then launch_appliance.
prepare_appliance() {
  cp -r "$DIST" "$HOME_DIR"
  rm -rf "$HOME_DIR/data"
  HTTP_PORT=$(free_port)
  configure org.ops4j.pax.web.cfg org.osgi.service.http.port "$HTTP_PORT"
  configure org.apache.karaf.shell.cfg sshPort "$(free_port)"
  configure org.apache.karaf.management.cfg rmiRegistryPort "$(free_port)"
  configure org.apache.karaf.management.cfg rmiServerPort "$(free_port)"
  SIP_PORT=$(free_port)
  configure org.switchboard.sip.cfg port "$SIP_PORT"
}

# Starts the prepared appliance and waits until its health is UP.
launch_appliance() {
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
  local heap
  heap=$("$JAVA_HOME/bin/jcmd" "$PID" VM.flags 2> /dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p')
  echo "appliance pid $PID on port $HTTP_PORT, health UP after $(( ($(date +%s%N) - began) / 1000000 )) ms, max heap $(( ${heap:-0} / 1048576 )) MB"
}


# The appliance's CPU time so far, in clock ticks (user + system).
appliance_cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$PID/stat"
}

# Distinct WARN and ERROR lines of the appliance's log, most frequent first.
log_summary() {
  echo "appliance log lines at WARN or ERROR (distinct messages, most frequent first):"
  grep -E "\| (ERROR|WARN) " "$HOME_DIR/data/log/karaf.log" | cut -d'|' -f3- | sed -E 's/[0-9]+/N/g' | sort | uniq -c \
    | sort -rn | head -20 || true
}
