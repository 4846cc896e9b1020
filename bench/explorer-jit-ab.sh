#!/bin/bash
# What the JIT does to a cold `check` of lesson 16 part 1, old jar and new jar alternating (issue 15, goal 4; ninth
# session): each run under a flight recording of the compiles and traps (`jdk.Compilation#threshold=0ms`,
# `jdk.Deoptimization`), on the throughput collector, in this JVM (VMALAB_FORK=0). Each line: the build, round, workers,
# the load before the run, wall/user s (/usr/bin/time), from the JSON the transitions, search ms, the workers' CPU ms
# and the warm-up wait; then C2's compiles of SearchWorker.expand and .arrive (once each is enough) and their C2 ms, the
# explorer's own unstable_if traps (each throws the compiled method it is in away), and the timeline: when C2 finished
# each compile of expand and arrive and when the second worker joined, in seconds after the first worker started.
# Usage: bench/explorer-jit-ab.sh OLD.jar NEW.jar ROUNDS [workers] [--no-symmetry] > log
set -euo pipefail
OLD=$1; NEW=$2; ROUNDS=$3; W=${4:-2}; SYM=${5:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for r in $(seq 1 "$ROUNDS"); do for v in old new; do
    jar=$OLD
    [ "$v" = new ] && jar=$NEW
    load=$(cut -d' ' -f1 /proc/loadavg)
    VMALAB_FORK=0 /usr/bin/time -f "%e/%U" -o "$T/time" java -XX:+UseParallelGC \
        -XX:StartFlightRecording=filename="$T/x.jfr",settings=profile,jdk.Compilation#threshold=0ms \
        -jar "$jar" check --part=1 --threads="$W" -q --json $SYM lessons/16-fairness-and-cost.yaml 2>/dev/null \
        | grep -v '^\[' > "$T/out.json" || true
    jfr print --events jdk.ThreadStart,jdk.Compilation,jdk.Deoptimization "$T/x.jfr" > "$T/events.txt"
    python3 - "$T/out.json" "$T/events.txt" "$v r$r w$W${SYM:+ nosym} load=$load time=$(cat "$T/time")" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))["parts"][0]["stats"]
def t(x):
    h, m, sec = x.split(':')
    return int(h) * 3600 + int(m) * 60 + float(sec)
starts, comps, traps = {}, [], 0
for ev in re.split(r'\n(?=jdk\.)', open(sys.argv[2]).read()):
    st = re.search(r'startTime = ([\d:.]+)', ev)
    if not st:
        continue
    if ev.startswith('jdk.ThreadStart'):
        m = re.search(r'thread = "(vmalab-explore-\d)"', ev)
        if m:
            starts.setdefault(m.group(1), t(st.group(1)))
    elif ev.startswith('jdk.Compilation'):
        m = re.search(r'method = org\.vmalab\.explore\.SearchWorker\.(expand|arrive)\(', ev)
        d = re.search(r'duration = ([\d.]+) (ms|s)', ev)
        if m and d and 'compileLevel = 4' in ev:
            comps.append((m.group(1), t(st.group(1)), float(d.group(1)) * (1 if d.group(2) == 's' else 1e-3)))
    elif ev.startswith('jdk.Deoptimization') and 'unstable_if' in ev \
            and re.search(r'method = org\.vmalab\.explore\.(StateTable|SearchWorker|EdgeBuffer)', ev):
        traps += 1
t0 = starts.get('vmalab-explore-1', 0)
join = starts.get('vmalab-explore-2', t0) + s.get('warm_up_ms', 0) / 1000
print(sys.argv[3], 'transitions', s['states'], 'search_ms', s['elapsed_ms'], 'worker_cpu_ms', s['worker_cpu_ms'],
      'warm_up_ms', s.get('warm_up_ms'), 'c2_expand_arrive', len(comps),
      'c2_ms', round(sum(c[2] for c in comps) * 1000),
      'explorer_traps', traps, 'timeline', ' '.join(f'{n}@{a + d - t0:.2f}' for n, a, d in comps)
      + (f' join@{join - t0:.2f}' if 'vmalab-explore-2' in starts else ''))
PY
done; done
