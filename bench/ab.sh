#!/bin/bash
# Old and new side by side in one run: JMH forks of the same benchmarks alternate between two builds (OLD and NEW:
# folders with target/classes and target/test-classes, built with `mvn -o test-compile`), so that both see the same
# load. Usage: bench/ab.sh OLD_DIR NEW_DIR ROUNDS 'JMH ARGS'   (one fork per build per round)
# Example: bench/ab.sh /tmp/old . 4 'TreeCoreBench -wi 3 -i 5 -w 1 -r 1'
# Prints each fork's JMH lines prefixed with old/new and the round; bench/ab-summary.py turns them into ratios.
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
ARGS=$4
cp_of() {
    (cd "$1" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1 && cat target/bench-cp.txt)
}
OLD_CP="$OLD/target/test-classes:$OLD/target/classes:$(cp_of "$OLD")"
NEW_CP="$NEW/target/test-classes:$NEW/target/classes:$(cp_of "$NEW")"
echo "# uptime: $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    for side in old new; do
        if [ $side = old ]; then CP=$OLD_CP; else CP=$NEW_CP; fi
        # shellcheck disable=SC2086
        java -Xmx4g -cp "$CP" org.openjdk.jmh.Main $ARGS -f 1 -rf text -rff /dev/null 2>&1 \
            | grep -E '^[A-Za-z]+(Bench|Jmh)[A-Za-z]*\.' | sed "s/^/$side $r /"
    done
done
echo "# uptime: $(uptime)"
