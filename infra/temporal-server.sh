#!/usr/bin/env bash
# The production Temporal engine, run locally: the real Temporal server (the one the Helm chart in
# infra/deploy/temporal deploys) on PostgreSQL, built from its Go module, with the same persistence
# values as infra/deploy/temporal/values.yaml (packages/deploy checks they agree).
#
# Usage: infra/temporal-server.sh build|setup|start|stop|status|health|config [options]
#   build    build once the server and its SQL schema tool (pinned $VERSION) into .tools/temporal-server/;
#            cold ~3 min on two cores (the Go toolchain comes from the Go module proxy), cached after.
#   setup    build; create role `temporal` and the databases DB and DB_visibility on PostgreSQL and
#            migrate their schemas to the versions the module ships (idempotent).
#   start    setup; start the services not already running (so `start` after a kill -9 restarts just
#            what died), wait until each answers, register the namespace (retention 720h) and our
#            search attributes. Logs and PIDs: DATA/<service>.log, DATA/<service>.pid.
#   stop     TERM each process by its PID (KILL after 15 s). Idempotent.
#   status   one line per service: "running <pid>" or "stopped"; exit 0 only if all run.
#   health   exit 0 only if the frontend is SERVING and history and matching answer through it.
#   config   print the server config this script writes (packages/deploy compares it with the Helm values).
# Options:
#   --mode split|single   split (default): frontend, history, matching and worker as four processes;
#                         single: the four services in one process.
#   --port P              frontend gRPC port (default 7433); history P+1, matching P+2, worker P+3,
#                         membership P+10..P+13, frontend HTTP P+20 (so clusters 30 ports apart never meet).
#   --data DIR            default $ROOT/.data/temporal-server
#   --namespace NS        default improvement-programme (the ConfigMap's TEMPORAL_NAMESPACE)
#   --pg-url URL          a PostgreSQL superuser URL (default: infra/postgres.sh ensure)
#   --db NAME             default temporal (visibility: NAME_visibility)
#   --shards N            history shards (default: numHistoryShards of the Helm values; fixed once
#                         the database exists, so a different N needs a fresh --db)
# Env equivalents: TEMPORAL_SERVER_PORT, TEMPORAL_SERVER_DATA, TEMPORAL_SERVER_MODE, TEMPORAL_SERVER_PG_URL,
# TEMPORAL_SERVER_DB, TEMPORAL_SERVER_SHARDS, TEMPORAL_SERVER_NAMESPACE.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=temporal-server
die() { echo "$ME: $*" >&2; exit 1; }
usage() { sed -n '6,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

VERSION=v1.32.2
GO_TOOLCHAIN=go1.27.3
# The values infra/deploy/temporal/values.yaml deploys with (checked by packages/deploy).
NUM_HISTORY_SHARDS=512
DEFAULT_MAX_CONNS=40
DEFAULT_MAX_IDLE_CONNS=40
VISIBILITY_MAX_CONNS=20
VISIBILITY_MAX_IDLE_CONNS=20
MAX_CONN_LIFETIME=1h
RETENTION=720h
RETENTION_SECONDS=2592000
SEARCH_ATTRS=(OnsCode=Keyword ProgrammePhase=Keyword WorkflowKind=Keyword DueAt=Datetime)
SERVICES=(frontend history matching worker)
DB_USER=temporal
DB_PASSWORD=temporal

CMD=${1:-}; [[ $# -gt 0 ]] && shift
MODE=${TEMPORAL_SERVER_MODE:-split}
PORT=${TEMPORAL_SERVER_PORT:-7433}
DATA=${TEMPORAL_SERVER_DATA:-$ROOT/.data/temporal-server}
NS=${TEMPORAL_SERVER_NAMESPACE:-improvement-programme}
PG_URL=${TEMPORAL_SERVER_PG_URL:-}
DB=${TEMPORAL_SERVER_DB:-temporal}
SHARDS=${TEMPORAL_SERVER_SHARDS:-$NUM_HISTORY_SHARDS}
while [[ $# -gt 0 ]]; do
  case $1 in
    --mode|--port|--data|--namespace|--pg-url|--db|--shards) [[ $# -ge 2 ]] || usage; opt=${1#--}; val=$2; shift 2 ;;
    --*=*) opt=${1%%=*}; opt=${opt#--}; val=${1#*=}; shift ;;
    -h|--help) usage ;;
    *) echo "$ME: unknown argument: $1" >&2; usage ;;
  esac
  case $opt in
    mode) MODE=$val ;; port) PORT=$val ;; data) DATA=$val ;; namespace) NS=$val ;;
    pg-url) PG_URL=$val ;; db) DB=$val ;; shards) SHARDS=$val ;;
    *) echo "$ME: unknown option --$opt" >&2; usage ;;
  esac
