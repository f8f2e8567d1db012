#!/usr/bin/env python3
"""Writes a 1,000,000-row CSV for the ingest benchmark by repeating Corpora/nav-2019/survey.csv rows with new ids.
Usage: python3 Benchmarks/make-million.py OUT.csv [ROWS]   (about 140 MB for 1M rows; do not commit it)"""
import csv, os, sys
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "Corpora", "nav-2019", "survey.csv")
out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
with open(src, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for k in range(n):
        r = list(body[k % len(body)])
        r[0] = f"R{k + 1:07d}"
        w.writerow(r)
