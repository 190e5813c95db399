#!/usr/bin/env bash
# The whole test suite N times in a row (default 5) while `stress-ng --cpu 2` keeps both
# cores busy, as on a loaded machine; prints one line per run and "RESULT: P of N runs
# passed". Exits 0 only when every run passed. Logs go to ${STRESS_LOGS:-/tmp/desk-crm-stress}.
#   tools/stress_suite.sh [RUNS] [extra pytest args]
# Without stress-ng (apt-get install stress-ng) two Python busy loops stand in for it.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
logs=${STRESS_LOGS:-/tmp/desk-crm-stress}
mkdir -p "$logs"

if command -v stress-ng >/dev/null 2>&1; then
    stress-ng --cpu 2 --quiet &
    load_pid=$!
    echo "stress: stress-ng --cpu 2 (pid $load_pid)"
else
    python3 -c 'import multiprocessing as m, itertools
def spin(_):
    for _ in itertools.count(): pass
m.Pool(2).map(spin, range(2))' &
    load_pid=$!
    echo "stress: stress-ng not installed, two Python busy loops (pid $load_pid)"
fi
stop_load() { kill -- "$load_pid" 2>/dev/null; pkill -P "$load_pid" 2>/dev/null; wait "$load_pid" 2>/dev/null; }
trap stop_load EXIT

passed=0
for run in $(seq 1 "$runs"); do
    SECONDS=0
    ./dev test -q -p no:cacheprovider "$@" >"$logs/run-$run.log" 2>&1
    status=$?
    summary=$(grep -E '(passed|failed|error)' "$logs/run-$run.log" | tail -1)
    echo "run $run: exit $status in ${SECONDS}s: $summary"
    [ "$status" = 0 ] && passed=$((passed + 1))
done
echo "RESULT: $passed of $runs runs passed under load"
[ "$passed" = "$runs" ]
