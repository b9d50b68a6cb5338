#!/usr/bin/env bash
# Benchmarks on real PostgreSQL, each against a baseline measured in the same run.
# Not part of the test command. Writes bench/results/latest.json and prints a markdown table.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"
eval "$(bash "$ROOT/infra/postgres.sh" ensure --export)"
pnpm exec turbo run db:generate --filter=@ip/db --output-logs=errors-only >/dev/null
cd "$ROOT/bench" && exec node --import tsx src/run.ts
