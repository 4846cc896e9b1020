#!/bin/bash
# The explorer on lesson 16, old jar and new jar alternating in one run (issue 15, goal 4): parts 1 and 2, one and two
# workers, with and without the symmetry reduction, ROUNDS rounds. Each line: the build, the round, the part, workers,
# symmetry, the load average before the run, wall / user / system seconds and max resident KB (/usr/bin/time), and from
# the JSON: transitions (states), distinct states, the search's wall ms, the workers' CPU ms and their idle ms, and the
# result's assembly ms after the search, and the wait of the workers after the first for the JVM's warm-up (each "-"
# where the jar does not report it). bench/explorer-ab-summary.py makes the table (medians).
# Usage: bench/explorer-ab.sh OLD.jar NEW.jar ROUNDS [parts] [workers] > log
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
PARTS=${4:-"1 2"}
WORKERS=${5:-"1 2"}
LESSON=lessons/16-fairness-and-cost.yaml
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "# start $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    for p in $PARTS; do
        for sym in on off; do
            for w in $WORKERS; do
                for v in old new; do
                    jar=$OLD
                    [ "$v" = new ] && jar=$NEW
                    flag=""
                    [ "$sym" = off ] && flag="--no-symmetry"
                    load=$(cut -d' ' -f1 /proc/loadavg)
                    /usr/bin/time -f "%e %U %S %M" -o "$T/time" java -jar "$jar" check --part="$p" --threads="$w" -q \
                        --json $flag "$LESSON" > "$T/out.json" || true
                    stats=$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["parts"][0]["stats"]
print(s["states"], s["distinct_states"], s["elapsed_ms"], s.get("worker_cpu_ms", "-"), s.get("worker_idle_ms", "-"),
      s.get("assembly_ms", "-"), s.get("warm_up_ms", "-"))
' "$T/out.json")
                    echo "$v r$r p$p w$w sym=$sym load=$load $(cat "$T/time") $stats"
                done
            done
        done
    done
done
echo "# end $(uptime)"
