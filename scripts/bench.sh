#!/usr/bin/env bash
# Side-by-side benchmark of entrycheck against SPIN and Rumur, run by hand (never in CI).
#
#   scripts/bench.sh [RUNS]      # RUNS rounds (default 3); prints markdown tables on stdout
#
# Part 1, always: the cross-tool model bench/big (shared/bench/big.pml and big.m are the same
# model) with entrycheck --threads 1 and 2, SPIN BFS (1 core), SPIN BFS_PAR (2 cores), Rumur
# with 1 and 2 threads. The tools run round-robin, RUNS rounds, so that a burst of load from
# elsewhere hits all of them alike; each table cell is the median over the rounds.
# Part 1b (SPAN=0 skips it): the parallel BFS's work and span on bench/big, measured inside one
# JVM by the BigBench harness (thread CPU time per unit of work, see Workers): the speedup that
# two idle cores would give, which wall time cannot show while other work loads the machine.
# Part 2, when the bundled x86_64 models exist (X86=0 skips it): each at its default bounds,
# entrycheck --threads 1 and 2 against SPIN BFS on entrycheck's own Promela export.
# Part 3 (SWEEP=0 skips it): the nesting-depth sweep of x86_64/mainline (-D DEPTH=1..$MAXDEPTH,
# default 6), entrycheck --threads 1 and 2, one run each; a run that needs more than $CAP
# (default 10m) is cut off and reported as such, and the sweep stops there.
#
# Every figure is whole-process: wall time and CPU time (user + sys) as /usr/bin/time reports
# them (entrycheck's JVM start included; SPIN's and Rumur's C compilation excluded, done
# first), peak resident memory (max RSS), and the 1-minute load average when the run started.
# On a machine shared with other work, wall-clock rates swing with the load; the CPU-time rates
# (states per CPU second) are the steadier comparison for one thread. Parallel speedup shows
# only in wall time: compare it within one round, at similar load.
#
# Needs: spin, rumur, gcc (apt-get install -y spin rumur), GNU time (/usr/bin/time), a JDK.
# Environment: SHARED (the directory holding bench/big.pml; default: found next to the
# checkout), SPAN, X86, SWEEP, MAXDEPTH, CAP, KEEP=DIR (keep the raw measurements and tool
# outputs there).
set -euo pipefail

RUNS=${1:-3}
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
EC="$ROOT/entrycheck"
BIG_STATES=5767168

find_shared() {
    local d
    for d in "${SHARED:-}" "$ROOT/../shared" "$ROOT/../../shared" /work/shared; do
        [[ -n "$d" && -f "$d/bench/big.pml" ]] && { echo "$d"; return; }
    done
    echo "bench.sh: cannot find bench/big.pml; set SHARED to the directory that holds bench/" >&2
    exit 2
}
SHARED=$(find_shared)
for tool in spin rumur gcc cc /usr/bin/time java; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (apt-get install -y spin rumur time)" >&2; exit 2; }
done

WORK=$(mktemp -d)
if [[ -n "${KEEP:-}" ]]; then mkdir -p "$KEEP"; WORK=$(cd "$KEEP" && pwd); else trap 'rm -rf "$WORK"' EXIT; fi
cd "$WORK"
RESULTS="$WORK/results.txt"
: > "$RESULTS"

