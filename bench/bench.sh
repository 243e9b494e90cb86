#!/usr/bin/env bash
# Side-by-side benchmark: the atlas against nginx serving the same page from `iskp-atlas export`,
# the two alternated in one run with the same wrk settings; then start-up time, peak RSS, compressed
# page sizes, and the query-string pages (saturated with wrk, and at a fixed rate with oha).
# Loopback only. Needs nginx and wrk (Debian: nginx-light wrk); oha (`cargo install oha`) for the
# fixed-rate latencies, which are skipped without it.
#
#   bash bench/bench.sh                 # defaults: 3 rounds of 10 s, 64 connections, 2 wrk threads
#   ROUNDS=5 DURATION=20s bash bench/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/plots/2023-07-cologne-berlin}

command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk (apt-get install nginx-light wrk)"; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cargo build --release -q
BIN=target/release/iskp-atlas
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

# "Requests/sec" and the 99th percentile latency of one wrk run, as "RPS P99_MS".
measure() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$1")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  errors=$(awk '/Socket errors|Non-2xx/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p99 ${errors:-}"
}

wrk -t"$THREADS" -c"$CONNS" -d2s "$NGINX_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNS" -d2s "$ATLAS_URL" >/dev/null
printf '%-6s %-7s %12s %10s  %s\n' round server req/s p99_ms errors
for r in $(seq "$ROUNDS"); do
  for target in nginx atlas; do
    url=$NGINX_URL; [ "$target" = atlas ] && url=$ATLAS_URL
    read -r rps p99 errors <<<"$(measure "$url")"
    printf '%-6s %-7s %12s %10s  %s\n' "$r" "$target" "$rps" "$p99" "$errors"
    echo "$target $rps $p99" >> "$WORK/results"
  done
done
awk '{n[$1]++; rps[$1]+=$2; p[$1]+=$3} END {
  printf "mean   nginx   %12.0f %10.3f\nmean   atlas   %12.0f %10.3f\n", rps["nginx"]/n["nginx"], p["nginx"]/n["nginx"], rps["atlas"]/n["atlas"], p["atlas"]/n["atlas"];
  printf "atlas/nginx throughput: %.2fx\n", rps["atlas"]/rps["nginx"] }' "$WORK/results"

echo
echo "query-string pages (rendered per request), wrk -c$CONNS -d$DURATION:"
for q in "/plots?country=DE&year=2023" "/search?q=tajik" "/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna"; do
  read -r rps p99 errors <<<"$(measure "http://127.0.0.1:$ATLAS_PORT$q")"
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
