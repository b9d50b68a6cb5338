#!/usr/bin/env bash
# One full improvement cycle on the real time-skipping Temporal server, printing the dated timeline.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/infra/bootstrap.sh"
cd "$ROOT/packages/workflows"
exec node --import tsx scripts/scenario.ts 2> >(grep -v 'WARN' >&2)
