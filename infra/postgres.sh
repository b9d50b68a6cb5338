#!/usr/bin/env bash
# Real PostgreSQL for tests/CI and production-like runs.
#
# Usage: infra/postgres.sh ensure|stop|status
#   ensure  If $DATABASE_URL is set and reachable: print it, nothing else.
#           Otherwise install Debian's postgresql if missing, create/start the local
#           cluster, create role ip/ip (LOGIN SUPERUSER, so tests can create/drop
#           throwaway databases) and databases ip, ip_test; print the URL to use:
#             postgresql://ip:ip@127.0.0.1:5432/ip_test
#           Stdout is only that URL, so: export DATABASE_URL=$(infra/postgres.sh ensure)
#           With --export it prints `export DATABASE_URL='...'` instead:
#             eval "$(infra/postgres.sh ensure --export)"
#   stop    stop the local cluster (idempotent).
#   status  print "running <version>/<cluster> port <p>" (exit 0) or "stopped" (exit 3).
# Env: PG_CLUSTER (default main) and PG_PORT (default 5432, used when creating it) select
# another cluster of the installed version, e.g. for a throwaway one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=postgres
EXPORT=0
# In --export mode a failure also prints `false`, so `eval "$(postgres.sh ensure --export)"`
# fails under set -e instead of silently evaluating nothing.
die() { echo "$ME: $*" >&2; ((EXPORT)) && echo false; exit 1; }
usage() { echo "usage: infra/postgres.sh ensure [--export]|stop|status" >&2; exit 2; }

ROLE=ip
PASSWORD=ip
DBS=(ip ip_test)
URL_DB=ip_test
CLUSTER=${PG_CLUSTER:-main}        # override to use/create another cluster
DEFAULT_PORT=${PG_PORT:-5432}      # port for a newly created cluster
export PGCONNECT_TIMEOUT=3

# Highest installed major version with a server binary, e.g. 15.
pg_version() {
  local v
  v=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sed -E 's#/usr/lib/postgresql/([^/]+)/bin/postgres#\1#' | sort -V | tail -n1) || true
  [[ -n $v ]] && echo "$v"
}

# "port status" of cluster $1/$CLUSTER from pg_lsclusters, empty if none.
cluster_info() {
  pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$CLUSTER" '$1==v && $2==c {print $3, $4; exit}'  || true
}

