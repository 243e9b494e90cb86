#!/usr/bin/env bash
# Abuse and concurrency runs against a release build, on loopback, bounded in count and time:
#   1. 100,000 hostile requests (bench/abuse.py): expect 0 responses >= 500 and the server alive;
#   2. 1,000 connections for 30 s with wrk: expect 0 socket errors and 0 non-2xx answers;
#   3. a flood of 20,000 slow connections for 30 s (bench/flood.py: partial heads, one header line a
#      second, reopened when closed) against a fresh server with the default --max-connections,
#      while a reader fetches a plot page ten times a second on new connections; expect peak RSS
#      <= 64 MB, RSS < 30 MB within 60 s after, the reader's p99 <= 50 ms and no failed reads.
# Needs wrk (Debian: wrk). COUNT=… CONNS=… DURATION=… FLOOD=… FLOOD_S=… override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-100000}
CONNS=${CONNS:-1000}
DURATION=${DURATION:-30s}
FLOOD=${FLOOD:-20000}
FLOOD_S=${FLOOD_S:-30}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }
# 20,000 slow connections need as many descriptors on each side: the flood's clients spread them
# over processes of 9,000; the server holds what its limit allows (the open-file limit less 64).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open-file limit: $(ulimit -n)"

cargo build --release -q
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUST_LOG=warn target/release/iskp-atlas --bind "127.0.0.1:$PORT" --public-url "http://127.0.0.1:$PORT" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.05; done

echo "== hostile requests"
python3 bench/abuse.py "127.0.0.1:$PORT" "$COUNT" 64

echo
echo "== $CONNS connections for $DURATION (plot page, overview, a filter page in rotation)"
status=0
for path in /plots/2022-11-strasbourg / "/plots?country=DE"; do
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s "http://127.0.0.1:$PORT$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  errs=$(grep -E "Socket errors|Non-2xx" <<<"$out" || true)
  echo "  $path: $rps req/s; ${errs:-0 errors}"
  [ -z "$errs" ] || status=1
done
echo "peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$PID/status)"
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && echo "server alive: yes" || { echo "server alive: NO"; status=1; }
kill $PID; wait $PID 2>/dev/null || true

echo
echo "== flood: $FLOOD slow connections for $FLOOD_S s, a reader meanwhile, memory until 60 s after"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUST_LOG=warn target/release/iskp-atlas --bind "127.0.0.1:$PORT" --public-url "http://127.0.0.1:$PORT" &
PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.05; done
sleep 3
python3 bench/flood.py "127.0.0.1:$PORT" "$PID" "$FLOOD" "$FLOOD_S" 60 || status=1
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && echo "server alive: yes" || { echo "server alive: NO"; status=1; }
exit $status
