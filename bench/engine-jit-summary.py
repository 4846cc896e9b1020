#!/usr/bin/env python3
"""The table of bench/engine-jit-ab.sh's log: per workers, symmetry and build, the medians (min-max) of each figure.
Usage: bench/engine-jit-summary.py LOG"""
import collections
import statistics
import sys

KEYS = ['c2_cpu', 'c1_cpu', 'threads_cpu', 'worker_cpu_ms', 'c2_methods', 'c2_osr', 'c2_code', 'transitions']
runs = collections.defaultdict(list)
loads = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if line.startswith('#') or not line.strip():
        continue
    parts = line.split()
    build, workers, sym = parts[0], parts[2], parts[3]
    kv = dict(p.split('=', 1) for p in parts[4:] if '=' in p)
    runs[(workers, sym, build)].append(kv)
    loads[(workers, sym, build)].append(float(kv['load']))


def cell(vals):
    nums = [float(v) for v in vals if v not in ('-', '')]
    if not nums:
        return '-'
    whole = all(x == int(x) for x in nums)
    fmt = (lambda x: f'{x:,.0f}') if whole or max(nums) >= 100 else (lambda x: f'{x:.2f}')
    return f'{fmt(statistics.median(nums))} ({fmt(min(nums))}-{fmt(max(nums))})'


print('| workers | symmetry | build | runs | ' + ' | '.join(KEYS) + ' | load |')
print('|---|---|---|---:|' + '---:|' * len(KEYS) + '---|')
for key in sorted(runs):
    rs = runs[key]
    cells = [cell([r.get(k, '-') for r in rs]) for k in KEYS]
    ls = loads[key]
    print(f'| {key[0]} | {key[1]} | {key[2]} | {len(rs)} | ' + ' | '.join(cells) + f' | {min(ls):.1f}-{max(ls):.1f} |')
