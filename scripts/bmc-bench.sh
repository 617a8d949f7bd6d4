#!/usr/bin/env bash
# The bounded engine (bmc, Choco) against the explicit BFS engine on variants of the cross-tool
# benchmark (bench/big): N processes with counters 0..MAX taking a lock, with ("ok") or without
# ("bug") the lock test in take. Run by hand (never in CI); prints a markdown table for
# docs/PERFORMANCE.md. Times are the engines' own (JVM start excluded), from their output.
#
#   scripts/bmc-bench.sh                 # the table of docs/PERFORMANCE.md
#   scripts/bmc-bench.sh "bug 7 4 11"    # one case: kind N MAX K
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

model() { # kind n max -> path
  local kind=$1 n=$2 max=$3 f="$WORK/mutex-$1-n$2-m$3.entry" lock=""
  [[ $kind == ok ]] && lock=" && lock == 0"
  cat > "$f" <<EOF
const N = $n;
const MAX = $max;
type pc_t = enum { TOP, CHK, REL };
var a: array [N] of 0..MAX = 0;
var lock: 0..N = 0;
var pc: array [N] of pc_t = TOP;
rule inc(i: 0..N-1)  pc[i] == TOP && a[i] < MAX ==> { a[i] = a[i] + 1; }
rule take(i: 0..N-1) pc[i] == TOP && a[i] == MAX$lock ==> { lock = i + 1; pc[i] = CHK; }
rule chk(i: 0..N-1)  pc[i] == CHK ==> { assert lock == i + 1 as mutex; pc[i] = REL; }
rule rel(i: 0..N-1)  pc[i] == REL ==> { a[i] = 0; lock = 0; pc[i] = TOP; }
property mutex "one process at a time holds the lock" = assertion;
EOF
  echo "$f"
}

"$ROOT/entrycheck" list models > /dev/null   # build the jar first, outside the timing

echo "| model | BFS: states, time | BFS shortest | bmc K | bmc result | bmc time (nodes) |"
echo "|---|---|---|---|---|---|"
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=("bug 2 2 10" "bug 3 4 11" "bug 7 2 7" "bug 7 4 11" "bug 2 7 17" "bug 7 7 17"
  "ok 3 2 10" "ok 7 2 8" "ok 7 2 12" "ok 7 7 10" "ok 7 7 20")
for c in "${cases[@]}"; do
  read -r kind n max k <<< "$c"
  f=$(model "$kind" "$n" "$max")
  "$ROOT/entrycheck" check "$f" -p mutex --ignore-expectations > "$WORK/bfs.out" || true
  bfs=$(head -1 "$WORK/bfs.out" | sed -E 's/.*: ([0-9]+) states, .* ([0-9.]+ s) \(.*/\1 states, \2/')
  len=$(grep -Eo 'counterexample for mutex: [0-9]+' "$WORK/bfs.out" | grep -Eo '[0-9]+$' || echo "none")
  "$ROOT/entrycheck" bmc "$f" --depth "$k" -p mutex > "$WORK/bmc.out" || true
  res=$(grep -Eo 'shortest trace [0-9]+ steps|no violation within [0-9]+ steps?|stopped by .*' "$WORK/bmc.out" | head -1)
  tim=$(grep -E '^  [0-9.]+ s \(' "$WORK/bmc.out" | sed -E 's/^  ([0-9.]+ s) .*; ([0-9]+) nodes.*/\1 (\2)/')
  echo "| $kind N=$n MAX=$max | $bfs | $len | $k | $res | $tim |"
done
