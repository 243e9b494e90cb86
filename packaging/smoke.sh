#!/usr/bin/env bash
# CI's check of the image packaging/build.sh made: it holds nothing but the binary, and the binary,
# run inside it (buildah run, chroot isolation, the host's loopback), serves /healthz, a plot page
# and the 404 page, and passes its own health check.
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=(--storage-driver vfs)
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
IMAGE=localhost/iskp-atlas:$VERSION
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fail() { echo "FAIL: $*" >&2; exit 1; }

ctr=$(buildah "${STORE[@]}" from "$IMAGE")
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -f "${LOG:-}"
  buildah "${STORE[@]}" umount "$ctr" >/dev/null 2>&1 || true
  buildah "${STORE[@]}" rm "$ctr" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# What the image holds, before anything runs in it.
mnt=$(buildah "${STORE[@]}" mount "$ctr")
contents=$(cd "$mnt" && find . -mindepth 1 | sort)
[ "$contents" = "./iskp-atlas" ] || fail "the image holds more than the binary: $contents"
size=$(du -sb "$mnt" | cut -f1)
[ "$size" -le $((12 * 1024 * 1024)) ] || fail "the image is $size bytes, over 12 MiB"
buildah "${STORE[@]}" umount "$ctr" >/dev/null
user=$(buildah "${STORE[@]}" inspect --format '{{.OCIv1.Config.User}}' "$IMAGE")
[ "$user" = "65532:65532" ] || fail "the image runs as '$user', not a non-root numeric user"
echo "image: one file, $size bytes, user $user"

LOG=$(mktemp)
buildah "${STORE[@]}" run --isolation chroot --env ATLAS_BIND="127.0.0.1:$PORT" --env RUST_LOG=warn "$ctr" -- /iskp-atlas serve 2>"$LOG" &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
[ "$(curl -fs "http://127.0.0.1:$PORT/healthz")" = ok ] || fail "/healthz"
curl -fs "http://127.0.0.1:$PORT/plots/2022-11-strasbourg" | grep -q "Strasbourg, France" || fail "the plot page"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/no-such-page")
[ "$status" = 404 ] || fail "the 404 page answered $status"
buildah "${STORE[@]}" run --isolation chroot --env ATLAS_BIND="127.0.0.1:$PORT" "$ctr" -- /iskp-atlas health >/dev/null \
  || fail "the binary's health check inside the image"
echo "in the image: /healthz, a plot page, the 404 page and the health check all answer"
