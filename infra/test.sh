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
source "$ROOT/infra/lib/throwaway-temporal.sh"
start_throwaway_temporal "$ROOT/.data/test-temporal" 17233

rm -f "$ROOT"/apps/*/.reports/vitest.json "$ROOT"/packages/*/.reports/vitest.json
status=0
pnpm exec turbo run test --concurrency=1 --continue "$@" || status=$?
stop_throwaway_temporal
node "$ROOT/infra/test-summary.mjs" || status=1
exit "$status"
