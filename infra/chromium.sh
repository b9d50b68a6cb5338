#!/usr/bin/env bash
# Debian's Chromium (+ chromedriver) for browser tests (playwright-core executablePath).
#
# Usage: infra/chromium.sh ensure
#   Installs `chromium` and `chromium-driver` with apt if missing (waits for any running
#   apt/dpkg), checks the browser runs, and prints its path (only output on stdout):
#     export CHROMIUM_PATH=$(infra/chromium.sh ensure)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ME=chromium
die() { echo "$ME: $*" >&2; exit 1; }
usage() { echo "usage: infra/chromium.sh ensure" >&2; exit 2; }

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver
# The browser tests render a board pack's first page to PNG with poppler's pdftoppm (a screenshot
# reviewers look at), so it comes with the browser.
PDFTOPPM=/usr/bin/pdftoppm

do_ensure() {
  if [[ ! -x $CHROMIUM || ! -x $DRIVER || ! -x $PDFTOPPM ]]; then
    # shellcheck source=lib/apt.sh
    . "$ROOT/infra/lib/apt.sh"
    apt_install chromium chromium-driver poppler-utils
    [[ -x $CHROMIUM ]] || die "apt installed chromium but $CHROMIUM is missing"
  fi
  local ver
  # The Debian wrapper may print a harmless '[: ...: unexpected operator' (its /dev/shm check).
  ver=$("$CHROMIUM" --version 2>/dev/null) || die "$CHROMIUM --version failed (broken install? try: apt-get install --reinstall chromium)"
  [[ $ver == Chromium* ]] || die "unexpected output from $CHROMIUM --version: $ver"
  echo "$CHROMIUM"
}

case ${1:-} in
  ensure) do_ensure ;;
  *) usage ;;
esac
