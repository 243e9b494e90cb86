#!/usr/bin/env bash
# Real-browser quality gates for the ISKP Plots Atlas (issue 7); called by .ci/run, or run alone:
#
#     bash .ci/gates/run.sh
#
# Installs what it needs (Debian: chromium, poppler-utils, linkchecker; npm: puppeteer-core,
# axe-core, vnu-jar, lighthouse from package-lock.json), builds the release binary, serves it on a free
# loopback port and runs .ci/gates/gates.js against it. Output goes to target/gates/. No browser is
# ever downloaded and nothing but 127.0.0.1 is contacted once the installs are done.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
GATES=$ROOT/.ci/gates
OUT=$ROOT/target/gates
export GATES_STARTED=${GATES_STARTED:-$(date +%s)}

echo "== quality gates: tools"

# Debian packages, only those missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v linkchecker >/dev/null 2>&1 || missing+=(linkchecker)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
if ((${#missing[@]})); then
    echo "apt-get install ${missing[*]}"
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    # With recommends, as `apt-get install chromium` gives a developer (fonts, Mesa's DRI modules).
    "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "the gates need Node.js 20 or later (node not found)" >&2; exit 1; }

# npm packages, exactly as locked. --ignore-scripts: vnu-jar's postinstall would fetch a Java
# runtime when none is found; Debian's java is used instead, and puppeteer-core fetches nothing.
lock_hash=$(sha256sum "$GATES/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$GATES/node_modules/.lock-hash" 2>/dev/null || true)" != "$lock_hash" ]; then
    echo "npm ci in .ci/gates"
    (cd "$GATES" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" >"$GATES/node_modules/.lock-hash"
fi
echo "chromium: $(chromium --version 2>/dev/null | head -1); java: $(java -version 2>&1 | head -1); node: $(node --version); $(linkchecker --version 2>/dev/null | head -1)"

echo "== quality gates: release build"
cargo build --release --quiet
BIN=$ROOT/target/release/iskp-atlas

mkdir -p "$OUT"
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Start on a free loopback port; try again on another if the port was taken in between.
for attempt in 1 2 3; do
    PORT=$(free_port)
    # --public-url as a deployment sets it: Lighthouse audits the canonical and alternate links.
    "$BIN" --bind "127.0.0.1:$PORT" --public-url "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1 &
    SERVER_PID=$!
    sleep 0.3
    if kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    echo "the atlas did not start on port $PORT (attempt $attempt):" >&2
    tail -5 "$OUT/server.log" >&2
    SERVER_PID=
done
[ -n "$SERVER_PID" ] || { echo "0 passed, 1 failed"; exit 1; }

echo "== quality gates: checks against http://127.0.0.1:$PORT (server log: target/gates/server.log)"
status=0
node "$GATES/gates.js" --base "http://127.0.0.1:$PORT" --out "$OUT" || status=$?
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the atlas stopped during the checks; last lines of its log:" >&2
    tail -20 "$OUT/server.log" >&2
    status=1
fi
exit "$status"
