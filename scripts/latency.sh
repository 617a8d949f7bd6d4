#!/usr/bin/env bash
# End-to-end latency of `entrycheck check MODEL`, phase by phase, next to SPIN's compile and
# run on the Promela export of the same model. Run by hand (never in CI); prints a markdown
# table on stdout (docs/PERFORMANCE.md, "Latency").
#
#   scripts/latency.sh [RUNS [MODEL...]]   # RUNS runs per model (default 5); default: every bundled model
#
# entrycheck: RUNS runs of `./entrycheck check MODEL --quiet --timings` (the launcher with its
# class-data-sharing archive, made first), round-robin with RUNS runs of ENTRYCHECK_CDS=0 (no
# archive) so that load from elsewhere hits both alike. Every cell is the median over the runs:
# end-to-end wall time and CPU time (user + sys) from /usr/bin/time, and the phases that the
# hidden --timings option prints (docs/PERFORMANCE.md): jvm (JVM start to main), cli (picocli),
# load (parse, check, compile to the IR), compile (IR to successor code, and trace rebuilding),
# explore (the search), output; "rest" is end to end minus the JVM's own view: the launcher
# script (bash, the staleness check of the jar) and the JVM's exit.
#
# SPIN (SPIN_RUNS runs, default 1: the C compile of an x86 model takes 10-40 s):
# `entrycheck export --to promela MODEL -o m.pml`, then `spin -a m.pml` and
# `gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c` (timed together: "compile"), then
# `./pan -m100000000 -w26 -A` ("run": -A ignores assertion violations, so pan explores the
# whole reachable space, as entrycheck does for every model with a property that holds; the
# flags of shared/bench/README.md, with the larger -m of the SPIN differential tests).
# SPIN=0 skips SPIN; ENTRYCHECK=0 skips entrycheck (its columns are then "-"). Wall and CPU
# (user + sys, the compile's child processes included) are both reported: on a loaded machine
# the wall time mostly says how much of a core a process got, the CPU time what it needed.
#
# The machine may be shared with other work: the 1-minute load average at the start and end is
# printed; compare within one table, not against other machines.
#
# Needs: spin and gcc (apt-get install -y spin), GNU time (/usr/bin/time), a JDK, Maven.
# Environment: RUNS/SPIN_RUNS as above, SPIN=0, KEEP=DIR (keep raw measurements and outputs).
set -euo pipefail