# measure LABEL GROUP COMMAND...: one run; appends "group|label|wall|cpu|rss_mb|states|load|exit" to $RESULTS.
measure() {
    local label=$1 group=$2; shift 2
    local load rc=0 out="$WORK/out.$(printf '%s' "$label" | tr -c 'A-Za-z0-9' _).txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" > "$out" 2>&1 || rc=$?
    local wall user sys rss states
    read -r wall user sys rss < <(tail -1 "$WORK/time.txt")
    # the first "N states,": entrycheck "N states, M transitions", SPIN "N states, stored", Rumur "N states, M rules fired"
    states=$(grep -Eo '[0-9]+ states,' "$out" | head -1 | cut -d' ' -f1 || true)
    echo "$group|$label|$wall|$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')|$((rss / 1024))|${states:-?}|$load|$rc" >> "$RESULTS"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# table GROUP REFERENCE_LABEL: median per label of GROUP, with rates and ratios to the reference.
table() {
    local group=$1 ref=$2 labels
    mapfile -t labels < <(awk -F'|' -v g="$group" '$1 == g && !seen[$2]++ { print $2 }' "$RESULTS")
    local ref_wall ref_cpu
    ref_wall=$(awk -F'|' -v g="$group" -v l="$ref" '$1 == g && $2 == l { print $3 }' "$RESULTS" | median)
    ref_cpu=$(awk -F'|' -v g="$group" -v l="$ref" '$1 == g && $2 == l { print $4 }' "$RESULTS" | median)
    echo "| tool, mode | states | wall s | CPU s | peak RSS MB | states/s (wall) | states per CPU s | vs $ref (wall / CPU) | load avg | runs |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    local l
    for l in "${labels[@]}"; do
        awk -F'|' -v g="$group" -v l="$l" -v rw="$ref_wall" -v rc="$ref_cpu" '
            $1 == g && $2 == l { n++; w[n] = $3; c[n] = $4; if ($5 > rss) rss = $5; st = $6; ld = ld (ld == "" ? "" : " ") $7; if ($8 != 0) bad = bad " exit " $8 }
            function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
            END { mw = med(w, n); mc = med(c, n)
                  printf "| %s%s | %s | %.2f | %.2f | %d | %.0f | %.0f | %.2fx / %.2fx | %s | %d |\n",
                         l, bad, st, mw, mc, rss, st / mw, st / mc, rw / mw, rc / mc, ld, n }' "$RESULTS"
    done
}

echo "building entrycheck and the C checkers..." >&2
"$EC" list models > /dev/null      # builds the jar if needed, outside the timing
cp "$SHARED/bench/big.pml" "$SHARED/bench/big.m" "$WORK/"
spin -a big.pml > /dev/null
gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan_bfs pan.c
gcc -O2 -DSAFETY -DNOREDUCE -DBFS_PAR -o pan_par pan.c
rumur --threads 1 big.m --output big1.c > /dev/null && cc -std=c11 -O3 -march=native -mcx16 -o big1 big1.c -lpthread
rumur --threads 2 big.m --output big2.c > /dev/null && cc -std=c11 -O3 -march=native -mcx16 -o big2 big2.c -lpthread

BIG_COMMANDS=(
    "entrycheck --threads 1|$EC check bench/big --threads 1"
    "entrycheck --threads 2|$EC check bench/big --threads 2"
    "SPIN BFS (1 core)|./pan_bfs -m20000000 -w26"
    "SPIN BFS_PAR (2 cores)|./pan_par -m20000000 -w26 -u2"
    "Rumur, 1 thread|./big1"
    "Rumur, 2 threads|./big2"
)
for round in $(seq "$RUNS"); do
    for entry in "${BIG_COMMANDS[@]}"; do
        echo "round $round/$RUNS: ${entry%%|*}" >&2
        # shellcheck disable=SC2086 # the command is split into words on purpose
        measure "${entry%%|*}" big ${entry#*|}
    done
done

echo "## bench/big ($BIG_STATES states), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), median of $RUNS rounds"
echo
table big "SPIN BFS (1 core)"
echo
echo "Commands (in $WORK; pan and Rumur compiled first, not timed):"
echo
echo '```'
echo "spin -a big.pml && gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan_bfs pan.c && gcc -O2 -DSAFETY -DNOREDUCE -DBFS_PAR -o pan_par pan.c"
echo "rumur --threads 1 big.m --output big1.c && cc -std=c11 -O3 -march=native -mcx16 -o big1 big1.c -lpthread   # and --threads 2 -> big2"
for entry in "${BIG_COMMANDS[@]}"; do echo "${entry#*|}" | sed "s|$ROOT/entrycheck|./entrycheck|"; done
echo '```'
bad=$(awk -F'|' -v n="$BIG_STATES" '$1 == "big" && $6 != n { print $2 ": " $6 " states" }' "$RESULTS" | sort -u)
[[ -z "$bad" ]] || { echo; echo "WARNING: a tool did not report $BIG_STATES states:"; echo "$bad"; }

# ------------------------------------------------------------------ part 1b: work and span
if [[ "${SPAN:-1}" != 0 ]]; then
    echo "measuring work and span (BigBench)..." >&2
    (cd "$ROOT" && mvn -B -o -q test-compile -pl checker -am > /dev/null)
    CP="$ROOT/model/target/classes:$ROOT/properties/target/classes:$ROOT/counterexamples/target/classes:$ROOT/checker/target/classes:$ROOT/checker/target/test-classes"
    for t in 1 2; do
        # run 1 warms the JIT up and is left out
        java -XX:+UseParallelGC -Xmx2g -cp "$CP" entrycheck.engine.BigBench $((RUNS + 1)) "$t" | grep '^SUMMARY' | grep -v ' run=1 ' >> "$WORK/span.txt"
    done
    echo
    echo "### bench/big inside one JVM: work and span of the search (BigBench, median of $RUNS runs after a warm-up run)"
    echo
    echo "| threads | search wall s | process CPU s | CPU in phases s | span s | serial s | speedup on idle cores vs 1 thread |"
    echo "|---|---|---|---|---|---|---|"
    med_of() { awk -v t="$1" -v k="$2" '$2 == "threads=" t { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$WORK/span.txt" | median; }
    one=$(awk -v w="$(med_of 1 work)" -v s="$(med_of 1 serial)" 'BEGIN { print w + s }')
    for t in 1 2; do
        echo "| $t | $(med_of "$t" wall) | $(med_of "$t" cpu) | $(med_of "$t" work) | $(med_of "$t" span) | $(med_of "$t" serial) | $(awk -v o="$one" -v sp="$(med_of "$t" span)" -v se="$(med_of "$t" serial)" 'BEGIN { printf "%.2fx", o / (sp + se) }') |"
    done
    echo
    echo "Per phase (median seconds; wall minus span is time the workers were not running or waited for the slowest unit):"
    echo
    echo "| threads | expand work / span / wall | look up work / span / wall | store work / span / wall |"
    echo "|---|---|---|---|"
    for t in 1 2; do
        row="| $t |"
        for ph in expand look_up store; do row="$row $(med_of "$t" "${ph}_work") / $(med_of "$t" "${ph}_span") / $(med_of "$t" "${ph}_wall") |"; done
        echo "$row"
    done
    echo
    echo "Command: \`java -XX:+UseParallelGC -Xmx2g -cp <classes and test-classes> entrycheck.engine.BigBench $((RUNS + 1)) <threads>\`."
fi

# ------------------------------------------------------------------ part 2: the x86 models
mapfile -t X86_MODELS < <("$EC" list models 2>/dev/null | awk '$1 ~ /^x86_64\// { print $1 }')
CAP=${CAP:-10m}
if [[ "${X86:-1}" == 0 || ${#X86_MODELS[@]} -eq 0 ]]; then
    echo
    echo "(part 2, the x86_64 models at their default bounds, skipped)"
    X86_MODELS=()
fi
for m in ${X86_MODELS[@]+"${X86_MODELS[@]}"}; do
    f=$(echo "$m" | tr '/' _)
    "$EC" export --to promela -o "$f.pml" "$m"
    (mkdir -p "spin_$f" && cd "spin_$f" && spin -a "../$f.pml" > /dev/null && gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c)
done
for round in $(seq "$RUNS"); do
    for m in ${X86_MODELS[@]+"${X86_MODELS[@]}"}; do
        f=$(echo "$m" | tr '/' _)
        echo "round $round/$RUNS: $m" >&2
        measure "entrycheck --threads 1" "$m" "$EC" check "$m" --threads 1 --time-limit "$CAP"
        measure "entrycheck --threads 2" "$m" "$EC" check "$m" --threads 2 --time-limit "$CAP"
        measure "SPIN BFS (1 core), export" "$m" "spin_$f/pan" -m100000000 -w26 -A
    done
done
for m in ${X86_MODELS[@]+"${X86_MODELS[@]}"}; do
    echo
    echo "## $m (default bounds)"
    echo
    table "$m" "SPIN BFS (1 core), export"
done
if [[ ${#X86_MODELS[@]} -gt 0 ]]; then
    echo
    echo "SPIN runs on \`entrycheck export --to promela MODEL\`, compiled with -DSAFETY -DNOREDUCE -DBFS and run as \`./pan -m100000000 -w26 -A\`."
fi

# ------------------------------------------------------------------ part 3: the depth sweep
if [[ "${SWEEP:-1}" != 0 ]] && "$EC" list models | grep -q '^x86_64/mainline'; then
    echo
    echo "## x86_64/mainline: growth with the nesting-depth bound (one run each, cut off at $CAP)"
    echo
    echo "| DEPTH | states | transitions | BFS depth | threads | wall s | CPU s | search s (entrycheck's own) | states/s (wall) | peak RSS MB | load avg |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for d in $(seq 1 "${MAXDEPTH:-6}"); do
        cut=""
        for t in 1 2; do
            : > "$WORK/one.txt"
            RESULTS="$WORK/one.txt" measure "DEPTH=$d t=$t" sweep "$EC" check x86_64/mainline -D "DEPTH=$d" --threads "$t" --time-limit "$CAP"
            IFS='|' read -r _ _ wall cpu rss states load _ < "$WORK/one.txt"
            out="$WORK/out.DEPTH_${d}_t_${t}.txt"
            trans=$(grep -Eo '[0-9]+ transitions' "$out" | head -1 | cut -d' ' -f1 || true)
            bdepth=$(grep -Eo 'depth [0-9]+' "$out" | head -1 | cut -d' ' -f2 || true)
            search=$(grep -Eo 'depth [0-9]+, [0-9.]+ s' "$out" | head -1 | awk '{ print $3 }' || true)
            grep -q "time limit" "$out" && cut=" (cut off)"
            echo "| $d | $states$cut | ${trans:-?} | ${bdepth:-?} | $t | $wall | $cpu | ${search:-?} | $(awk -v s="$states" -v w="$wall" 'BEGIN { printf "%.0f", s / w }') | $rss | $load |"
        done
        [[ -z "$cut" ]] || break
    done
    echo
    echo "Command: \`./entrycheck check x86_64/mainline -D DEPTH=<d> --threads <t> --time-limit $CAP\`."
fi
