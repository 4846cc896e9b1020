#!/bin/bash
# The result's assembly after a search, old build and new build alternating (issue 15, goal 4): AssemblyBench
# (src/test/java/org/vmalab/explore) compiled against each build's classes, ROUNDS JVMs of each; each JVM searches
# lesson 16 part 1 once (symmetry on, WORKERS workers) and then builds the shortest schedules' graph (one thread, its
# CPU time) and the whole result (as the search's workers make it: the process's CPU time and the wall time) 4 times
# over the same kept transitions. Prints the lines, then the medians (each JVM's first build left out: its warm-up).
# Usage: bench/explorer-assembly-ab.sh OLD_CLASSES NEW_CLASSES ROUNDS [WORKERS] > log
# (OLD_CLASSES: target/classes of the old build; the dependencies' class path is Maven's, from this checkout)
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
WORKERS=${4:-1}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$T/cp.txt" > /dev/null
CP=$(cat "$T/cp.txt")
for v in old new; do
    classes=$OLD
    [ "$v" = new ] && classes=$NEW
    mkdir -p "$T/$v"
    javac -nowarn -cp "$classes:$CP" -d "$T/$v" src/test/java/org/vmalab/explore/AssemblyBench.java
done
echo "# start $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    for v in old new; do
        classes=$OLD
        [ "$v" = new ] && classes=$NEW
        java -cp "$T/$v:$classes:$CP" org.vmalab.explore.AssemblyBench lessons/16-fairness-and-cost.yaml 1 4 \
            "$WORKERS" | sed "s/^/$v /" | tee -a "$T/log"
    done
done
echo "# end $(uptime)"
python3 - "$T/log" <<'PY'
import re, statistics, sys
from collections import defaultdict
cols = defaultdict(lambda: defaultdict(list))
loads = []
for line in open(sys.argv[1]):
    m = re.match(r'(\S+) r(\d+) load=(\S+) (.*)', line)
    if m and m.group(2) != '1':
        for k, v in re.findall(r'(\w+_ms)=(\S+)', m.group(4)):
            cols[m.group(1)][k].append(float(v))
        loads.append(float(m.group(3)))
names = [('graph_cpu_ms', 'graph, one thread: CPU ms'), ('assembly_cpu_ms', 'whole assembly: CPU ms'),
         ('assembly_ms', 'whole assembly: wall ms')]
names = [n for n in names if any(n[0] in c for c in cols.values())]
print('| build | builds | ' + ' | '.join(t + ', median (min-max)' for _, t in names) + ' |')
print('|---|---:|' + '---:|' * len(names))
for v in ('old', 'new'):
    c = cols[v]
    cells = [f'{statistics.median(c[k]):,.0f} ({min(c[k]):,.0f}-{max(c[k]):,.0f})' if c[k] else '-' for k, _ in names]
    print(f'| {v} | {len(c["graph_cpu_ms"])} | ' + ' | '.join(cells) + ' |')
print(f'\nload average {min(loads)} to {max(loads)}')
PY
