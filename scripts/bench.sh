#!/usr/bin/env bash
# Side-by-side benchmark of entrycheck against SPIN and Rumur on the cross-tool model
# (shared/bench: big.pml / big.m; entrycheck's bundled bench/big is the same model).
# Run by hand (never in CI): every tool in one run on the same machine, so ratios are fair.
#
#   scripts/bench.sh [RUNS]        # RUNS per tool (default 1); prints a markdown table
#
# Needs: spin, rumur, gcc (apt-get install -y spin rumur), /usr/bin/time.
# Whole-process wall time (JVM start, SPIN's pan compile excluded and shown apart) and peak RSS.
set -euo pipefail
RUNS=${1:-1}
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$SHARED/bench/big.pml" "$SHARED/bench/big.m" "$WORK/"
cd "$WORK"

measure() { # name, command...: prints "name|wall_s|rss_mb" per run
  local name=$1; shift
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o t.out "$@" > out.txt 2>&1 || true
    read -r wall rss < t.out
    echo "$name|$wall|$((rss / 1024))|$(grep -Eo '[0-9]+ states(, stored)?' out.txt | head -1)"
  done
}

"$ROOT/entrycheck" list models > /dev/null   # build the jar first, outside the timing
spin -a big.pml > /dev/null
gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan_bfs pan.c
gcc -O2 -DSAFETY -DNOREDUCE -DBFS_PAR -o pan_par pan.c
rumur --threads 1 big.m --output big1.c > /dev/null && cc -std=c11 -O3 -march=native -mcx16 -o big1 big1.c -lpthread
rumur --threads 2 big.m --output big2.c > /dev/null && cc -std=c11 -O3 -march=native -mcx16 -o big2 big2.c -lpthread

{
  measure "entrycheck --threads 1" "$ROOT/entrycheck" check bench/big --threads 1
  measure "entrycheck --threads 2" "$ROOT/entrycheck" check bench/big --threads 2
  measure "SPIN BFS (1 core)" ./pan_bfs -m20000000 -w26
  measure "SPIN BFS_PAR (2 cores)" ./pan_par -m20000000 -w26 -u2
  measure "Rumur 1 thread" ./big1
  measure "Rumur 2 threads" ./big2
} > results.txt

echo "| tool | wall s | peak RSS MB | states/s | reported |"
echo "|---|---|---|---|---|"
while IFS='|' read -r name wall rss states; do
  rate=$(awk -v w="$wall" 'BEGIN { printf "%.0f", 5767168 / w }')
  echo "| $name | $wall | $rss | $rate | $states |"
done < results.txt
