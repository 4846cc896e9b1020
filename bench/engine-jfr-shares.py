#!/usr/bin/env python3
"""Where a search worker's time goes, from a JFR recording's execution samples (issue 15, goal 4, the engine's share).

Usage: jfr print --events jdk.ExecutionSample --stack-depth 64 x.jfr | bench/engine-jfr-shares.py [METHOD]
Without METHOD: the share of the worker's samples (threads vmalab-explore-1) in each method the explorer's
SearchWorker calls directly (inclusive). With METHOD (e.g. org.vmalab.engine.sched.Machine.canonicalFingerprint): the
share of the samples in METHOD and in each method it calls (inclusive).
"""
import collections
import re
import sys

meth = sys.argv[1] if len(sys.argv) > 1 else None
shares = collections.Counter()
total = 0
inside = 0
frames = []
thread = None


def flush():
    global total, inside
    if not frames or thread is None or not thread.startswith('vmalab-explore-1'):
        return
    total += 1
    if meth is not None:
        if meth in frames:
            inside += 1
            for f in set(frames[:frames.index(meth)]):
                shares[f] += 1
        return
    for i in range(len(frames) - 1, -1, -1):
        if frames[i].startswith('org.vmalab.explore.SearchWorker'):
            if i > 0 and not frames[i - 1].startswith('org.vmalab.explore.SearchWorker'):
                shares[frames[i - 1]] += 1
                return
    shares['(SearchWorker itself)'] += 1


for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        flush()
        frames = []
        thread = None
        continue
    m = re.search(r'sampledThread = "([^"]*)"', line)
    if m:
        thread = m.group(1)
    m = re.match(r'\s+([\w.$<>]+)\(.*\)\s+line:', line)
    if m:
        frames.append(m.group(1))
flush()
print(f'worker samples {total}' + (f', in {meth}: {100.0 * inside / max(total, 1):.1f}%' if meth else ''))
for f, k in shares.most_common(15):
    print(f'{100.0 * k / total:5.1f}% {f}')
