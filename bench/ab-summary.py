#!/usr/bin/env python3
"""Reads bench/ab.sh's output: per benchmark and parameters, the median score of each side over the rounds, and the
ratio of each engine benchmark to the TreeMap one of the same fork (treeMap* in the same class), median over forks."""
import re
import statistics
import sys
from collections import defaultdict

scores = defaultdict(list)          # (side, bench, params) -> [score]
fork = defaultdict(dict)            # (side, round, class, params) -> {method: score}
for line in sys.stdin:
    if line.startswith('#'):
        print(line.rstrip())
        continue
    m = re.match(r'(old|new) (\d+) (\S+)\s+(.*?)\s+(avgt|ss|thrpt)\s+\d+\s+([\d.,]+)', line)
    if not m:
        continue
    side, rnd, bench, params, _, score = m.groups()
    score = float(score.replace(',', ''))
    params = ' '.join(params.split())
    scores[(side, bench, params)].append(score)
    cls, meth = bench.rsplit('.', 1)
    fork[(side, rnd, cls, params)][meth] = score
print(f"{'benchmark':45} {'params':22} {'old':>10} {'new':>10} {'new/old':>8}")
for (side, bench, params) in sorted(k for k in scores if k[0] == 'old'):
    o = statistics.median(scores[('old', bench, params)])
    n = statistics.median(scores.get(('new', bench, params), [float('nan')]))
    print(f"{bench:45} {params:22} {o:10.1f} {n:10.1f} {n / o:8.2f}")
PAIRS = {'vmaLinkUnlink': 'treeMapPutRemove', 'vmaMapUnmap': 'treeMapPutRemove', 'findVma': 'treeMapHigherEntry',
         'unmappedAreaTopdown': 'linearScanTopdown'}
ratios = defaultdict(list)
for (side, rnd, cls, params), ms in fork.items():
    for k, v in ms.items():
        if k in PAIRS and PAIRS[k] in ms:
            ratios[(cls, k, params, side)].append(v / ms[PAIRS[k]])
print()
print(f"{'ratio to TreeMap (same fork)':60} {'params':22} {'old':>6} {'new':>6}")
for (cls, k, params, side) in sorted(ratios):
    if side != 'old':
        continue
    o = statistics.median(ratios[(cls, k, params, 'old')])
    n = ratios.get((cls, k, params, 'new'))
    n = statistics.median(n) if n else float('nan')
    print(f"{cls + '.' + k:60} {params:22} {o:6.2f} {n:6.2f}")
