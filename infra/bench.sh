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
# The cluster figures (9-12) run the Temporal server built from its Go module (cached in .tools/),
# and the API and worker from their built output, as the images do.
bash "$ROOT/infra/temporal-server.sh" build
pnpm exec turbo run build --filter=@ip/api-server --filter=@ip/worker --filter=@ip/console --output-logs=errors-only >/dev/null

source "$ROOT/infra/lib/throwaway-temporal.sh"
start_throwaway_temporal "$ROOT/.data/bench-temporal" 18233
cd "$ROOT/bench"
node --expose-gc --import tsx src/run.ts
