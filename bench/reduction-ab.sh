#!/bin/bash
# check with and without the reduction, on every lesson file given, runs alternating (ROUNDS each), one worker:
# per lesson part the median elapsed time of the search (JSON elapsed_ms) and per file the median process CPU time.
# Usage: bench/reduction-ab.sh JAR ROUNDS lessons/*.yaml
JAR=$1; ROUNDS=$2; shift 2
T=$(mktemp -d)
echo "# uptime: $(uptime)"
for f in "$@"; do
    b=$(basename "$f" .yaml)
    for r in $(seq 1 "$ROUNDS"); do
        for mode in on off; do
            flag=""; [ $mode = off ] && flag="--no-reduction"
            /usr/bin/time -f "%U %S" -o "$T/time" java -jar "$JAR" check --json --threads 1 $flag "$f" > "$T/$b.$mode.$r.json" 2>/dev/null
            echo "cpu $b $mode $r $(tail -1 "$T/time" | awk '{print $1 + $2}')"
            python3 - "$T/$b.$mode.$r.json" "$b" "$mode" "$r" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for p in d.get('parts', []):
    s = p['stats']
    print('part %s %d %s %s %s %s %s' % (sys.argv[2], p['part'], sys.argv[3], sys.argv[4], s['elapsed_ms'], s['states'],
                                      s.get('reduction_off_at', -1)))
PY
        done
    done
done
echo "# uptime: $(uptime)"
rm -rf "$T"
