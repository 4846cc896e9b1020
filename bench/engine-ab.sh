#!/bin/bash
# A transition's cost with a warm JIT, old build and new build alternating (issue 15, goal 4, the engine's share):
# EngineShareBench (src/test/java/org/vmalab/engine/bench) compiled against each build's classes, ROUNDS JVMs of each,
# each with 2 warm-up searches and 3 measured ones of lesson 16 part 1 by one worker. Each line: the build, the round,
# the load average, the transitions and the worker's CPU time. bench/engine-ab-summary.py makes the table (medians).
# Usage: bench/engine-ab.sh OLD_CLASSES NEW_CLASSES ROUNDS [--no-symmetry] > log
# (OLD_CLASSES: target/classes of the old build; the dependencies' class path is Maven's, from this checkout)
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
SYM=${4:-}
. "$(dirname "$0")/engine-compile.sh"
compile_against "$OLD" "$NEW" src/test/java/org/vmalab/engine/bench/EngineShareBench.java
echo "# start $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    for v in old new; do
        classes=$OLD
        [ "$v" = new ] && classes=$NEW
        java -cp "$T/$v:$classes:$CP" org.vmalab.engine.bench.EngineShareBench lessons/16-fairness-and-cost.yaml 1 3 2 \
            "${SYM:-sym}" "$v"
    done
done
echo "# end $(uptime)"