as_postgres() { (cd / && runuser -u postgres -- "$@"); }
psql_admin() { # psql_admin PORT SQL -> single-value output
  as_postgres psql -X -q -At -v ON_ERROR_STOP=1 -p "$1" -d postgres -c "$2"
}
url_for() { echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$1/$2"; }
emit() { # emit URL
  if ((EXPORT)); then printf "export DATABASE_URL='%s'\n" "${1//\'/\'\\\'\'}"; else echo "$1"; fi
}
can_login() { # can_login PORT DB
  command -v psql >/dev/null && psql -X -q -At "$(url_for "$1" "$2")" -c 'select 1' >/dev/null 2>&1
}

do_ensure() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    if command -v pg_isready >/dev/null && pg_isready -q -t 3 -d "$DATABASE_URL" >/dev/null 2>&1; then
      emit "$DATABASE_URL"
      return 0
    fi
    echo "$ME: note: DATABASE_URL is set but not reachable; ensuring the local cluster instead" >&2
  fi

  local v info port status
  # Fast path: local cluster up and role/databases usable.
  if v=$(pg_version) && info=$(cluster_info "$v") && [[ -n $info ]]; then
    read -r port status <<<"$info"
    if [[ $status == online* ]] && can_login "$port" ip && can_login "$port" ip_test; then
      emit "$(url_for "$port" "$URL_DB")"
      return 0
    fi
  fi

  [[ $(id -u) -eq 0 ]] || die "must run as root to install/start the local PostgreSQL cluster"

  if ! v=$(pg_version); then
    # shellcheck source=lib/apt.sh
    . "$ROOT/infra/lib/apt.sh"
    apt_install postgresql
    v=$(pg_version) || die "postgresql installed but no /usr/lib/postgresql/*/bin/postgres found"
  fi
  command -v pg_lsclusters >/dev/null || die "pg_lsclusters missing (postgresql-common not installed?)"

  info=$(cluster_info "$v")
  if [[ -z $info ]]; then
    pg_createcluster -p "$DEFAULT_PORT" "$v" "$CLUSTER" >/dev/null 2>&1 \
      || die "pg_createcluster $v $CLUSTER failed (port $DEFAULT_PORT in use by another cluster? see pg_lsclusters)"
    info=$(cluster_info "$v")
    [[ -n $info ]] || die "cluster $v/$CLUSTER not listed after pg_createcluster"
  fi
  read -r port status <<<"$info"

  if [[ $status != online* ]]; then
    local err
    err=$(pg_ctlcluster "$v" "$CLUSTER" start 2>&1) \
      || die "pg_ctlcluster $v $CLUSTER start failed: $(echo "$err" | tail -n1) (log: /var/log/postgresql/postgresql-$v-$CLUSTER.log)"
  fi

  local deadline=$((SECONDS + 30))
  until pg_isready -q -h 127.0.0.1 -p "$port" -t 2 >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "PostgreSQL $v/$CLUSTER not ready on 127.0.0.1:$port after 30 s"
    sleep 0.5
  done

  local r
  r=$(psql_admin "$port" "select (rolsuper and rolcanlogin)::int from pg_roles where rolname='$ROLE'") \
    || die "cannot query roles as postgres on port $port"
  if [[ -z $r ]]; then
    psql_admin "$port" "create role \"$ROLE\" with login superuser password '$PASSWORD'" >/dev/null \
      || die "cannot create role $ROLE"
  elif [[ $r != 1 ]] || ! can_login "$port" postgres; then
    psql_admin "$port" "alter role \"$ROLE\" with login superuser password '$PASSWORD'" >/dev/null \
      || die "cannot alter role $ROLE"
  fi

  local db
  for db in "${DBS[@]}"; do
    if [[ -z $(psql_admin "$port" "select 1 from pg_database where datname='$db'") ]]; then
      as_postgres createdb -p "$port" -O "$ROLE" "$db" 2>/dev/null \
        || [[ -n $(psql_admin "$port" "select 1 from pg_database where datname='$db'") ]] \
        || die "cannot create database $db"
    fi
  done

  for db in "${DBS[@]}"; do
    can_login "$port" "$db" \
      || die "cannot log in as $ROLE to $db on 127.0.0.1:$port (check pg_hba.conf allows scram/md5 on 127.0.0.1)"
  done
  emit "$(url_for "$port" "$URL_DB")"
}

do_stop() {
  local v info port status
  v=$(pg_version) || return 0
  info=$(cluster_info "$v"); [[ -n $info ]] || return 0
  read -r port status <<<"$info"
  [[ $status == online* ]] || return 0
  local err
  err=$(pg_ctlcluster "$v" "$CLUSTER" stop 2>&1) || die "pg_ctlcluster $v $CLUSTER stop failed: $(echo "$err" | tail -n1)"
}

do_status() {
  local v info port status
  if v=$(pg_version) && info=$(cluster_info "$v") && [[ -n $info ]]; then
    read -r port status <<<"$info"
    if [[ $status == online* ]]; then echo "running $v/$CLUSTER port $port"; return 0; fi
  fi
  echo "stopped"
  return 3
}

CMD=${1:-}; [[ $# -gt 0 ]] && shift
for a in "$@"; do
  case $a in
    --export) EXPORT=1 ;;
    *) echo "$ME: unknown argument: $a" >&2; usage ;;
  esac
done
case $CMD in
  ensure) do_ensure ;;
  stop) do_stop ;;
  status) do_status ;;
  *) usage ;;
esac
