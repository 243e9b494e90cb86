#!/usr/bin/env python3
"""One line from oha's JSON output (stdin): p50, p99, achieved rate and success. usage: oha_summary.py LABEL"""
import json
import sys

d = json.load(sys.stdin)
p, s = d["latencyPercentiles"], d["summary"]
print(f"  {sys.argv[1]:<58} p50 {p['p50'] * 1000:.2f} ms  p99 {p['p99'] * 1000:.2f} ms  "
      f"({s['requestsPerSec']:.0f} req/s, success {s['successRate']:.0%})")
