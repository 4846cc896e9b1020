#!/bin/bash
# The result's assembly after a search, old build and new build alternating (issue 15, goal 4): AssemblyBench
# (src/test/java/org/vmalab/explore) compiled against each build's classes, ROUNDS JVMs of each; each JVM searches
# lesson 16 part 1 once (symmetry on, WORKERS workers) and then builds the shortest schedules' graph and the whole
# result 4 times over the same kept transitions, in the CPU time of its thread. Prints the lines, then the medians
# (each JVM's first build left out: its warm-up).
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
g, a, loads = defaultdict(list), defaultdict(list), []
for line in open(sys.argv[1]):
    m = re.match(r'(\S+) r(\d+) load=(\S+) graph_cpu_ms=(\S+) assembly_cpu_ms=(\S+)', line)
    if m and m.group(2) != '1':
        g[m.group(1)].append(float(m.group(4)))
        a[m.group(1)].append(float(m.group(5)))
        loads.append(float(m.group(3)))
print('| build | builds | graph CPU ms, median (min-max) | whole assembly CPU ms, median (min-max) |')
print('|---|---:|---:|---:|')
for v in ('old', 'new'):
    print(f'| {v} | {len(g[v])} | {statistics.median(g[v]):,.0f} ({min(g[v]):,.0f}-{max(g[v]):,.0f}) '
          f'| {statistics.median(a[v]):,.0f} ({min(a[v]):,.0f}-{max(a[v]):,.0f}) |')
print(f'\nload average {min(loads)} to {max(loads)}')
PY
