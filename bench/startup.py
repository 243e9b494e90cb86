#!/usr/bin/env python3
"""Start-up time of the atlas: from exec to the first 200 answer for a plot page.

usage: startup.py BIN [RUNS]   (loopback only; prints the median and the worst of RUNS runs)
"""
import http.client
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def once(binary):
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={"RUST_LOG": "warn"})
    try:
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/plots/2022-11-strasbourg")
                if conn.getresponse().status == 200:
                    return (time.perf_counter() - start) * 1000
            except OSError:
                pass
            if time.perf_counter() - start > 5:
                raise SystemExit("no answer within 5 s")
            time.sleep(0.0005)
    finally:
        proc.terminate()
        proc.wait()


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    times = sorted(once(binary) for _ in range(runs))
    print(f"start-up, exec to first 200 of a plot page ({runs} runs): "
          f"median {statistics.median(times):.1f} ms, worst {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
