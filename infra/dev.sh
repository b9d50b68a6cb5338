#!/usr/bin/env bash
# The whole system on embedded defaults: Temporal dev server (with its UI), PGlite database,
# migrations, demo data, worker, API and console. Ctrl-C stops everything it started.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source "$ROOT/infra/bootstrap.sh"

DATA="${DEV_DATA_DIR:-$ROOT/.data}"
PORT="${TEMPORAL_PORT:-7233}"
export DEV_DATA_DIR="$DATA" TEMPORAL_ADDRESS="127.0.0.1:$PORT" TEMPORAL_UI_URL="http://127.0.0.1:$((PORT + 1000))"

stop() {
  trap - EXIT INT TERM
  [ -n "${APP_PID:-}" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  bash "$ROOT/infra/temporal-dev.sh" stop --data "$DATA/temporal" >/dev/null 2>&1 || true
  echo "Stopped."
}
trap stop EXIT INT TERM

echo "Preparing (Prisma client, console build)..."
pnpm exec turbo run db:generate build --filter=@ip/db --filter=@ip/console --output-logs=errors-only >/dev/null
bash "$ROOT/infra/temporal-dev.sh" start --port "$PORT" --data "$DATA/temporal"
node --import tsx "$ROOT/apps/dev/src/main.ts" &
APP_PID=$!
wait "$APP_PID" || true