done
[[ $MODE == split || $MODE == single ]] || die "--mode must be split or single, not $MODE"
# Temporal stores membership ports (P+10..P+13) in a SMALLINT column: the whole range stays below 32768.
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT >= 1024 && PORT + 20 <= 32767)) || die "invalid --port: $PORT (1024..32747)"
[[ $SHARDS =~ ^[0-9]+$ ]] && ((SHARDS >= 1)) || die "invalid --shards: $SHARDS"
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid --db: $DB"
[[ -n $NS ]] || die "empty --namespace"
VIS_DB=${DB}_visibility
ADDR=127.0.0.1:$PORT

TOOLS=$ROOT/.tools/temporal-server/$VERSION
BIN=$TOOLS/bin
GOPATH_DIR=$ROOT/.tools/go
MODDIR=$GOPATH_DIR/pkg/mod/go.temporal.io/server@$VERSION

mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
CONFIG=$DATA/config.yaml
DYNCONFIG=$DATA/dynamicconfig.yaml

port_of() { # port_of SERVICE -> gRPC port
  case $1 in frontend) echo "$PORT" ;; history) echo $((PORT + 1)) ;; matching) echo $((PORT + 2)) ;; worker) echo $((PORT + 3)) ;; esac
}
membership_of() { echo $(($(port_of "$1") + 10)); }

# ---------------------------------------------------------------------------------------------- build
do_build() {
  [[ -x $BIN/temporal-server && -x $BIN/temporal-sql-tool && -d $MODDIR/schema ]] && return 0
  command -v go >/dev/null || die "go is required to build the Temporal server (Debian: apt-get install golang-go)"
  mkdir -p "$BIN" "$ROOT/.tools/logs"
  local log=$ROOT/.tools/logs/temporal-server-build.log t0=$SECONDS
  echo "$ME: building the Temporal server $VERSION from its Go module (once; ~3 min cold)" >&2
  # The module needs a newer Go than Debian's: GOTOOLCHAIN fetches it from the Go module proxy.
  # Everything (toolchain, module cache, build cache) stays under .tools/go.
  if ! (
    export GOTOOLCHAIN=$GO_TOOLCHAIN GOPATH=$GOPATH_DIR GOBIN=$TOOLS/gobin GOCACHE=$GOPATH_DIR/cache GOFLAGS=-modcacherw
    go install "go.temporal.io/server/cmd/server@$VERSION" && go install "go.temporal.io/server/cmd/tools/sql@$VERSION"
  ) >"$log" 2>&1; then
    die "go install failed: $(grep -m1 -iE 'error|cannot|fail' "$log" || tail -n1 "$log") (log: $log)"
  fi
  mv -f "$TOOLS/gobin/server" "$BIN/temporal-server"
  mv -f "$TOOLS/gobin/sql" "$BIN/temporal-sql-tool"
  rmdir "$TOOLS/gobin" 2>/dev/null || true
  echo "$ME: built in $((SECONDS - t0)) s" >&2
}

