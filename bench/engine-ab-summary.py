#!/usr/bin/env python3
"""Medians of bench/engine-ab.sh's log: per build, the worker's CPU time of a search and its transitions a CPU second."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
loads = []
for line in open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin:
    if line.startswith('#') or 'symmetry=' not in line:
        continue
    f = dict(x.split('=', 1) for x in line.split() if '=' in x)
    build = line.split()[0]
    runs[(build, f['symmetry'])].append((float(f['worker_cpu_ms']), float(f['transitions_per_cpu_s']),
                                          int(f['transitions'])))
    loads.append(float(f['load']))
print('| build | symmetry | searches | transitions | worker CPU ms (median, min-max) | transitions / worker CPU s |')
print('|---|---|---:|---:|---:|---:|')
for (build, sym), rs in sorted(runs.items()):
    cpu = [r[0] for r in rs]
    rate = [r[1] for r in rs]
    print(f'| {build} | {sym} | {len(rs)} | {rs[0][2]:,} | {statistics.median(cpu):,.0f} ({min(cpu):,.0f}-{max(cpu):,.0f}) '
          f'| {statistics.median(rate) / 1e6:.2f} M |')
print(f'\nload average {min(loads)} to {max(loads)}')
