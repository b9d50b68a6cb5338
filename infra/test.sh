#!/usr/bin/env bash
# The whole test suite on real services: PostgreSQL, the Temporal dev server (end to end), the
# time-skipping test server (timer logic), Chromium (console). Prints "N passed, N failed" last.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"

eval "$(bash "$ROOT/infra/postgres.sh" ensure --export)"
export CHROMIUM_PATH="$(bash "$ROOT/infra/chromium.sh" ensure)"

# A throwaway Temporal dev server for the end-to-end tests, on ports of its own.
TDATA="$ROOT/.data/test-temporal"
rm -rf "$TDATA"
# The first port from 17233 up whose gRPC and UI ports (port+1000) are both free.
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
print(next(p for p in range(17233, 17433) if free(p) and free(p + 1000)))
PY
)
export TEMPORAL_ADDRESS="127.0.0.1:$PORT" TEMPORAL_NAMESPACE=default
cleanup() { bash "$ROOT/infra/temporal-dev.sh" stop --data "$TDATA" >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash "$ROOT/infra/temporal-dev.sh" start --port "$PORT" --data "$TDATA"

rm -f "$ROOT"/apps/*/.reports/vitest.json "$ROOT"/packages/*/.reports/vitest.json
status=0
pnpm exec turbo run test --concurrency=1 --continue "$@" || status=$?
cleanup
node "$ROOT/infra/test-summary.mjs" || status=1
exit "$status"
