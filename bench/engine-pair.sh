#!/bin/bash
# A transition's cost with a warm JIT, old build and new build in ONE JVM (EnginePairBench: each build in a class loader
# of its own, their searches alternating old, new, new, old, ...), so that the load of a shared machine touches both
# alike: WARM warm-up searches of each, then ROUNDS pairs of lesson 16 part 1 by one worker. Each line as
# bench/engine-ab.sh's (bench/engine-ab-summary.py makes the table), the last the median of the pairs' new/old ratios.
# Usage: bench/engine-pair.sh OLD_CLASSES NEW_CLASSES ROUNDS [--no-symmetry] [WARM] > log
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
SYM=${4:-sym}
WARM=${5:-3}
. "$(dirname "$0")/engine-compile.sh"
compile_against "$OLD" "$NEW" src/test/java/org/vmalab/engine/bench/EngineShareBench.java
mkdir -p "$T/pair"
javac -nowarn -d "$T/pair" src/test/java/org/vmalab/engine/bench/EnginePairBench.java
echo "# start $(uptime)"
java -cp "$T/pair" org.vmalab.engine.bench.EnginePairBench lessons/16-fairness-and-cost.yaml 1 "$ROUNDS" "$WARM" "$SYM" \
    "$T/old:$OLD:$CP" "$T/new:$NEW:$CP"
echo "# end $(uptime)"
