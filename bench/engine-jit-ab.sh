#!/bin/bash
# What the JIT costs a cold `check` of lesson 16 part 1 (issue 15, goal 4), old jar and new jar alternating: per run the
# CPU of the C2 and C1 compiler threads and of the process (bench/engine-jit-cpu.py, /proc every 50 ms), C2's methods
# and code bytes from -XX:+CITime, and from the JSON the transitions and the workers' CPU ms.
# Each line: build, round, workers, symmetry, load average before the run, then name=value pairs.
# bench/engine-jit-summary.py makes the table (medians).
# Usage: bench/engine-jit-ab.sh OLD.jar NEW.jar ROUNDS [workers] [sym] > log   (workers "1 2", sym "on off")
# JIT_AB_JVM: the JVM options of both (default -XX:+UseParallelGC, the collector `check` searches on: with it the
# search stays in the measured JVM instead of a second one, ThroughputJvm).
set -euo pipefail
OLD=$1
NEW=$2
ROUNDS=$3
WORKERS=${4:-"1 2"}
SYMS=${5:-"on"}
LESSON=lessons/16-fairness-and-cost.yaml
HERE=$(dirname "$0")
JVM=${JIT_AB_JVM:--XX:+UseParallelGC}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "# start $(uptime)"
for r in $(seq 1 "$ROUNDS"); do
    for sym in $SYMS; do
        for w in $WORKERS; do
            for v in old new; do
                jar=$OLD
                [ "$v" = new ] && jar=$NEW
                flag=""
                [ "$sym" = off ] && flag="--no-symmetry"
                load=$(cut -d' ' -f1 /proc/loadavg)
                cpu=$(python3 "$HERE/engine-jit-cpu.py" "$T/out" java $JVM -XX:+CITime -jar "$jar" check --part=1 \
                    --threads="$w" -q --json $flag "$LESSON")
                stats=$(python3 -c '
import json, re, sys
text = open(sys.argv[1]).read()
end = text.rindex("\n}") + 2
s = json.loads(text[text.index("{"):end])["parts"][0]["stats"]
c2 = re.search(r"C2 \{speed: [^;]*; standard: +([0-9.]+) s, (\d+) bytes, (\d+) methods; osr: +([0-9.]+) s, "
               r"(\d+) bytes, (\d+) methods; nmethods_size: (\d+) bytes; nmethods_code_size: (\d+)", text[end:])
st = s["states"]
wc = s.get("worker_cpu_ms", "-")
print(f"transitions={st} worker_cpu_ms={wc} "
      f"c2_methods={int(c2[3]) + int(c2[6])} c2_osr={c2[6]} c2_bytecode={int(c2[2]) + int(c2[5])} "
      f"c2_code={c2[8]} citime_c2_s={float(c2[1]) + float(c2[4]):.2f}")
' "$T/out")
                echo "$v r$r w$w sym=$sym load=$load $cpu $stats"
            done
        done
    done
done
echo "# end $(uptime)"
