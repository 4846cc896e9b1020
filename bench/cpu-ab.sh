#!/bin/bash
# Old and new side by side, timed by CPU time (org.vmalab.engine.TreeCpuReport): runs of the two builds alternate,
# ROUNDS times each, so that both see the same machine. OLD and NEW are folders built with `mvn -o test-compile`.
# Usage: bench/cpu-ab.sh OLD_DIR NEW_DIR ROUNDS [blocks] [ops per block]
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
B=${4:-9}
OPS=${5:-100000}
cp_of() {
    (cd "$1" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1 \
        && echo "$1/target/test-classes:$1/target/classes:$(cat target/bench-cp.txt)")
}
OLD_CP=$(cp_of "$OLD")
NEW_CP=$(cp_of "$NEW")
echo "# uptime: $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    java -Xmx2g -cp "$OLD_CP" org.vmalab.engine.TreeCpuReport "$B" "$OPS" | sed "s/^/old $r /"
    java -Xmx2g -cp "$NEW_CP" org.vmalab.engine.TreeCpuReport "$B" "$OPS" | sed "s/^/new $r /"
done
echo "# uptime: $(uptime)"
