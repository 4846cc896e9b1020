#!/usr/bin/env python3
"""Medians of bench/jvm-opts-ab.sh's lines by symmetry, option set and workers: the CPU s of the workers (the JSON's),
of C1, C2, the collector and the rest, all of them, the warm-up wait, the search's s, and with two workers the speed-up
over the same set's one worker (wall times: read them only from an idle machine). Usage: jvm-opts-ab-summary.py LOG"""
import collections
import re
import statistics
import sys

rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) r\d+ w(\d) sym=(\w+) ", line)
    if not m:
        continue
    kv = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    rows[(m.group(3), m.group(1), m.group(2))].append(kv)


def med(v, k):
    return statistics.median(x.get(k, 0.0) for x in v)


print("| symmetry | set | workers | runs | workers' CPU s | C1 s | C2 s | GC s | other s | JVM CPU s | warm-up wait s "
      "| search s | speed-up | load |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for (sym, label, w), v in sorted(rows.items(), key=lambda kv: (kv[0][0] != "on", kv[0][1], kv[0][2])):
    total = statistics.median(sum(x.get(k, 0.0) for k in ("W", "C1", "C2", "GC", "other")) for x in v)
    one = rows.get((sym, label, "1"))
    speed = "%.2fx" % (med(one, "search_s") / med(v, "search_s")) if w == "2" and one else ""
    loads = [x["load"] for x in v]
    print("| %s | %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.0f-%.0f |" % (
        sym, label, w, len(v), med(v, "worker_cpu_s"), med(v, "C1"), med(v, "C2"), med(v, "GC"), med(v, "other"),
        total, med(v, "warm_up_s"), med(v, "search_s"), speed, min(loads), max(loads)))
