#!/bin/bash
# The explorer on lesson 16 part 1 under G1 and under the throughput collector, alternating in one run (issue 15,
# goal 4): a cold `check` each time, in this JVM (VMALAB_FORK=0 keeps check from moving to a second JVM). Each line:
# round, symmetry, workers, collector, load before the run, wall/user/system s and max resident KB (/usr/bin/time),
# then from the JSON the transitions, the search's ms, the workers' CPU ms and their rate, the warm-up wait and the
# result's assembly ms. A and B (environment) replace the two JVMs' options, e.g. huge pages on the throughput
# collector: A="-XX:+UseParallelGC" B="-XX:+UseParallelGC -XX:+UseTransparentHugePages" (the line names them "A", "B").
# Usage: [A="OPTIONS" B="OPTIONS"] bench/gc-ab.sh JAR ROUNDS [workers] [symmetry: "on off"] > log
set -euo pipefail
JAR=$1; ROUNDS=$2; WORKERS=${3:-"1 2"}; SYMS=${4:-"on off"}
LABELS="G1 Parallel"
[ -n "${A:-}" ] && LABELS="A B"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for r in $(seq 1 "$ROUNDS"); do for sym in $SYMS; do for w in $WORKERS; do for gc in $LABELS; do
    case $gc in A) opts=$A ;; B) opts=$B ;; *) opts=-XX:+Use${gc}GC ;; esac
    flag=""
    [ "$sym" = off ] && flag="--no-symmetry"
    load=$(cut -d' ' -f1 /proc/loadavg)
    VMALAB_FORK=0 /usr/bin/time -f "%e/%U/%S/%M" -o "$T/time" java $opts -jar "$JAR" check --part=1 \
        --threads="$w" -q --json $flag lessons/16-fairness-and-cost.yaml > "$T/out.json" || true
    python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["parts"][0]["stats"]
print(" ".join(sys.argv[2:]), "transitions", s["states"], "search_ms", s["elapsed_ms"], "worker_cpu_ms",
      s["worker_cpu_ms"], "rate", s["states_per_worker_cpu_second"], "warm_up_ms", s.get("warm_up_ms"),
      "assembly_ms", s.get("assembly_ms"))
' "$T/out.json" "r$r" "sym=$sym" "w$w" "$gc" "load=$load" "time=$(cat "$T/time")"
done; done; done; done
