#!/usr/bin/env python3
"""Runs a command (a JVM: `check --json`, whose JSON goes to OUT) and samples its threads' CPU every 50 ms from
/proc/PID/task (Linux): the search's workers (vmalab-explore-N), the C1 and C2 compilers' threads, the collector's and
the rest. Prints one line: LABEL, the load before, the wall s, each kind's CPU s at the end (W=, C1=, C2=, GC=, other=),
the second at which C2 had done 90% of its work, then the JSON's search s, workers' CPU s, warm-up wait s, transitions
and distinct states. Used by bench/jvm-opts-ab.sh; run it alone as
    bench/thread-cpu.py LABEL OUT.json -- java -XX:+UseParallelGC -jar JAR check --part=1 --threads=2 -q --json LESSON
"""
import glob
import json
import os
import subprocess
import sys
import time

label, out = sys.argv[1], sys.argv[2]
cmd = sys.argv[sys.argv.index("--") + 1:]
load = os.getloadavg()[0]
tick = os.sysconf("SC_CLK_TCK")
t0 = time.time()
p = subprocess.Popen(cmd, stdout=open(out, "w"), stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
most = {}
c2_at = []
while p.poll() is None:
    kinds = {}
    for d in glob.glob(f"/proc/{p.pid}/task/*"):
        try:
            name = open(d + "/comm").read().strip()
            f = open(d + "/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kind = ("C2" if name.startswith("C2 Comp") else "C1" if name.startswith("C1 Comp")
                else "W" if name.startswith("vmalab-explore-") and "monitor" not in name
                else "GC" if name.startswith(("GC ", "ParGC")) else "other")
        kinds[kind] = kinds.get(kind, 0) + (int(f[11]) + int(f[12])) / tick
    for k, v in kinds.items():
        most[k] = max(most.get(k, 0), v)  # a thread that has ended is no longer in /proc: keep the most seen
    c2_at.append((time.time() - t0, kinds.get("C2", 0)))
    time.sleep(0.05)
wall = time.time() - t0
c2 = most.get("C2", 0)
c2_90 = next((t for t, v in c2_at if v >= 0.9 * c2), 0.0)
s = json.load(open(out))["parts"][0]["stats"]
print(label, "load=%.2f" % load, "wall=%.2f" % wall, " ".join("%s=%.2f" % kv for kv in sorted(most.items())),
      "c2_90pct_at=%.1f" % c2_90, "search_s=%.2f" % (s["elapsed_ms"] / 1000),
      "worker_cpu_s=%.2f" % (s["worker_cpu_ms"] / 1000), "warm_up_s=%.2f" % ((s.get("warm_up_ms") or 0) / 1000),
      "transitions=%d" % s["states"], "distinct=%d" % s["distinct_states"], flush=True)
