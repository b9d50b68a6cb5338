#!/usr/bin/env bash
# The whole test suite on real services: PostgreSQL, the Temporal dev server (end to end), the
# time-skipping test server (timer logic), Chromium (console). Prints "N passed, N failed" last.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"

# Lint first (import cycles, then ESLint in every package, or in the --filter'ed ones). A violation
# fails the run: it is counted as one failed check in the closing line (test-summary.mjs reads
# .reports/lint.json). The tests still run, so one CI log shows both.
mkdir -p "$ROOT/.reports"
rm -f "$ROOT/.reports/lint.json"
filters=()
for a in "$@"; do [ "$a" = "--" ] && break; case "$a" in --filter=*) filters+=("$a") ;; esac; done
lint_t0=$SECONDS
lint_ok=true
pnpm exec turbo run lint --concurrency=2 --continue --output-logs=errors-only "${filters[@]}" || lint_ok=false
echo "{\"ok\": $lint_ok, \"seconds\": $((SECONDS - lint_t0))}" >"$ROOT/.reports/lint.json"
if [ "$lint_ok" = true ]; then
  echo "test: lint passed in $((SECONDS - lint_t0)) s"
else
  echo "test: LINT FAILED (the violations are above; run \`pnpm lint\` to see them again). The tests run anyway; the run fails." >&2
fi

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
[ "$lint_ok" = true ] || status=1
exit "$status"
