#!/usr/bin/env python3
"""Runs a JVM command, its standard output to OUT, and reads /proc/PID/task/*/stat every 50 ms: prints the CPU
seconds of its C2 and C1 compiler threads and of the whole process (issue 15, goal 4: what the JIT costs).
Usage: bench/engine-jit-cpu.py OUT java ARGS..."""
import os
import subprocess
import sys
import time

tick = os.sysconf('SC_CLK_TCK')
with open(sys.argv[1], 'w') as out:
    p = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
    last = {}
    while p.poll() is None:
        try:
            tids = os.listdir(f'/proc/{p.pid}/task')
        except OSError:
            tids = []
        for tid in tids:
            try:
                with open(f'/proc/{p.pid}/task/{tid}/stat') as f:
                    s = f.read()
            except OSError:
                continue
            name = s[s.index('(') + 1:s.rindex(')')]
            fields = s[s.rindex(')') + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        time.sleep(0.05)
c2 = sum(c for n, c in last.values() if n.startswith('C2 Compiler'))
c1 = sum(c for n, c in last.values() if n.startswith('C1 Compiler'))
total = sum(c for n, c in last.values())
print(f'c2_cpu={c2:.2f} c1_cpu={c1:.2f} threads_cpu={total:.2f}')
