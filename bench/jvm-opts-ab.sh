#!/bin/bash
# Cold `check` of lesson 16 part 1 under several JVM option sets (and jars), alternating in one run (issue 15, goal 4):
# the JVM that `check` forks (the throughput collector; VMALAB_FORK=0 runs the search in the JVM started here) with
# each set's options. SPEC is a file of lines "LABEL|JAR|OPTIONS" (OPTIONS may be empty). Each line out
# (bench/thread-cpu.py): the set, round, workers, symmetry, the load before the run, the wall s, the CPU s of the
# workers' threads, the compilers' (C1, C2), the collector's and the rest's, when C2 had done 90% of its work, then
# from the JSON the search's s, the workers' CPU s, their wait for the JVM's warm-up, transitions and distinct states.
# bench/jvm-opts-ab-summary.py makes the table (medians).
# Usage: bench/jvm-opts-ab.sh SPEC ROUNDS [workers: "1 2"] [symmetry: "on off"] > log
set -euo pipefail
SPEC=$1; ROUNDS=$2; WORKERS=${3:-"1 2"}; SYMS=${4:-"on off"}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "# start $(uptime)"
for r in $(seq 1 "$ROUNDS"); do for sym in $SYMS; do for w in $WORKERS; do
    while IFS='|' read -r label jar opts; do
        [ -z "$label" ] && continue
        flag=""
        [ "$sym" = off ] && flag="--no-symmetry"
        # shellcheck disable=SC2086
        VMALAB_FORK=0 "$(dirname "$0")/thread-cpu.py" "$label r$r w$w sym=$sym" "$T/out.json" -- \
            java -XX:+UseParallelGC $opts -jar "$jar" check --part=1 --threads="$w" -q --json $flag \
            lessons/16-fairness-and-cost.yaml
    done < "$SPEC"
done; done; done
echo "# end $(uptime)"
