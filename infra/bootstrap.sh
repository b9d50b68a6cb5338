#!/usr/bin/env bash
# Installs what the project needs and is missing, then exports PATH and tool locations.
# Sourced by dev.sh and test.sh; safe to run again (warm: a few seconds).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bootstrap: $1 is required ($2)" >&2; exit 1; }; }
need node "install Node.js 20"
need python3 "install Python 3 with pip; it installs the Temporal binaries"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "bootstrap: Node.js >= 20.19 is required (found $(node --version))" >&2; exit 1; }

# Turbo's anonymous telemetry stays off for every script that sources this (and its banner with it).
export TURBO_TELEMETRY_DISABLED=1

# pnpm, exactly the pinned version, installed into the project (a different pnpm refuses to run).
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
export PATH="$ROOT/.tools/pnpm/node_modules/.bin:$ROOT/.tools/bin:$PATH"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION into .tools/" >&2
  npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools/pnpm" "pnpm@$PNPM_VERSION" >/dev/null
fi

# Dependencies from the lockfile (node-gyp needs Node's headers; pnpm reads only the env variable).
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
pnpm install --frozen-lockfile --prefer-offline --reporter=silent

# Temporal CLI (dev server) and the time-skipping test server.
bash "$ROOT/infra/temporal-install.sh"
# shellcheck disable=SC1091
[ -f "$ROOT/.tools/env.sh" ] && source "$ROOT/.tools/env.sh"