# ---------------------------------------------------------------------------------------------- setup
PG_HOST=""; PG_PORT=""
resolve_pg() {
  [[ -n $PG_HOST ]] && return 0
  if [[ -z $PG_URL ]]; then PG_URL=$(bash "$ROOT/infra/postgres.sh" ensure) || die "no PostgreSQL (infra/postgres.sh ensure failed)"; fi
  local hostport
  hostport=$(sed -E 's#^postgres(ql)?://([^@/]*@)?([^/?]*).*#\3#' <<<"$PG_URL")
  PG_HOST=${hostport%%:*}; PG_PORT=${hostport##*:}
  [[ $PG_PORT == "$hostport" ]] && PG_PORT=5432
  [[ -n $PG_HOST ]] || die "cannot read host from --pg-url $PG_URL"
}
psql_admin() { PGCONNECT_TIMEOUT=5 psql -X -q -At -v ON_ERROR_STOP=1 "$PG_URL" -c "$1"; }

sql_tool() { # sql_tool DB ARGS...
  local db=$1; shift
  "$BIN/temporal-sql-tool" --plugin postgres12 --ep "$PG_HOST" -p "$PG_PORT" -u "$DB_USER" --pw "$DB_PASSWORD" --db "$db" "$@"
}

do_setup() {
  do_build
  resolve_pg
  local log=$DATA/setup.log
  : >"$log"
  if [[ -z $(psql_admin "select 1 from pg_roles where rolname='$DB_USER'") ]]; then
    psql_admin "create role $DB_USER login createdb password '$DB_PASSWORD'" >>"$log" 2>&1 \
      || [[ -n $(psql_admin "select 1 from pg_roles where rolname='$DB_USER'") ]] || die "cannot create role $DB_USER on $PG_HOST:$PG_PORT"
  fi
  local db dir
  for db in "$DB" "$VIS_DB"; do
    dir=$MODDIR/schema/postgresql/v12/temporal/versioned
    [[ $db == "$VIS_DB" ]] && dir=$MODDIR/schema/postgresql/v12/visibility/versioned
    if [[ -z $(psql_admin "select 1 from pg_database where datname='$db'") ]]; then
      sql_tool "$db" create-database >>"$log" 2>&1 || die "create-database $db failed (log: $log)"
    fi
    # setup-schema -v 0.0 only creates the version table (no-op when it exists); update-schema
    # applies whatever versioned steps are newer than the database's.
    if [[ -z $(psql_admin "select 1 from pg_database d where datname='$db'" ) ]]; then die "database $db missing after create"; fi
    if ! PGCONNECT_TIMEOUT=5 psql -X -q -At "postgresql://$DB_USER:$DB_PASSWORD@$PG_HOST:$PG_PORT/$db" -c 'select 1 from schema_version' >/dev/null 2>&1; then
      sql_tool "$db" setup-schema -v 0.0 >>"$log" 2>&1 || die "setup-schema $db failed (log: $log)"
    fi
    sql_tool "$db" update-schema -d "$dir" >>"$log" 2>&1 || die "update-schema $db failed (log: $log)"
  done
}

# --------------------------------------------------------------------------------------------- config
write_config() {
  resolve_pg
  local svc services=""
  for svc in "${SERVICES[@]}"; do
    services+="
  $svc:
    rpc:
      grpcPort: $(port_of "$svc")
      membershipPort: $(membership_of "$svc")
      bindOnLocalHost: true"
    [[ $svc == frontend ]] && services+="
      httpPort: $((PORT + 20))"
  done
  cat <<YAML
# Written by infra/temporal-server.sh; persistence values as infra/deploy/temporal/values.yaml.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: $SHARDS
  datastores:
    default:
      sql:
        pluginName: postgres12
        databaseName: $DB
        connectAddr: "$PG_HOST:$PG_PORT"
        connectProtocol: tcp
        user: $DB_USER
        password: $DB_PASSWORD
        maxConns: $DEFAULT_MAX_CONNS
        maxIdleConns: $DEFAULT_MAX_IDLE_CONNS
        maxConnLifetime: $MAX_CONN_LIFETIME
    visibility:
      sql:
        pluginName: postgres12
        databaseName: $VIS_DB
        connectAddr: "$PG_HOST:$PG_PORT"
        connectProtocol: tcp
        user: $DB_USER
        password: $DB_PASSWORD
        maxConns: $VISIBILITY_MAX_CONNS
        maxIdleConns: $VISIBILITY_MAX_IDLE_CONNS
        maxConnLifetime: $MAX_CONN_LIFETIME
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:$services
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:$PORT"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "$DYNCONFIG"
  pollInterval: 10s
YAML
}

write_files() {
  write_config >"$CONFIG.tmp" && mv -f "$CONFIG.tmp" "$CONFIG"
  # Dynamic config: what the Helm values' server.dynamicConfig sets (none today beyond defaults).
  [[ -f $DYNCONFIG ]] || echo '{}' >"$DYNCONFIG"
}

# ------------------------------------------------------------------------------------------ processes
CLI=""
need_cli() {
  [[ -n $CLI ]] && return 0
  bash "$ROOT/infra/temporal-install.sh" || die "Temporal CLI unavailable (infra/temporal-install.sh failed)"
  CLI=$ROOT/.tools/bin/temporal
}
tctl() { "$CLI" "$@" --address "$ADDR" --disable-config-file --disable-config-env --command-timeout 5s; }

alive() { local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [[ $st != Z ]]; }
units() { if [[ $MODE == single ]]; then echo all; else echo "${SERVICES[@]}"; fi; }
# The PID of unit $1 if its pid file names a live server process of this data dir.
live_pid() {
  local f=$DATA/$1.pid pid cmd
  [[ -f $f ]] || return 1
  pid=$(tr -dc 0-9 <"$f")
  [[ -n $pid ]] && alive "$pid" || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$CONFIG"* ]] || return 1
  echo "$pid"
}
any_live() { local u; for u in all "${SERVICES[@]}"; do live_pid "$u" >/dev/null && return 0; done; return 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() { # check_ports UNIT: dies if a port the unit needs is taken
  local u=$1 svc
  for svc in "${SERVICES[@]}"; do
    if [[ $u == all || $u == "$svc" ]]; then
      port_busy "$(port_of "$svc")" && die "port $(port_of "$svc") ($svc) is in use by another process"
      port_busy "$(membership_of "$svc")" && die "port $(membership_of "$svc") ($svc membership) is in use by another process"
    fi
  done
  return 0
}

start_unit() { # start_unit UNIT
  local u=$1 args=(--config-file "$CONFIG" --allow-no-auth start) svc
  if [[ $u == all ]]; then for svc in "${SERVICES[@]}"; do args+=(--service "$svc"); done; else args+=(--service "$u"); fi
  [[ -f $DATA/$u.log ]] && mv -f "$DATA/$u.log" "$DATA/$u.log.1"
  # setsid: own session, so a caller's Ctrl-C or process-group kill does not reach it.
  setsid "$BIN/temporal-server" "${args[@]}" </dev/null >"$DATA/$u.log" 2>&1 &
  echo $! >"$DATA/$u.pid"
}

# history and matching answer only through the frontend: a describe of a workflow that does not
# exist is answered "not found" by a history shard, and describing a task queue is answered by matching.
# (Output captured first: under pipefail, a describe that fails as expected would fail the pipe.)
history_answers() { local out; out=$(tctl workflow describe -n temporal-system -w ip-health-probe 2>&1 || true); [[ ${out,,} == *"not found"* ]]; }
matching_answers() { tctl task-queue describe -n temporal-system --task-queue ip-health-probe >/dev/null 2>&1; }
frontend_serving() { local out; out=$(tctl operator cluster health 2>/dev/null || true); [[ $out == *SERVING* ]]; }
healthy() { frontend_serving && history_answers && matching_answers; }

wait_healthy() { # wait_healthy SECONDS
  local deadline=$((SECONDS + $1)) u
  declare -A restarts=()
  while ((SECONDS < deadline)); do
    for u in $(units); do
      live_pid "$u" >/dev/null && continue
      # On fresh databases the services race to write the cluster's metadata and the loser exits
      # ("duplicate key ... cluster_metadata_info_pkey"); started again, it reads what the winner
      # wrote. Anything that keeps exiting is a real failure.
      if ((${restarts[$u]:-0} < 2)); then
        restarts[$u]=$((${restarts[$u]:-0} + 1))
        echo "$ME: $u exited during start, starting it again ($(grep -h -m1 -oE '"error":"[^"]{0,160}' "$DATA/$u.log" 2>/dev/null | head -1))" >&2
        start_unit "$u" 9>&-
        continue
      fi
      die "$u exited during start: $(grep -m1 -iE '"level":"(error|fatal)"|panic|fatal' "$DATA/$u.log" 2>/dev/null | cut -c1-400 || tail -n1 "$DATA/$u.log") (log: $DATA/$u.log)"
    done
    healthy && return 0
    sleep 0.5
  done
  return 1
}

retention_of() { local out; out=$(tctl operator namespace describe -n "$1" -o json 2>/dev/null || true); sed -n 's/.*"workflowExecutionRetentionTtl": *"\([0-9]*\)s".*/\1/p' <<<"$out"; }

register_namespace() {
  if ! tctl operator namespace describe -n "$NS" >/dev/null 2>&1; then
    tctl operator namespace create -n "$NS" --retention "$RETENTION" >/dev/null 2>&1 \
      || tctl operator namespace describe -n "$NS" >/dev/null 2>&1 || die "cannot create namespace $NS"
  fi
  [[ $(retention_of "$NS") == "$RETENTION_SECONDS" ]] || tctl operator namespace update -n "$NS" --retention "$RETENTION" >/dev/null 2>&1 \
    || die "cannot set retention $RETENTION on $NS"
  # A namespace just created reaches the frontend's cache within seconds: retry until it takes.
  local have sa name type deadline=$((SECONDS + 60))
  for sa in "${SEARCH_ATTRS[@]}"; do
    name=${sa%%=*}; type=${sa#*=}
    until have=$(tctl operator search-attribute list -n "$NS" 2>/dev/null) && grep -qw "$name" <<<"$have"; do
      ((SECONDS < deadline)) || die "cannot register search attribute $name on $NS"
      tctl operator search-attribute create -n "$NS" --name "$name" --type "$type" >/dev/null 2>&1 || sleep 1
    done
  done
  # The namespace and its attributes reach every frontend's cache within its refresh interval: wait
  # until a visibility query on each attribute is accepted, so the first workflow start succeeds.
  local deadline=$((SECONDS + 60)) q
  q=$(printf '%s="x" AND ' OnsCode ProgrammePhase WorkflowKind)
  until tctl workflow list -n "$NS" --query "${q}DueAt > '2020-01-01T00:00:00Z'" --limit 1 >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "namespace $NS or its search attributes not usable after 60 s"
    sleep 1
  done
}

do_start() {
  exec 9>"$DATA/start.lock"
  flock -w 300 9 || die "timed out waiting for another start on $DATA"
  do_setup
  need_cli
  write_files
  local u started=0
  # A split data dir cannot be reused as single (and back) while processes of the other mode live.
  if [[ $MODE == split ]] && live_pid all >/dev/null; then die "a single-process server of $DATA is running: stop it first"; fi
  if [[ $MODE == single ]]; then for u in "${SERVICES[@]}"; do live_pid "$u" >/dev/null && die "split services of $DATA are running: stop them first"; done; fi
  # Every port checked before anything starts, so a taken port leaves nothing half started.
  for u in $(units); do live_pid "$u" >/dev/null || check_ports "$u"; done
  for u in $(units); do
    live_pid "$u" >/dev/null && continue
    start_unit "$u" 9>&-
    started=1
  done
  # A start that fails stops what it started: no half cluster left behind.
  if ! (wait_healthy 120); then
    do_stop
    die "not healthy on $ADDR after 120 s, or a service exited during start (logs: $DATA/*.log): $(grep -h -m1 -iE '"level":"(error|fatal)"|panic' "$DATA"/*.log 2>/dev/null | head -1 | cut -c1-300)"
  fi
  ((started)) || true
  register_namespace
}

do_stop() {
  local u pid i pids=()
  for u in all "${SERVICES[@]}"; do
    if pid=$(live_pid "$u"); then kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); fi
  done
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 150; i++)); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 50; i++)); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && die "process $pid did not exit after KILL"
  done
  rm -f "$DATA"/{all,frontend,history,matching,worker}.pid
}

do_status() {
  local u pid all_up=1 mode=split
  live_pid all >/dev/null && mode=single
  MODE=$mode
  for u in $(units); do
    if pid=$(live_pid "$u"); then echo "$u: running $pid"; else echo "$u: stopped"; all_up=0; fi
  done
  ((all_up)) || return 3
}

do_health() {
  need_cli
  healthy || { echo "$ME: not healthy on $ADDR" >&2; return 1; }
}

case $CMD in
  build) do_build ;;
  setup) do_setup ;;
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  health) do_health ;;
  config) PG_URL=${PG_URL:-postgresql://127.0.0.1:5432/postgres}; write_config ;;
  *) usage ;;
esac
