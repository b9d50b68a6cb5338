#!/usr/bin/env bash
# Fails when two source files import each other, directly or round a longer loop (issue 16).
# Type-only imports count: a pair of files that need each other to be read is one file in two
# halves, whatever the compiler erases. Run by `pnpm lint` (turbo's //#lint:cycles, before every
# package's eslint) and so by `npm test`. Imports between workspace packages are followed too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(node_modules/.bin/dpdm --no-tree --no-warning --progress=false --exit-code circular:1 \
  --exclude '\bnode_modules\b|/generated/' \
  'apps/*/{src,e2e,scripts}/**/*.{ts,tsx}' \
  'packages/*/{src,testing,replay,scripts}/**/*.{ts,tsx}' \
  'bench/{src,minimal-admin}/**/*.{ts,tsx}' 2>&1) && status=0 || status=$?
if [ "$status" -ne 0 ]; then
  echo "$out" >&2
  echo "lint:cycles: import cycles found (above); break each by moving what both files need into a third" >&2
  exit 1
fi
echo "lint:cycles: 0 cycles"
