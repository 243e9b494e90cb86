#!/usr/bin/env python3
"""Packs the output of `iskp-atlas export` as an archived version: every file gzipped (without a
timestamp, so the same export always gives the same bytes) and MANIFEST.sha256 listing the SHA-256
of each file's uncompressed content (`sha256sum -c` checks a gunzipped copy).

usage: pack.py EXPORT_DIR ARCHIVE_DIR   (ARCHIVE_DIR must not exist)
"""
import gzip
import hashlib
import os
import sys


def main(src, dst):
    if os.path.exists(dst):
        print(f"{dst} exists: a released version is never changed", file=sys.stderr)
        return 1
    files = sorted(
        os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs
    )
    lines = []
    for rel in files:
        with open(os.path.join(src, rel), "rb") as f:
            body = f.read()
        lines.append(f"{hashlib.sha256(body).hexdigest()}  {rel}\n")
        out = os.path.join(dst, rel + ".gz")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(gzip.compress(body, compresslevel=9, mtime=0))
    manifest = "".join(lines)
    with open(os.path.join(dst, "MANIFEST.sha256"), "w") as f:
        f.write(manifest)
    print(f"{len(files)} files packed into {dst}")
    print(f"MANIFEST.sha256: {hashlib.sha256(manifest.encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
