#!/usr/bin/env python3
"""bench/reduction-ab.sh's output as a table: per lesson part, the median search time and the transitions with the
reduction on and off; per lesson file, the median process CPU time."""
import statistics
import sys
from collections import defaultdict

part = defaultdict(list)
cpu = defaultdict(list)
off_at = {}
for line in sys.stdin:
    w = line.split()
    if line.startswith('#'):
        print(line.rstrip())
    elif w[0] == 'part':
        part[(w[1], int(w[2]), w[3])].append((float(w[5]), int(w[6])))
        if w[3] == 'on' and w[7] != '-1':
            off_at[(w[1], int(w[2]))] = w[7]
    elif w[0] == 'cpu':
        cpu[(w[1], w[2])].append(float(w[4]))
print('| lesson part | states, reduction | states, none | search ms, reduction | search ms, none | ratio |')
print('|---|---:|---:|---:|---:|---:|')
for (b, p, mode) in sorted(k for k in part if k[2] == 'on'):
    on = part[(b, p, 'on')]
    off = part.get((b, p, 'off'), [(float('nan'), 0)])
    ms_on = statistics.median(x[0] for x in on)
    ms_off = statistics.median(x[0] for x in off)
    note = ' (switched off at %s)' % off_at[(b, p)] if (b, p) in off_at else ''
    print('| %s %d%s | %s | %s | %.1f | %.1f | %.2f |' % (b, p, note, f'{on[0][1]:,}', f'{off[0][1]:,}', ms_on,
                                                        ms_off, ms_on / ms_off if ms_off else float('nan')))
print()
print('| lesson file | process CPU s, reduction | process CPU s, none | ratio |')
print('|---|---:|---:|---:|')
for (b, mode) in sorted(k for k in cpu if k[1] == 'on'):
    on = statistics.median(cpu[(b, 'on')])
    off = statistics.median(cpu.get((b, 'off'), [float('nan')]))
    print('| %s | %.2f | %.2f | %s |' % (b, on, off, '%.2f' % (on / off) if off else '-'))
