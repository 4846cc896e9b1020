#!/bin/bash
# Bytes the worker allocates a transition (issue 15, goal 4): check --part=1 --threads=1 of lesson 16 under a JFR
# recording whose jdk.ThreadAllocationStatistics event is taken every 20 ms; the worker's last figure (within 20 ms of
# its end) over the search's transitions.
# Usage: bench/engine-alloc.sh JAR [--no-symmetry]
set -euo pipefail
JAR=$1
shift
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
java -XX:StartFlightRecording=filename="$T/t.jfr",settings=profile,jdk.ThreadAllocationStatistics#period=20ms \
    -jar "$JAR" check --part=1 --threads=1 -q --json "$@" lessons/16-fairness-and-cost.yaml 2> /dev/null \
    | sed -n '/^{/,$p' > "$T/out.json"
states=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["parts"][0]["stats"]["states"])' "$T/out.json")
bytes=$(jfr print --events jdk.ThreadAllocationStatistics "$T/t.jfr" | grep -B2 'explore-1' | grep allocated | tail -1 \
    | sed 's/.*= //')
python3 - "$states" "$bytes" "$JAR $*" <<'PY'
import sys
states = int(sys.argv[1])
value, unit = sys.argv[2].split()
b = float(value) * {'bytes': 1, 'kB': 1024, 'MB': 1024 ** 2, 'GB': 1024 ** 3}[unit]
print(f'{sys.argv[3]}: transitions={states} worker_allocated={b / 1e6:.1f} MB bytes_per_transition={b / states:.1f}')
PY
