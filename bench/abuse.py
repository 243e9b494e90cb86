#!/usr/bin/env python3
"""Hostile-request generator for the atlas (loopback only, bounded in count and time).

Sends COUNT requests (default 100,000) over CONCURRENCY connections: path traversal in many
encodings, overlong and malformed URLs, invalid UTF-8, oversized and malformed headers, odd
methods, HTTP/0.9 and garbage. Counts answers by status; any 5xx, or a server that stops
answering, is a failure. Prints a summary and exits 1 on failure.

usage: abuse.py HOST:PORT [COUNT] [CONCURRENCY]
"""
import asyncio
import random
import sys
import time
from collections import Counter

TRAVERSALS = [
    "/static/../Cargo.toml", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e%252fCargo.toml", "/static/....//....//etc/passwd", "/static/..\\..\\Cargo.toml",
    "/%2e%2e/%2e%2e/%2e%2e/etc/shadow", "/plots/..%2f..%2fdata%2fplots.json", "/api/plots/..%2f..%2fsrc%2fmain.rs",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/%00/etc/passwd", "/cite/..%2f..%2fCargo.toml.bib",
    "//etc/passwd", "/./././plots/./2022-11-strasbourg", "/plots/2022-11-strasbourg/../../../etc/passwd",
]
NORMAL = ["/", "/plots", "/plots/2022-11-strasbourg", "/offices", "/patterns", "/search?q=tajik",
          "/plots?country=DE&year=2023", "/api/plots.json", "/compare?plots=a,b"]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "FOO", "get", "G\x00T"]


def hostile(rng: random.Random) -> bytes:
    kind = rng.randrange(12)
    host = b"Host: 127.0.0.1\r\n"
    if kind == 0:
        path = rng.choice(TRAVERSALS).encode()
        return b"GET " + path + b" HTTP/1.1\r\n" + host + b"\r\n"
    if kind == 1:  # overlong URL
        return b"GET /search?q=" + b"A" * rng.choice([4000, 17000, 70000]) + b" HTTP/1.1\r\n" + host + b"\r\n"
    if kind == 2:  # invalid UTF-8 and control bytes in the path
        junk = bytes(rng.choice([0xff, 0xfe, 0xc0, 0x80, 0x00, 0x7f, 0x1b]) for _ in range(rng.randrange(1, 12)))
        return b"GET /plots/" + junk + b" HTTP/1.1\r\n" + host + b"\r\n"
    if kind == 3:  # odd methods
        m = rng.choice(METHODS).encode("latin-1")
        return m + b" " + rng.choice(NORMAL).encode() + b" HTTP/1.1\r\n" + host + b"Content-Length: 0\r\n\r\n"
    if kind == 4:  # too many headers
        return b"GET / HTTP/1.1\r\n" + host + b"".join(b"X-H%d: v\r\n" % i for i in range(200)) + b"\r\n"
    if kind == 5:  # one huge header
        return b"GET / HTTP/1.1\r\n" + host + b"Cookie: " + b"c" * 40000 + b"\r\n\r\n"
    if kind == 6:  # HTTP/0.9 and garbage request lines
        return rng.choice([b"GET /\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"HELLO\r\n\r\n", b" / HTTP/1.1\r\n\r\n"])
    if kind == 7:  # bad versions and headers
        return rng.choice([b"GET / HTTP/9.9\r\n" + host + b"\r\n", b"GET / HTTP/1.1\r\nHost\r\n\r\n",
                           b"GET / HTTP/1.1\r\n" + host + b"Bad Header: x\r\n\r\n", b"GET / HTTP/1.1\r\n" + host + b"Content-Length: -1\r\n\r\n"])
    if kind == 8:  # query strings that are not what the atlas expects
        q = rng.choice(["country=%FF", "year=" + "9" * 500, "plots=" + ",".join(["x"] * 300), "q=%00%00", "&&&&=&=",
                        "country=DE&" * 100, "q=<script>alert(1)</script>", "nationality=%E2%80%AE"])
        return b"GET /plots?" + q.encode() + b" HTTP/1.1\r\n" + host + b"\r\n"
    if kind == 9:  # absolute-form and odd targets
        return rng.choice([b"GET http://evil.example/ HTTP/1.1\r\n" + host + b"\r\n", b"GET * HTTP/1.1\r\n" + host + b"\r\n",
                           b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + b"\r\n"])
    if kind == 10:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) + b"\r\n\r\n"
    return b"GET " + rng.choice(NORMAL).encode() + b" HTTP/1.1\r\n" + host + b"\r\n"


async def one(host, port, payload, stats):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
    except Exception:
        stats["connect-error"] += 1
        return
    try:
        writer.write(payload)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 15)
        if line.startswith(b"HTTP/1.1 ") and len(line) >= 12:
            stats[line[9:12].decode()] += 1
        else:
            stats["closed-without-answer"] += 1
    except (asyncio.TimeoutError, ConnectionError, OSError):
        stats["closed-without-answer"] += 1
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except Exception:
            pass


async def main():
    host, port = sys.argv[1].rsplit(":", 1)
    port = int(port)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback only")
    rng = random.Random(20261128)
    stats = Counter()
    queue = asyncio.Queue()
    for _ in range(count):
        queue.put_nowait(hostile(rng))
    start = time.monotonic()

    async def worker():
        while not queue.empty():
            await one(host, port, queue.get_nowait(), stats)
    await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), 1800)
    took = time.monotonic() - start
    alive = Counter()
    await one(host, port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", alive)
    errors = sum(v for k, v in stats.items() if k.isdigit() and k >= "500")
    print(f"{count} hostile requests in {took:.1f} s over {concurrency} connections")
    for k in sorted(stats):
        print(f"  {k:>22}: {stats[k]}")
    print(f"responses >= 500: {errors}; server alive afterwards: {'yes' if alive['200'] == 1 else 'NO'}")
    sys.exit(0 if errors == 0 and alive["200"] == 1 else 1)


if __name__ == "__main__":
    asyncio.run(main())