RUNS=${1:-5}
[[ $# -gt 0 ]] && shift
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
EC="$ROOT/entrycheck"
SPIN_RUNS=${SPIN_RUNS:-1}
SPIN=${SPIN:-1}
ENTRYCHECK=${ENTRYCHECK:-1}

for tool in /usr/bin/time java; do
    command -v "$tool" >/dev/null || { echo "latency.sh: $tool is missing" >&2; exit 2; }
done
if [[ "$SPIN" != 0 ]]; then
    for tool in spin gcc; do
        command -v "$tool" >/dev/null || { echo "latency.sh: $tool is missing (apt-get install -y spin gcc), or SPIN=0" >&2; exit 2; }
    done
fi

WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$WORK"' EXIT

# median of the numbers on stdin (the lower middle one of an even count)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }
# field KEY=VALUE of the lines matching PATTERN in FILE...
field() { local pat=$1 key=$2; shift 2; grep -h -- "$pat" "$@" | tr ' ' '\n' | awk -F= -v k="$key" '$1 == k { print $2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }

if [[ $# -gt 0 ]]; then
    MODELS=("$@")
else
    mapfile -t MODELS < <("$EC" list models | awk 'NF > 0 && $1 !~ /:$/ { print $1 }')
fi
"$EC" --version >/dev/null   # builds the jar and the archive first, untimed

LOAD0=$(load)
echo "latency.sh: ${#MODELS[@]} models, $RUNS runs each; load average $LOAD0 at the start" >&2

rows=()
for m in "${MODELS[@]}"; do
    safe=${m//\//_}
    dir="$WORK/$safe"
    mkdir -p "$dir"
    echo "  $m" >&2
    for ((r = 1; r <= RUNS && ENTRYCHECK != 0; r++)); do
        /usr/bin/time -f '%e %U %S' -o "$dir/time.cds.$r" "$EC" check "$m" --quiet --timings \
            >"$dir/out.$r" 2>"$dir/err.$r" || true
        ENTRYCHECK_CDS=0 /usr/bin/time -f '%e %U %S' -o "$dir/time.nocds.$r" "$EC" check "$m" --quiet --timings \
            >/dev/null 2>"$dir/err.nocds.$r" || true
    done
    states=-; e2e=-; cpu=-; nocds=-; nocdscpu=-; jvm=-; cli=-; ld=-; comp=-; expl=-; outp=-; rest=-
    if [[ "$ENTRYCHECK" != 0 ]]; then
    states=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($(i + 1) == "states,") { print $i; exit } }' "$dir/out.1")
    e2e=$(cat "$dir"/time.cds.* | awk '{ print $1 }' | median)
    cpu=$(cat "$dir"/time.cds.* | awk '{ print $2 + $3 }' | median)
    nocds=$(cat "$dir"/time.nocds.* | awk '{ print $1 }' | median)
    nocdscpu=$(cat "$dir"/time.nocds.* | awk '{ print $2 + $3 }' | median)
    ms() { field "$1" "$2" "$dir"/err.[0-9]* | median; }
    jvm=$(ms 'timings: jvm=' jvm); cli=$(ms 'timings: jvm=' cli); ld=$(ms 'timings: model=' load)
    comp=$(ms 'timings: model=' compile); expl=$(ms 'timings: model=' explore); outp=$(ms 'timings: jvm=' output)
    rest=$(for r in $(seq 1 "$RUNS"); do
        t=$(awk '{ print $1 * 1000 }' "$dir/time.cds.$r"); j=$(field 'timings: jvm=' total "$dir/err.$r")
        [[ -n "$j" ]] && echo "$t - $j" | bc
    done | median)
    fi

    spin_c="-"; spin_r="-"; spin_states="-"; spin_cpu="-"
    if [[ "$SPIN" != 0 ]]; then
        (cd "$dir" && "$EC" export --to promela "$m" -o m.pml >/dev/null)
        for ((r = 1; r <= SPIN_RUNS; r++)); do
            (cd "$dir" && rm -f pan pan.* && /usr/bin/time -f '%e %U %S' -o "$dir/spin.compile.$r" \
                bash -c 'spin -a m.pml >/dev/null && gcc -O2 -DSAFETY -DNOREDUCE -DBFS -o pan pan.c')
            (cd "$dir" && /usr/bin/time -f '%e %U %S' -o "$dir/spin.run.$r" ./pan -m100000000 -w26 -A >"$dir/pan.out.$r" 2>&1)
        done
        spin_c=$(cat "$dir"/spin.compile.* | awk '{ print $1 }' | median)
        spin_r=$(cat "$dir"/spin.run.* | awk '{ print $1 }' | median)
        spin_cpu=$(for ((r = 1; r <= SPIN_RUNS; r++)); do
            paste -d' ' "$dir/spin.compile.$r" "$dir/spin.run.$r" | awk '{ print $2 + $3 + $5 + $6 }'
        done | median)
        spin_states=$(awk '/states, stored/ { print $1; exit }' "$dir/pan.out.1")
    fi
    total_spin="-"
    [[ "$spin_c" != "-" ]] && total_spin=$(echo "$spin_c + $spin_r" | bc)
    row="| $m | $states | $e2e | $cpu | $jvm | $cli | $ld | $comp | $expl | $outp | $rest | $nocds ($nocdscpu) | $spin_states | $spin_c | $spin_r | $total_spin | $spin_cpu |"
    rows+=("$row")
    echo "$row" >>"$WORK/rows.md"   # as it goes, for a run cut short
done
LOAD1=$(load)

echo "Median of $RUNS runs per model (SPIN: $SPIN_RUNS); load average $LOAD0 at the start, $LOAD1 at the end; $(nproc) cores."
echo "Times in seconds (end to end, CPU) and milliseconds (phases)."
echo
echo "| model | states | end to end s | CPU s | jvm ms | cli ms | load ms | compile ms | explore ms | output ms | rest ms | no CDS: end to end (CPU) s | SPIN states | SPIN compile s | SPIN run s | SPIN total s | SPIN CPU s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
