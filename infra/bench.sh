#!/usr/bin/env bash
# Benchmarks on real services, each figure against a baseline measured in the same run.
# Not part of the test command. Starts a throwaway Temporal dev server (like infra/test.sh) and uses
# the time-skipping test server for deadlines; writes bench/results/latest.json and latest.md.
# BENCH_SCALE (default 1) scales the heavy figures down for development, e.g. BENCH_SCALE=0.05;
# BENCH_ONLY=start,getList,... runs a subset.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"
eval "$(bash "$ROOT/infra/postgres.sh" ensure --export)"
pnpm exec turbo run db:generate --filter=@ip/db --output-logs=errors-only >/dev/null

TDATA="$ROOT/.data/bench-temporal"
rm -rf "$TDATA"
PORT=$(python3 - <<'PY'
import socket
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
print(next(p for p in range(18233, 18433) if free(p) and free(p + 1000)))
PY
)
export TEMPORAL_ADDRESS="127.0.0.1:$PORT" TEMPORAL_NAMESPACE=default
cleanup() { bash "$ROOT/infra/temporal-dev.sh" stop --data "$TDATA" >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash "$ROOT/infra/temporal-dev.sh" start --port "$PORT" --data "$TDATA"
cd "$ROOT/bench"
node --expose-gc --import tsx src/run.ts
