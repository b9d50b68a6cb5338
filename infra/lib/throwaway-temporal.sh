# Sourced by test.sh and bench.sh: a throwaway Temporal dev server on ports of its own.
#   start_throwaway_temporal <data dir> <first port to try>
# Picks the first port from <first port> up whose gRPC and UI ports (port+1000) are both free,
# exports TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE, and stops the server on exit (stop_throwaway_temporal).
start_throwaway_temporal() {
  THROWAWAY_TDATA="$1"
  rm -rf "$THROWAWAY_TDATA"
  local port
  port=$(python3 - "$2" <<'PY'
import socket, sys
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
first = int(sys.argv[1])
print(next(p for p in range(first, first + 200) if free(p) and free(p + 1000)))
PY
)
  export TEMPORAL_ADDRESS="127.0.0.1:$port" TEMPORAL_NAMESPACE=default
  trap stop_throwaway_temporal EXIT
  bash "$ROOT/infra/temporal-dev.sh" start --port "$port" --data "$THROWAWAY_TDATA"
}

stop_throwaway_temporal() {
  bash "$ROOT/infra/temporal-dev.sh" stop --data "$THROWAWAY_TDATA" >/dev/null 2>&1 || true
}
