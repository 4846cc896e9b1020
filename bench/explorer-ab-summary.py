#!/usr/bin/env python3
"""Medians of bench/explorer-ab.sh's log: per part, symmetry, workers and build, the wall, user CPU, transitions a
second of user CPU (JVM included) and of the workers' CPU, the workers' idle time, the result's assembly after the
search, and the two-worker speed-up (wall)."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
loads = []
for line in open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin:
    if line.startswith('#') or not line.strip():
        continue
    f = line.split()
    v, r, p, w, sym, load = f[0], f[1], f[2], f[3], f[4], float(f[5].split('=')[1])
    wall, user, sysc, rss = float(f[6]), float(f[7]), float(f[8]), int(f[9])
    states, distinct, search_ms = int(f[10]), int(f[11]), float(f[12])
    wcpu = None if f[13] == '-' else float(f[13])
    idle = None if len(f) < 15 or f[14] == '-' else float(f[14])
    assembly = None if len(f) < 16 or f[15] == '-' else float(f[15])
    warm = None if len(f) < 17 or f[16] == '-' else float(f[16])
    runs[(p, sym, w, v)].append((wall, user, sysc, rss, states, distinct, search_ms, wcpu, load, idle, assembly, warm))
    loads.append(load)

med = statistics.median
print('| part | symmetry | workers | build | transitions | distinct | wall s | search s | user CPU s | '
      'transitions / user CPU s | transitions / worker CPU s | worker idle ms | warm-up ms | assembly ms | '
      '2 workers: wall speed-up | load (min-max) |')
print('|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
for key in sorted(runs):
    p, sym, w, v = key
    xs = runs[key]
    wall = med(x[0] for x in xs)
    user = med(x[1] for x in xs)
    states = med(x[4] for x in xs)
    search = med(x[6] for x in xs) / 1000
    wc = [x[7] for x in xs if x[7] is not None]
    per_worker = f'{states / (med(wc) / 1000) / 1e6:.2f} M' if wc else '-'
    speed = ''
    if w == 'w2' and (p, sym, 'w1', v) in runs:
        one = med(x[6] for x in runs[(p, sym, 'w1', v)]) / 1000
        speed = f'{one / search:.2f}x'
    ls = [x[8] for x in xs]
    idles = [x[9] for x in xs if x[9] is not None]
    asms = [x[10] for x in xs if x[10] is not None]
    idle = f'{med(idles):,.0f}' if idles else '-'
    asm = f'{med(asms):,.0f}' if asms else '-'
    warms = [x[11] for x in xs if x[11] is not None]
    warm = f'{med(warms):,.0f}' if warms else '-'
    print(f'| {p} | {sym} | {w[1:]} | {v} | {states:,.0f} | {med(x[5] for x in xs):,.0f} | {wall:.1f} | {search:.1f} | '
          f'{user:.1f} | {states / user / 1e6:.2f} M | {per_worker} | {idle} | {warm} | {asm} | {speed} | '
          f'{min(ls):.1f}-{max(ls):.1f} |')
print(f'\n{len(loads)} runs, load average {min(loads):.1f} to {max(loads):.1f}')
