#!/usr/bin/env bash
# Side-by-side benchmark: the atlas against nginx serving the same page from `iskp-atlas export`,
# the two alternated round by round with the same wrk settings, in two cases: without
# Accept-Encoding (identity), and with `Accept-Encoding: br, gzip` (the atlas sends its brotli body;
# nginx its precompressed .gz file, `gzip_static on`). Medians over the rounds, and each server's
# CPU time per request (steadier than requests per second on a shared machine). Then start-up time,
# peak RSS, compressed page sizes, and the query-string pages (saturated with wrk, and at a fixed
# rate with oha). Loopback only. Needs nginx and wrk (Debian: nginx-light wrk); oha
# (`cargo install oha`) for the fixed-rate latencies, which are skipped without it.
#
#   bash bench/bench.sh                 # defaults: 5 rounds of 10 s, 64 connections, 2 wrk threads
#   ROUNDS=3 DURATION=20s bash bench/bench.sh
#   BIN=target/static/x86_64-unknown-linux-gnu/release/iskp-atlas bash bench/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/plots/2023-07-cologne-berlin}

command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk (apt-get install nginx-light wrk)"; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# BIN=… measures another build, e.g. the static binary the package ships
# (target/static/x86_64-unknown-linux-gnu/release/iskp-atlas, from packaging/build.sh).
if [ -z "${BIN:-}" ]; then
  cargo build --release -q
  BIN=target/release/iskp-atlas
fi
WORK=$(mktemp -d)
ATLAS_PID=""
cleanup() {
  [ -n "$ATLAS_PID" ] && kill "$ATLAS_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

NGINX_PORT=$(free_port)
ATLAS_PORT=$(free_port)
# Both serve the page for the same public address, as a deployment would (byte for byte the same page).
PUBLIC=http://atlas.example
"$BIN" export "$WORK/site" --public-url "$PUBLIC" >/dev/null
# The export's pages precompressed for nginx's gzip_static, at gzip's best level (as the atlas's
# gzip bodies), without names or times (-n).
find "$WORK/site" -name '*.html' -exec gzip -9 -k -n {} +
# nginx's workers run unprivileged; mktemp's directory is private.
chmod -R a+rX "$WORK"
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  gzip_vary on;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/site;
    location / { try_files \$uri \$uri.html =404; }
  }
}
CONF
mkdir -p "$WORK/nginx-tmp"
nginx -c "$WORK/nginx.conf"
# Per-request access logs are off on both sides (nginx: access_log off; the atlas: RUST_LOG=warn).
RUST_LOG=warn "$BIN" --bind "127.0.0.1:$ATLAS_PORT" --public-url "$PUBLIC" &
ATLAS_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$ATLAS_PORT/healthz" >/dev/null && break; sleep 0.05; done
# Let the background warm-up (rendering and compressing the permanent pages) finish first.
sleep 3

NGINX_URL="http://127.0.0.1:$NGINX_PORT$PAGE"
ATLAS_URL="http://127.0.0.1:$ATLAS_PORT$PAGE"
for url in "$NGINX_URL" "$ATLAS_URL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "$url answered $code, not 200"; exit 1; }
done
echo "page: $PAGE ($(curl -s "$ATLAS_URL" | wc -c) bytes from the atlas, $(curl -s "$NGINX_URL" | wc -c) from nginx's copy)"
echo "wrk -t$THREADS -c$CONNS -d$DURATION --latency, $ROUNDS rounds, alternating"

