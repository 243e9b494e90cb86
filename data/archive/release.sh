#!/usr/bin/env bash
# Releases a dataset version: archives what the atlas serves for it, so /v/{version}/… shows it
# unchanged for good (README, "Releasing a version").
#
#     bash data/archive/release.sh           # the version of this checkout
#     bash data/archive/release.sh COMMIT    # the version an earlier commit served (built there)
#
# It builds the atlas (at COMMIT, in a temporary worktree), runs `iskp-atlas export` without a public
# URL (the pages' own links are relative, so they work under any address), packs the files with
# pack.py into data/archive/{version}/ and prints the manifest's SHA-256, which src/archive.rs pins.
# It refuses to overwrite an existing archive.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$(mktemp -d)
cleanup() {
  if [ -d "$WORK/src" ]; then git -C "$ROOT" worktree remove --force "$WORK/src" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${1:-}" ]; then
  git worktree add --detach "$WORK/src" "$1" >/dev/null
  SRC=$WORK/src
  (cd "$SRC" && CARGO_TARGET_DIR="$WORK/target" cargo build --release --quiet)
  BIN=$WORK/target/release/iskp-atlas
else
  SRC=$ROOT
  cargo build --release --quiet
  BIN=$ROOT/target/release/iskp-atlas
fi
VERSION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$SRC/data/dataset.json")
DEST=$ROOT/data/archive/$VERSION
if [ -e "$DEST" ]; then
  echo "data/archive/$VERSION exists: version $VERSION is released and never changes; bump the version first" >&2
  exit 1
fi
# The binary carries its own data; it is run from the source it was built from.
(cd "$SRC" && "$BIN" export "$WORK/export" >/dev/null)
# An archive does not hold the archives of earlier versions.
rm -rf "$WORK/export/v"
python3 "$ROOT/data/archive/pack.py" "$WORK/export" "$DEST"
echo "version $VERSION archived; add (\"$VERSION\", <the SHA-256 above>) to RELEASED in src/archive.rs"
