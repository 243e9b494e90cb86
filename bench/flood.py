#!/usr/bin/env python3
"""A flood of slow connections against the atlas, with a normal reader measured during it, and the
server's memory followed during and after (loopback only, bounded in count and time).

Opens COUNT connections (in processes of at most 9,000 sockets, under the open-file limit), each
sending a partial request head and then one more header line a second, never finishing it; a
connection the server closes is opened again until the flood's DURATION is over, then all close.
Meanwhile a reader fetches PAGE ten times a second, each on a new connection. The server's VmRSS is
sampled every 0.2 s during the flood and every second for AFTER seconds after it.

usage: flood.py HOST:PORT SERVER_PID [COUNT] [DURATION_S] [AFTER_S] [PAGE]
Prints the figures and the targets (peak RSS <= 64 MB, under 30 MB within AFTER s, the reader's
p99 <= 50 ms, no failed read); exits 1 if one is missed.
"""
import http.client
import multiprocessing as mp
import os
import selectors
import socket
import statistics
import sys
import threading
import time

PER_PROCESS = 9000


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def slow_clients(host, port, count, until, out):
    """Keeps `count` slow connections open until `until`; reports opened, closed-by-server, peak."""
    sel = selectors.DefaultSelector()
    socks = {}
    opened = closed = failed = 0
    next_header = {}

    def open_one():
        nonlocal opened, failed
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect((host, port))
        except BlockingIOError:
            pass
        except OSError:
            failed += 1
            s.close()
            return
        socks[s.fileno()] = s
        next_header[s.fileno()] = 0
        sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
        opened += 1

    def drop(s):
        sel.unregister(s)
        del socks[s.fileno()]
        next_header.pop(s.fileno(), None)
        s.close()

    # Open in batches, so that the server's accept queue is not the thing measured.
    while len(socks) < count and time.time() < until:
        for _ in range(min(500, count - len(socks))):
            open_one()
        time.sleep(0.05)
    peak = len(socks)
    n = 0
    while time.time() < until:
        now = time.time()
        for key, events in sel.select(timeout=0.2):
            s = key.fileobj
            fd = s.fileno()
            if events & selectors.EVENT_READ:
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    closed += 1
                    drop(s)
                    continue
            if events & selectors.EVENT_WRITE and next_header.get(fd) == 0:
                try:
                    s.send(b"GET / HTTP/1.1\r\nHost: atlas\r\n")
                    next_header[fd] = now + 1
                    sel.modify(s, selectors.EVENT_READ)
                except OSError:
                    closed += 1
                    drop(s)
        # One more header line a second on every connection.
        for fd, due in list(next_header.items()):
            if due and due <= now and fd in socks:
                n += 1
                try:
                    socks[fd].send(b"X-Slow-%d: 1\r\n" % n)
                    next_header[fd] = now + 1
                except OSError:
                    closed += 1
                    drop(socks[fd])
        while len(socks) < count and time.time() < until:
            open_one()
            if opened % 200 == 0:
                break
        peak = max(peak, len(socks))
    for s in list(socks.values()):
        s.close()
    out.put((opened, closed, failed, peak))


def reader(host, port, page, until, latencies, failures):
    while time.time() < until:
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", page, headers={"Accept-Encoding": "br, gzip"})
            res = conn.getresponse()
            res.read()
            conn.close()
            if res.status != 200:
                failures.append(res.status)
            else:
                latencies.append((time.perf_counter() - start) * 1000)
        except OSError as e:
            failures.append(str(e))
        time.sleep(max(0.0, 0.1 - (time.perf_counter() - start)))


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    port = int(port)
    pid = int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    duration = float(sys.argv[4]) if len(sys.argv) > 4 else 30
    after = float(sys.argv[5]) if len(sys.argv) > 5 else 60
    page = sys.argv[6] if len(sys.argv) > 6 else "/plots/2023-07-cologne-berlin"

    before = rss_kb(pid)
    until = time.time() + duration
    out = mp.Queue()
    procs = []
    left = count
    while left > 0:
        n = min(PER_PROCESS, left)
        p = mp.Process(target=slow_clients, args=(host, port, n, until, out))
        p.start()
        procs.append(p)
        left -= n
    latencies, failures = [], []
    t = threading.Thread(target=reader, args=(host, port, page, until, latencies, failures))
    t.start()
    peak_rss = before
    while time.time() < until:
        peak_rss = max(peak_rss, rss_kb(pid))
        time.sleep(0.2)
    t.join()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    opened = sum(r[0] for r in results)
    closed = sum(r[1] for r in results)
    failed = sum(r[2] for r in results)
    peak_conns = sum(r[3] for r in results)
    end = time.time()
    after_rss = []
    under30 = None
    while time.time() < end + after:
        kb = rss_kb(pid)
        after_rss.append(kb)
        if under30 is None and kb < 30 * 1024:
            under30 = time.time() - end
        time.sleep(1)
    hwm = rss_kb(pid, "VmHWM")
    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else float("nan")
    print(f"flood: {count} slow connections wanted for {duration:.0f} s: {opened} opened, "
          f"{closed} closed by the server, {failed} refused, at most {peak_conns} open at once")
    print(f"server RSS: {before / 1024:.1f} MB before, peak {peak_rss / 1024:.1f} MB during (VmHWM {hwm / 1024:.1f} MB), "
          f"{after_rss[-1] / 1024 if after_rss else float('nan'):.1f} MB {after:.0f} s after; "
          f"under 30 MB {'after %.0f s' % under30 if under30 is not None else 'not within the time'}")
    if lat:
        print(f"reader during the flood: {len(lat)} pages, p50 {statistics.median(lat):.1f} ms, "
              f"p99 {p99:.1f} ms, max {lat[-1]:.1f} ms; {len(failures)} failed {failures[:5]}")
    else:
        print(f"reader during the flood: no page answered; {len(failures)} failed {failures[:5]}")
    missed = []
    if peak_rss > 64 * 1024:
        missed.append("peak RSS > 64 MB")
    if under30 is None:
        missed.append(f"not under 30 MB within {after:.0f} s")
    if not lat or p99 > 50:
        missed.append("reader p99 > 50 ms")
    if failures:
        missed.append("failed reads")
    print("targets: " + ("all met" if not missed else "missed: " + ", ".join(missed)))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
