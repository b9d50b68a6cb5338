#!/usr/bin/env bash
# Local Temporal dev server (persistent SQLite, web UI on port+1000).
#
# Usage: infra/temporal-dev.sh start|stop|status [--port P] [--data DIR] [--namespace NS]
#   start   start in the background (idempotent), wait for health (60 s), set the
#           namespace retention to 720h. Log: DIR/temporal.log, PID: DIR/temporal.pid.
#   stop    TERM the server (KILL after 10 s), remove the pid file. Idempotent.
#   status  print "running ..." (exit 0) or "stopped" (exit 3).
# Defaults: --port 7233 (UI 8233), --data $ROOT/.data/temporal, --namespace default.
# Env equivalents: TEMPORAL_DEV_PORT, TEMPORAL_DEV_DATA, TEMPORAL_DEV_NAMESPACE.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=temporal-dev
die() { echo "$ME: $*" >&2; exit 1; }
usage() { echo "usage: infra/temporal-dev.sh start|stop|status [--port P] [--data DIR] [--namespace NS]" >&2; exit 2; }

CMD=${1:-}; [[ $# -gt 0 ]] && shift
PORT=${TEMPORAL_DEV_PORT:-7233}
DATA=${TEMPORAL_DEV_DATA:-$ROOT/.data/temporal}
NS=${TEMPORAL_DEV_NAMESPACE:-default}
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) [[ $# -ge 2 ]] || usage; PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --data) [[ $# -ge 2 ]] || usage; DATA=$2; shift 2 ;;
    --data=*) DATA=${1#*=}; shift ;;
    --namespace|-n) [[ $# -ge 2 ]] || usage; NS=$2; shift 2 ;;
    --namespace=*) NS=${1#*=}; shift ;;
    -h|--help) usage ;;
    *) echo "$ME: unknown argument: $1" >&2; usage ;;
  esac
done
if ! [[ $PORT =~ ^[0-9]{1,5}$ ]] || ((PORT < 1 || PORT + 1000 > 65535)); then die "invalid --port: $PORT"; fi
[[ -n $NS ]] || die "empty --namespace"
UI_PORT=$((PORT + 1000))
ADDR=127.0.0.1:$PORT
RETENTION=720h
RETENTION_SECONDS=2592000
SEARCH_ATTRS=(OnsCode=Keyword ProgrammePhase=Keyword WorkflowKind=Keyword DueAt=Datetime)

mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
PIDFILE=$DATA/temporal.pid
LOG=$DATA/temporal.log
DB=$DATA/temporal.db

CLI=""
need_cli() {
  [[ -n $CLI ]] && return 0
  "$ROOT/infra/temporal-install.sh" || die "Temporal CLI unavailable (infra/temporal-install.sh failed)"
  CLI=$ROOT/.tools/bin/temporal
}

# Live and not a zombie (a server that died during start is our unreaped child).
alive() { local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ $st != Z ]]; }

# Our server's pid, if the pid file names a live `temporal server start-dev` on this db.
live_pid() {
  local pid cmd
  [[ -f $PIDFILE ]] || return 1
  pid=$(tr -dc 0-9 <"$PIDFILE")
  [[ -n $pid ]] && alive "$pid" || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"start-dev"* && $cmd == *"$DB"* ]] || return 1
  echo "$pid"
}

# The --port a live server was started with (it may differ from this call's --port).
pid_port() { tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -A1 -xE -- '--port|-p' | sed -n 2p; }

