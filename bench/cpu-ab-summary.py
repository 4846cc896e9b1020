#!/usr/bin/env python3
"""bench/cpu-ab.sh's output: per measure and size, the median over rounds of each side's ns/op and ratio."""
import re
import statistics
import sys
from collections import defaultdict

v = defaultdict(list)
for line in sys.stdin:
    if line.startswith('#'):
        print(line.rstrip())
        continue
    m = re.match(r'(old|new) \d+ (.*?)\s+n=\s*(\d+)\s+([\d.]+) ns\s+([\d.]+) ns\s+ratio ([\d.]+)', line)
    if m:
        side, what, n, a, b, r = m.groups()
        v[(what, int(n), side)].append((float(a), float(b), float(r)))
print(f"{'measure':40} {'n':>6} | {'old ns':>8} {'TreeMap':>8} {'ratio':>6} | {'new ns':>8} {'TreeMap':>8} {'ratio':>6}")
for (what, n, side) in sorted(k for k in v if k[2] == 'old'):
    o = [statistics.median(x[i] for x in v[(what, n, 'old')]) for i in range(3)]
    nn = [statistics.median(x[i] for x in v[(what, n, 'new')]) for i in range(3)] if (what, n, 'new') in v else [0] * 3
    print(f"{what:40} {n:6d} | {o[0]:8.1f} {o[1]:8.1f} {o[2]:6.2f} | {nn[0]:8.1f} {nn[1]:8.1f} {nn[2]:6.2f}")
