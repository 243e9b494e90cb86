#!/usr/bin/env bash
# Tests bench/nginx-proxy.conf: the atlas under --base-path /atlas behind nginx, and every link on
# every page reached through the proxy answers 200. Loopback only. Needs nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "needs nginx (apt-get install nginx-light)"; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cargo build --release -q
WORK=$(mktemp -d); chmod 755 "$WORK"
ATLAS=$(free_port); PROXY=$(free_port)
RUST_LOG=warn target/release/iskp-atlas --bind "127.0.0.1:$ATLAS" --base-path /atlas --trust-forwarded &
PID=$!
trap 'kill $PID 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"' EXIT
# The example, with its ports replaced, inside a minimal nginx configuration.
sed -e "s/listen 8080;/listen 127.0.0.1:$PROXY;/" -e "s#127.0.0.1:3000#127.0.0.1:$ATLAS#" bench/nginx-proxy.conf > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  include $WORK/site.conf;
}
CONF
nginx -c "$WORK/nginx.conf"
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PROXY/atlas/healthz" >/dev/null && break; sleep 0.05; done
python3 - "$PROXY" <<'PY'
import re, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return r.status, r.read().decode("utf-8", "replace"), r.geturl()
status, _, final = get("/atlas")
assert final.endswith("/atlas/"), final
seen, todo, checked = set(), ["/atlas/"], 0
while todo:
    path = todo.pop()
    if path in seen:
        continue
    seen.add(path)
    status, body, _ = get(path)
    assert status == 200, (path, status)
    checked += 1
    if "html" not in body[:200].lower():
        continue
    for link in re.findall(r'(?:href|src|action)="([^"#]*)', body):
        link = link.replace("&amp;", "&").replace("&#38;", "&")
        if link.startswith("/"):
            assert link.startswith("/atlas/"), (path, link)
            if "?" not in link:
                todo.append(link)
# The addresses a reader copies name the proxy, never the atlas's own port behind it.
_, page, _ = get("/atlas/plots/2022-11-strasbourg")
cite = base + "/atlas/plots/2022-11-strasbourg"
assert f'href="{cite}"' in page, "the citation names the proxy's address"
print(f"proxy under /atlas: {checked} pages and documents answered 200, every link carries /atlas; citations name {base}")
PY