tctl() { "$CLI" "$@" --address "$ADDR" --disable-config-file --disable-config-env --command-timeout 5s; }
healthy() { tctl operator cluster health 2>/dev/null | grep -q SERVING; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

retention_of() { # prints retention seconds of namespace $1
  tctl operator namespace describe -n "$1" -o json 2>/dev/null \
    | sed -n 's/.*"workflowExecutionRetentionTtl": *"\([0-9]*\)s".*/\1/p'
}

ensure_retention() {
  local ns=$1 got
  got=$(retention_of "$ns")
  [[ $got == "$RETENTION_SECONDS" ]] && return 0
  tctl operator namespace update -n "$ns" --retention "$RETENTION" >/dev/null 2>&1 \
    || die "cannot set retention $RETENTION on namespace $ns at $ADDR"
  got=$(retention_of "$ns")
  [[ $got == "$RETENTION_SECONDS" ]] || die "retention of namespace $ns is ${got:-unknown}s, expected ${RETENTION_SECONDS}s"
}

wait_healthy() { # wait_healthy pid seconds
  local pid=$1 deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    alive "$pid" || return 2
    healthy && return 0
    sleep 0.2
  done
  return 1
}

do_stop() {
  local pid i
  if pid=$(live_pid); then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
      alive "$pid" && die "process $pid did not exit after KILL"
    fi
  fi
  rm -f "$PIDFILE"
}

do_status() {
  local pid
  if pid=$(live_pid); then
    need_cli
    local p; p=$(pid_port "$pid"); if [[ -n $p ]]; then PORT=$p; UI_PORT=$((p + 1000)); ADDR=127.0.0.1:$p; fi
    if healthy; then
      echo "running (pid $pid, grpc $ADDR, ui http://127.0.0.1:$UI_PORT, data $DATA)"
    else
      echo "running but not healthy (pid $pid, grpc $ADDR; log $LOG)"
    fi
    return 0
  fi
  echo "stopped"
  return 3
}

do_start() {
  local pid rc
  # Serialise concurrent starts on the same data dir.
  exec 9>"$DATA/temporal.lock"
  flock -w 90 9 || die "timed out waiting for another start on $DATA"
  need_cli

  if pid=$(live_pid); then
    local p; p=$(pid_port "$pid")
    [[ -z $p || $p == "$PORT" ]] || die "server for $DATA already runs on port $p (pid $pid), not $PORT: stop it first"
    if healthy; then return 0; fi
    # Still starting (or wedged): give it the normal start budget.
    wait_healthy "$pid" 60 || die "server pid $pid is running but not healthy on $ADDR after 60 s (see $LOG; try stop)"
  else
    rm -f "$PIDFILE"
    port_busy "$PORT" && die "port $PORT is already in use by another process (not this data dir's server)"
    port_busy "$UI_PORT" && die "UI port $UI_PORT is already in use by another process"
    [[ -f $LOG ]] && mv -f "$LOG" "$LOG.1"
    local args=(server start-dev
      --ip 127.0.0.1 --port "$PORT" --ui-port "$UI_PORT" --ui-disable-news-fetch
      --db-filename "$DB"
      --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=OFF
      --log-level warn -n "$NS")
    local sa
    for sa in "${SEARCH_ATTRS[@]}"; do args+=(--search-attribute "$sa"); done
    # setsid: own session, so the caller's Ctrl-C / process-group kill does not reach it.
    setsid "$CLI" "${args[@]}" </dev/null >"$LOG" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PIDFILE"
    rc=0; wait_healthy "$pid" 60 || rc=$?
    if ((rc != 0)); then
      local why="not healthy after 60 s"
      ((rc == 2)) && why="exited during startup"
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$PIDFILE"
      die "server $why on $ADDR: $(grep -m1 -iE 'error|fatal|panic' "$LOG" 2>/dev/null || tail -n1 "$LOG" 2>/dev/null) (log: $LOG)"
    fi
  fi

  ensure_retention "$NS"
  [[ $NS == default ]] || ensure_retention default

  local deadline=$((SECONDS + 10))
  until port_busy "$UI_PORT"; do
    ((SECONDS < deadline)) || { echo "$ME: warning: web UI not answering on port $UI_PORT (see $LOG)" >&2; break; }
    sleep 0.2
  done
}

case $CMD in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *) usage ;;
esac
