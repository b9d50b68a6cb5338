#!/usr/bin/env bash
# Fault scenarios (packages/faults): each run starts its own PostgreSQL cluster (initdb into a temp
# dir, a free port), its own Temporal dev server (own port and SQLite file), the worker and the API
# as child processes, then kills and restarts them. Never touches the shared PostgreSQL cluster or
# another Temporal server. Prints the scenarios run, processes killed and time per scenario, and
# last "N passed, N failed".
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"
# Debian's PostgreSQL binaries (initdb, pg_ctl): installed by infra/postgres.sh when missing.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || bash "$ROOT/infra/postgres.sh" ensure >/dev/null
pnpm exec turbo run db:generate --filter=@ip/db >/dev/null
rm -f "$ROOT/packages/faults/.reports/vitest.json"
status=0
(cd "$ROOT/packages/faults" && pnpm run test:faults "$@") || status=$?
node "$ROOT/infra/test-summary.mjs" packages/faults || status=1
exit "$status"
