# shellcheck shell=bash
# Shared helper for infra/*.sh: install Debian packages without fighting a concurrent apt/dpkg.
# Usage (after `set -euo pipefail` and defining ROOT and die):  . "$ROOT/infra/lib/apt.sh"; apt_install pkg...
# Logs to $ROOT/.tools/logs/apt.log; errors are one line on stderr.

APT_LOG=${APT_LOG:-$ROOT/.tools/logs/apt.log}
APT_WAIT_SECONDS=${APT_WAIT_SECONDS:-1800}

_apt_sudo() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "need root (or passwordless sudo) to run: $*"
  fi
}

# Wait while another apt/dpkg is running (e.g. a provisioning job); dpkg's own lock
# wait (DPkg::Lock::Timeout) covers the remaining races.
_apt_wait_idle() {
  local deadline=$((SECONDS + APT_WAIT_SECONDS)) pids said=0
  while pids=$(pgrep -x 'apt|apt-get|aptitude|dpkg|unattended-upgr' 2>/dev/null | paste -sd, -) && [[ -n $pids ]]; do
    if ((!said)); then
      echo "note: waiting for another apt/dpkg process to finish (pid $pids)..." >&2
      said=1
    fi
    ((SECONDS < deadline)) || die "another apt/dpkg process (pid $pids) still running after ${APT_WAIT_SECONDS}s"
    sleep 3
  done
}

_apt_get() {
  _apt_sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
    -o DPkg::Lock::Timeout="$APT_WAIT_SECONDS" -o Dpkg::Use-Pty=0 "$@" >>"$APT_LOG" 2>&1
}

_apt_last_error() { grep -E '^(E|W): ' "$APT_LOG" | tail -n1 || tail -n1 "$APT_LOG"; }

apt_install() { # apt_install pkg...
  command -v apt-get >/dev/null || die "apt-get not found (Debian/Ubuntu required to install: $*)"
  mkdir -p "$(dirname "$APT_LOG")"
  echo "=== $(date -Is) apt_install $*" >>"$APT_LOG"
  _apt_wait_idle
  _apt_get update || die "apt-get update failed: $(_apt_last_error) (log: $APT_LOG)"
  _apt_wait_idle
  if ! _apt_get install "$@"; then
    # An interrupted earlier dpkg run blocks every install until configured.
    if grep -q 'dpkg --configure -a' "$APT_LOG"; then
      _apt_sudo env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >>"$APT_LOG" 2>&1 || true
      _apt_get install "$@" || die "apt-get install $* failed: $(_apt_last_error) (log: $APT_LOG)"
    else
      die "apt-get install $* failed: $(_apt_last_error) (log: $APT_LOG)"
    fi
  fi
}
