#!/usr/bin/env bash
# Builds what an intranet operator installs, into dist/:
#   iskp-atlas                      the release binary, statically linked (runs on any x86-64 Linux)
#   iskp-atlas-<version>.oci.tar    an OCI image FROM scratch holding only that binary
#   iskp-atlas.cdx.json             a CycloneDX SBOM of the crate graph (cargo-cyclonedx)
#   SHA256SUMS                      checksums of the three (`sha256sum -c SHA256SUMS`)
#
#     bash packaging/build.sh            # everything
#     SBOM=0 bash packaging/build.sh     # without the SBOM (CI: saves building cargo-cyclonedx)
#
# Needs the Rust toolchain, and buildah (installed here from Debian's packages when missing; no base
# image is pulled: the image starts FROM scratch). Runs as root or with sudo for the install.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
TARGET=x86_64-unknown-linux-gnu
SBOM=${SBOM:-1}
STORE=(--storage-driver vfs)

if ! command -v buildah >/dev/null; then
  SUDO=(); [ "$(id -u)" -ne 0 ] && SUDO=(sudo)
  echo "== apt-get install buildah"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah >/dev/null
fi

echo "== static release binary"
# glibc's static libc with the binary itself (static-pie); symbols stripped. Its own target directory,
# so the usual dynamic release build is left as it is.
RUSTFLAGS="-C target-feature=+crt-static -C strip=symbols" \
  cargo build --release --locked --quiet --target "$TARGET" --target-dir "$ROOT/target/static"
BIN=$ROOT/target/static/$TARGET/release/iskp-atlas
if ! ldd "$BIN" 2>&1 | grep -q -e "statically linked" -e "not a dynamic executable"; then
  echo "$BIN is dynamically linked: $(ldd "$BIN" 2>&1 | head -3)" >&2
  exit 1
fi
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
DATASET=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' data/dataset.json)
REVISION=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
# Where the source lives, as this clone knows it; no label when it has no remote.
SOURCE=$(git remote get-url origin 2>/dev/null || true)
rm -rf "$DIST"
mkdir -p "$DIST"
cp "$BIN" "$DIST/iskp-atlas"
echo "dist/iskp-atlas: $(stat -c %s "$DIST/iskp-atlas") bytes, version $VERSION, dataset $DATASET"

echo "== OCI image FROM scratch"
IMAGE=localhost/iskp-atlas:$VERSION
ctr=$(buildah "${STORE[@]}" from scratch)
trap 'buildah "${STORE[@]}" rm "$ctr" >/dev/null 2>&1 || true' EXIT
buildah "${STORE[@]}" copy --chmod 0555 "$ctr" "$DIST/iskp-atlas" /iskp-atlas >/dev/null
# A non-root numeric user (no /etc/passwd in the image), listening on all interfaces inside the
# container; the health check is the binary itself (`iskp-atlas health`).
buildah "${STORE[@]}" config \
  --user 65532:65532 \
  --port 8080 \
  --env ATLAS_BIND=0.0.0.0:8080 \
  --entrypoint '["/iskp-atlas"]' \
  --cmd '["serve"]' \
  --label org.opencontainers.image.title="ISKP Plots Atlas" \
  --label org.opencontainers.image.description="The seven ISKP-linked terror plots in Europe (2020-2024) of DIIS Report 2025:09, browsable and citable" \
  --label org.opencontainers.image.version="$VERSION" \
  --label io.iskp-atlas.dataset.version="$DATASET" \
  --label org.opencontainers.image.revision="$REVISION" \
  ${SOURCE:+--label "org.opencontainers.image.source=$SOURCE"} \
  --label org.opencontainers.image.licenses="MIT OR Apache-2.0" \
  --label io.iskp-atlas.healthcheck="/iskp-atlas health" \
  "$ctr"
buildah "${STORE[@]}" commit --quiet --format oci "$ctr" "$IMAGE" >/dev/null
rm -f "$DIST/iskp-atlas-$VERSION.oci.tar"
buildah "${STORE[@]}" push --quiet "$IMAGE" "oci-archive:$DIST/iskp-atlas-$VERSION.oci.tar:$IMAGE"
echo "dist/iskp-atlas-$VERSION.oci.tar: $(stat -c %s "$DIST/iskp-atlas-$VERSION.oci.tar") bytes ($IMAGE)"

if [ "$SBOM" = 1 ]; then
  echo "== CycloneDX SBOM"
  command -v cargo-cyclonedx >/dev/null || cargo install --locked --quiet cargo-cyclonedx
  # Every platform's dependencies, build-time ones included: the SBOM describes what any build of
  # the binary can contain. Test-only crates (dev-dependencies) are never in it.
  cargo cyclonedx --format json --quiet --target all --spec-version 1.5
  mv "$ROOT/iskp-atlas.cdx.json" "$DIST/iskp-atlas.cdx.json"
  cargo tree -e normal,build --target all --prefix none --no-dedupe --locked > "$DIST/.tree"
  python3 - "$DIST/iskp-atlas.cdx.json" "$DIST/.tree" Cargo.lock <<'PY'
import json, re, sys
bom, tree, lock = sys.argv[1:]
def walk(cs, out):
    for c in cs:
        out.add((c["name"], c.get("version")))
        walk(c.get("components", []), out)
listed = set()
walk(json.load(open(bom)).get("components", []), listed)
used = {m.groups() for m in re.finditer(r"^(\S+) v(\S+)", open(tree).read(), re.M)}
locked = set(re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', open(lock).read()))
missing = sorted(c for c in used if c[0] != "iskp-atlas" and c not in listed)
if missing:
    sys.exit(f"the SBOM lacks {len(missing)} crates the build uses: {missing[:10]}")
print(f"SBOM: all {len(used) - 1} crates the binary's build uses on any platform (of {len(locked)} in Cargo.lock; the other {len(locked - used)} are test-only)")
PY
  rm -f "$DIST/.tree"
fi

(cd "$DIST" && sha256sum -- * > SHA256SUMS && sha256sum -c SHA256SUMS >/dev/null)
echo "== dist/"
(cd "$DIST" && ls -l && cat SHA256SUMS)
