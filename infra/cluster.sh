#!/usr/bin/env bash
# `pnpm test:cluster`: the production topology for real (packages/cluster). Builds what the images
# run (the API, the worker with its workflow bundle, the console) and the Temporal server from its Go
# module (cached in .tools/ after the first time), then the suite starts its own PostgreSQL cluster,
# the Temporal server split into four services on it, two workers and two APIs from the built
# output, and runs the key paths and the fault scenarios. Never touches the shared PostgreSQL
# cluster or another Temporal server. Last line: "N passed, N failed".
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"
# Debian's PostgreSQL binaries (initdb, pg_ctl, psql): installed by infra/postgres.sh when missing.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || bash "$ROOT/infra/postgres.sh" ensure >/dev/null
t0=$SECONDS
bash "$ROOT/infra/temporal-server.sh" build
echo "test:cluster: Temporal server ready in $((SECONDS - t0)) s" >&2
t0=$SECONDS
pnpm exec turbo run build --filter=@ip/api-server --filter=@ip/worker --filter=@ip/console --output-logs=errors-only
echo "test:cluster: API, worker and console built in $((SECONDS - t0)) s" >&2
rm -f "$ROOT/packages/cluster/.reports/vitest.json"
status=0
(cd "$ROOT/packages/cluster" && pnpm run test:cluster "$@") || status=$?
node "$ROOT/infra/test-summary.mjs" packages/cluster || status=1
exit "$status"