# "Requests/sec" and the 99th percentile latency of one wrk run, as "RPS P99_MS REQUESTS ERRORS".
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@")
  local rps p99 n errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  errors=$(awk '/Socket errors|Non-2xx/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 $n ${errors:-}"
}
# CPU time (user + system, in clock ticks) of the given processes.
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
HZ=$(getconf CLK_TCK)
NGINX_WORKERS=$(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')

compressed_check() {
  local enc
  enc=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$1" | awk -F': ' 'tolower($1)=="content-encoding" {print $2}' | tr -d '\r')
  echo "${enc:-none}"
}
echo "compressed case: atlas sends $(compressed_check "$ATLAS_URL") ($(curl -s -H 'Accept-Encoding: br, gzip' "$ATLAS_URL" | wc -c) bytes), nginx $(compressed_check "$NGINX_URL") ($(curl -s -H 'Accept-Encoding: br, gzip' "$NGINX_URL" | wc -c) bytes)"

wrk -t"$THREADS" -c"$CONNS" -d2s "$NGINX_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d2s "$ATLAS_URL" >/dev/null
printf '%-11s %-6s %-7s %12s %10s %12s  %s\n' case round server req/s p99_ms cpu_us/req errors
for r in $(seq "$ROUNDS"); do
  for case in identity compressed; do
    for target in nginx atlas; do
      if [ "$target" = atlas ]; then url=$ATLAS_URL; pids=$ATLAS_PID; else url=$NGINX_URL; pids=$NGINX_WORKERS; fi
      header=(); [ "$case" = compressed ] && header=(-H 'Accept-Encoding: br, gzip')
      t0=$(ticks $pids)
      read -r rps p99 n errors <<<"$(measure "${header[@]}" "$url")"
      t1=$(ticks $pids)
      cpu=$(awk -v t="$((t1 - t0))" -v n="$n" -v hz="$HZ" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')
      printf '%-11s %-6s %-7s %12s %10s %12s  %s\n' "$case" "$r" "$target" "$rps" "$p99" "$cpu" "$errors"
      echo "$case $target $rps $p99 $cpu" >> "$WORK/results"
    done
  done
done
echo
python3 - "$WORK/results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for case in ("identity", "compressed"):
    med = {}
    for server in ("nginx", "atlas"):
        r = [x for x in rows if x[0] == case and x[1] == server]
        med[server] = [statistics.median(float(x[i]) for x in r) for i in (2, 3, 4)]
        print(f"median {case:<10} {server:<6} {med[server][0]:>10.0f} req/s  p99 {med[server][1]:.2f} ms  cpu {med[server][2]:.1f} us/req  ({len(r)} rounds)")
    a = [float(x[2]) for x in rows if x[0] == case and x[1] == "atlas"]
    n = [float(x[2]) for x in rows if x[0] == case and x[1] == "nginx"]
    ratios = ", ".join(f"{x / y:.2f}" for x, y in zip(a, n))
    print(f"  {case}: atlas/nginx {med['atlas'][0] / med['nginx'][0]:.2f}x (medians; round by round {ratios})")
PY
echo
echo "query-string pages (rendered per request), wrk -c$CONNS -d$DURATION:"
for q in "/plots?country=DE&year=2023" "/search?q=tajik" "/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna"; do
  read -r rps p99 _ errors <<<"$(measure "http://127.0.0.1:$ATLAS_PORT$q")"
  printf '  %-58s %10s req/s  p99 %s ms %s\n' "$q" "$rps" "$p99" "$errors"
done

RATE=${RATE:-2000}
if command -v oha >/dev/null; then
  echo
  echo "query-string pages at a fixed $RATE req/s over $CONNS connections for $DURATION (oha), latency percentiles:"
  for q in "/plots?country=DE&year=2023" "/search?q=tajik" "/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna"; do
    oha -z "$DURATION" -c "$CONNS" -q "$RATE" --no-tui --output-format json "http://127.0.0.1:$ATLAS_PORT$q" 2>/dev/null |
      python3 bench/oha_summary.py "$q"
  done
else
  echo "(oha not installed: fixed-rate latencies skipped; cargo install oha)"
fi

echo
echo "peak RSS of the atlas after the runs: $(awk '/VmHWM/ {print $2, $3}' /proc/$ATLAS_PID/status)"

echo
echo "compressed size of each page plus its stylesheet (brotli, as a browser asks):"
CSS=$(curl -s "http://127.0.0.1:$ATLAS_PORT/" | grep -o '/static/atlas\.[0-9a-f]*\.css' | head -1)
css_bytes=$(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:$ATLAS_PORT$CSS" | wc -c)
max=0
for p in / /plots /offices /patterns /method /sources /changelog /map /timeline /network $(curl -s "http://127.0.0.1:$ATLAS_PORT/api/plots.json" | python3 -c 'import json,sys; print(" ".join(p["url"] for p in json.load(sys.stdin)["plots"]))'); do
  b=$(curl -s -H 'Accept-Encoding: br' "http://127.0.0.1:$ATLAS_PORT$p" | wc -c)
  total=$((b + css_bytes)); [ $total -gt $max ] && max=$total
  printf '  %-40s %6d + %5d = %6d bytes\n' "$p" "$b" "$css_bytes" "$total"
done
echo "  largest: $max bytes"

kill "$ATLAS_PID"; wait "$ATLAS_PID" 2>/dev/null || true; ATLAS_PID=""
echo
python3 bench/startup.py "$BIN"
