#!/usr/bin/env bash
# The culturekit benchmark (issue 8). Run from anywhere:   bash bench/run.sh
#
# Builds the jar, generates synthetic exports (bench/Generate.java) into a temporary folder, times
# culturekit, a Commons CSV parse-only baseline, pandas and R on each, and prints Markdown tables of wall
# time (min and median) and peak RSS with the ratios the issue sets targets for. Progress goes to stderr,
# the tables to stdout. See bench/README.md.
#
# Environment (all optional):
#   BENCH_SIZES="100000 1000000"  rows per generated file
#   BENCH_RUNS=3                  runs per tool and file (the 300-row example always runs 5 times)
#   BENCH_SEED=20260508           generator seed
#   BENCH_BUILD=1                 0 = use the existing target/culturekit.jar instead of building
#   BENCH_MVN_ARGS=               extra Maven arguments for the build, e.g. "-o"
#   BENCH_SKIP=                   tools to leave out: any of culturekit units parse-only pandas r example
#   BENCH_PYTHON=                 the Python with pandas (default: the first of /usr/bin/python3, python3)
#   BENCH_KEEP=0                  1 = keep the temporary folder (data, outputs, logs) and print its path
#   CULTUREKIT_CMD=               the command that runs culturekit (default: bin/culturekit, the launcher, on
#                                 the jar snapshot; the example is also timed with plain java -jar)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
SIZES=${BENCH_SIZES:-"100000 1000000"}
RUNS=${BENCH_RUNS:-3}
EXAMPLE_RUNS=5
SEED=${BENCH_SEED:-20260508}
SKIP=" ${BENCH_SKIP:-} "

TMP=$(mktemp -d "${TMPDIR:-/tmp}/culturekit-bench.XXXXXX")
cleanup() {
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        echo "bench: kept $TMP" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

say() { echo "bench: $*" >&2; }
die() { say "error: $*"; exit 1; }
skipped() { [[ "$SKIP" == *" $1 "* ]]; }
commas() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta' <<<"$1"; }

for size in $SIZES; do
    [[ "$size" =~ ^[0-9]+$ ]] && (( size >= 7 )) || die "BENCH_SIZES: '$size' is not a row count (7 or more)"
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS: '$RUNS' is not a positive number"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: apt-get install -y time"
command -v java >/dev/null || die "java is not on PATH"
command -v javac >/dev/null || die "javac is not on PATH (a JDK 17 is needed)"

# --- build --------------------------------------------------------------------------------------------
if [[ "${BENCH_BUILD:-1}" != 0 ]]; then
    say "building the jar (mvn -q -DskipTests ${BENCH_MVN_ARGS:-} package)"
    # shellcheck disable=SC2086  # BENCH_MVN_ARGS is a word list on purpose
    mvn -q -DskipTests ${BENCH_MVN_ARGS:-} package >&2
fi
[[ -f target/culturekit.jar ]] || die "target/culturekit.jar is missing (build failed, or BENCH_BUILD=0 without a jar)"
# Every run uses one snapshot, so a rebuild in this working copy during the benchmark cannot mix versions.
JAR=$TMP/culturekit.jar
cp target/culturekit.jar "$JAR"
if [[ -n "${CULTUREKIT_CMD:-}" ]]; then
    read -r -a CULTUREKIT <<<"$CULTUREKIT_CMD"
else
    # The launcher, as users run it, on the snapshot. Its class-data archive names the jar by path, so the
    # snapshot gets its own, made as mvn package makes target/culturekit.jsa (one run of the example).
    export CULTUREKIT_JAR=$JAR
    CULTUREKIT=("$ROOT/bin/culturekit")
    say "making the class-data archive of the jar snapshot"
    if java -XX:ArchiveClassesAtExit="$TMP/culturekit.jsa.tmp" '-Xlog:cds*=off' -jar "$JAR" \
            report examples/survey.csv -o "$TMP/training" --quiet >&2 && [[ -s "$TMP/culturekit.jsa.tmp" ]]; then
        wc -c <"$TMP/culturekit.jsa.tmp" | tr -d ' ' >"$TMP/culturekit.jsa.size"
        mv "$TMP/culturekit.jsa.tmp" "$TMP/culturekit.jsa"
    else
        say "no class-data archive: the launcher runs without one"
    fi
    rm -rf "$TMP/training"
fi
mkdir -p "$TMP/classes"
javac -d "$TMP/classes" -cp "$JAR" bench/ParseOnly.java   # compiled once: no compilation in the timings

# --- optional tools -----------------------------------------------------------------------------------
PYTHON=
PANDAS_NOTE=
if skipped pandas; then
    PANDAS_NOTE="skipped (BENCH_SKIP)"
else
    for candidate in ${BENCH_PYTHON:-/usr/bin/python3 python3}; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import pandas, numpy' 2>/dev/null; then
            PYTHON=$candidate
            break
        fi
    done
    [[ -n "$PYTHON" ]] || PANDAS_NOTE="skipped: pandas is not installed (apt-get install -y python3-pandas)"
fi
R_OK=
R_NOTE=
if skipped r; then
    R_NOTE="skipped (BENCH_SKIP)"
elif ! command -v Rscript >/dev/null; then
    R_NOTE="skipped: R is not installed (apt-get install -y r-base-core r-cran-data.table r-cran-psych)"
elif ! Rscript -e 'suppressPackageStartupMessages({library(data.table); library(psych)})' >/dev/null 2>&1; then
    R_NOTE="skipped: data.table or psych is missing (apt-get install -y r-cran-data.table r-cran-psych)"
else
    R_OK=1
fi
[[ -z "$PANDAS_NOTE" ]] || say "pandas $PANDAS_NOTE"
[[ -z "$R_NOTE" ]] || say "R $R_NOTE"

# --- measuring ----------------------------------------------------------------------------------------
FAILURES=$TMP/failures.md
: >"$FAILURES"

# measure KEY RUN CMD...: one timed run; appends "wall_s rss_kb" to $TMP/KEY.times, or notes the failure.
measure() {
    local key=$1 run=$2
    shift 2
    local log=$TMP/logs/$key.$run
    mkdir -p "$TMP/logs"
    local status=0
    /usr/bin/time -f '%e %M' -o "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
    local wall= rss=
    read -r wall rss < <(tail -n 1 "$log.time" 2>/dev/null) || true
    if (( status == 0 )); then
        echo "$wall $rss" >>"$TMP/$key.times"
        say "$key run $run: ${wall} s, $(( rss / 1024 )) MB"
    else
        echo "$status" >>"$TMP/$key.failed"
        say "$key run $run FAILED (exit $status) after ${wall:-?} s, $(( ${rss:-0} / 1024 )) MB"
        {
            echo "- **$key**, run $run: exit $status after ${wall:-?} s, peak RSS $(( ${rss:-0} / 1024 )) MB."
            grep '^Command terminated' "$log.time" | sed 's/^/  /' || true   # killed, e.g. by the OOM killer
            echo '  ```'
            tail -n 15 "$log.err" | sed 's/^/  /'
            echo '  ```'
        } >>"$FAILURES"
    fi
}

# stats KEY -> "min median peakMB" (or "- - -")
stats() {
    local file=$TMP/$1.times
    [[ -s "$file" ]] || { echo "- - -"; return; }
    sort -n -k1,1 "$file" | awk '
        { w[NR] = $1; if ($2 > m) m = $2 }
        END {
            med = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2
            printf "%.2f %.2f %.0f\n", w[1], med, m / 1024
        }'
}

# row LABEL KEY NOTE: one table row
row() {
    local label=$1 key=$2 note=${3:-}
    if [[ -n "$note" ]]; then
        echo "| $label | – | – | – | – | $note |"
        return
    fi
    local min med rss ok failed=0 remark=
    read -r min med rss < <(stats "$key")
    ok=$( [[ -s "$TMP/$key.times" ]] && wc -l <"$TMP/$key.times" || echo 0)
    [[ -s "$TMP/$key.failed" ]] && failed=$(wc -l <"$TMP/$key.failed")
    (( failed == 0 )) || remark="FAILED in $failed run(s), exit $(sort -u "$TMP/$key.failed" | paste -sd, -)"
    echo "| $label | $ok | $min | $med | $rss | $remark |"
}

# ratio A B -> A/B to 2 decimals, or – when either is missing
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "–"; else printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT -> yes / no / –
verdict() {
    awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
        if (v == "–" || v == "-") { print "–"; exit }
        r = (op == "<=") ? (v + 0 <= t + 0) : (op == ">=") ? (v + 0 >= t + 0) : (v + 0 < t + 0)
        print r ? "yes" : "**no**" }'
}

# --- runs ---------------------------------------------------------------------------------------------
OUT=$TMP/report.md
{
    echo "## culturekit benchmark"
    echo
    echo "- $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown CPU)), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
    echo "- culturekit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes'); $(java -version 2>&1 | head -n 1)"
    [[ -z "$PYTHON" ]] || echo "- pandas $("$PYTHON" -c 'import pandas, numpy; print(pandas.__version__ + ", numpy " + numpy.__version__)') ($PYTHON)"
    [[ -z "$R_OK" ]] || echo "- $(Rscript -e 'cat(R.version.string, "; data.table", format(packageVersion("data.table")), "; psych", format(packageVersion("psych")))' 2>/dev/null)"
    echo "- culturekit started with: \`${CULTUREKIT_CMD:-bin/culturekit (the launcher)}\`"
    echo "- wall time min and median of $RUNS run(s); peak RSS is the largest of the runs (MB = 2^20 bytes); ratios on medians (on minima in brackets)"
    echo
} >"$OUT"

CK_RSS_FIRST= CK_RSS_LAST= FIRST_SIZE= LAST_SIZE=
for size in $SIZES; do
    csv=$TMP/survey-$size.csv
    say "generating $(commas "$size") rows"
    java -Dfile.encoding=UTF-8 bench/Generate.java "$size" "$csv" "$SEED" 2>/dev/null
    mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')

    for run in $(seq "$RUNS"); do
        if ! skipped culturekit; then
            rm -rf "$TMP/out"
            measure "culturekit.$size" "$run" "${CULTUREKIT[@]}" report -q bench/questionnaire.yaml -f json,md \
                -o "$TMP/out" "$csv" --quiet
        fi
        if ! skipped units; then
            # the same report and one per unit of a 3-level tree over the 40 departments (issue 26)
            rm -rf "$TMP/out"
            measure "units.$size" "$run" "${CULTUREKIT[@]}" report -q bench/questionnaire.yaml -f json,md \
                -o "$TMP/out" "$csv" --quiet --hierarchy bench/org-tree.csv --per-unit
        fi
        skipped parse-only || measure "parse-only.$size" "$run" java -cp "$JAR:$TMP/classes" ParseOnly "$csv"
        [[ -z "$PYTHON" ]] || measure "pandas.$size" "$run" "$PYTHON" bench/pandas_bench.py "$csv"
        [[ -z "$R_OK" ]] || measure "r.$size" "$run" Rscript bench/r_bench.R "$csv"
    done
    rm -rf "$TMP/out"
    [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -f "$csv"

    read -r _ ck _ < <(stats "culturekit.$size")
    read -r _ po _ < <(stats "parse-only.$size")
    read -r _ pd _ < <(stats "pandas.$size")
    read -r _ rr _ < <(stats "r.$size")
    read -r ckm _ ckrss < <(stats "culturekit.$size")
    read -r _ un _ < <(stats "units.$size")
    read -r unm _ unrss < <(stats "units.$size")
    read -r pom _ _ < <(stats "parse-only.$size")
    read -r pdm _ _ < <(stats "pandas.$size")
    read -r rrm _ _ < <(stats "r.$size")
    r1=$(ratio "$ck" "$po") r1m=$(ratio "$ckm" "$pom")
    r2=$(ratio "$pd" "$ck") r2m=$(ratio "$pdm" "$ckm")
    r3=$(ratio "$rr" "$ck") r3m=$(ratio "$rrm" "$ckm")
    r4=$(ratio "$un" "$ck") r4m=$(ratio "$unm" "$ckm")
    # the issue's targets are for the 1,000,000-row file; other sizes show the ratios only
    judge() { if (( size == 1000000 )); then verdict "$@"; else echo "n/a"; fi; }
    [[ -n "$FIRST_SIZE" ]] || { FIRST_SIZE=$size; CK_RSS_FIRST=$ckrss; }
    LAST_SIZE=$size CK_RSS_LAST=$ckrss
    {
        echo "### $(commas "$size") rows ($mb MB)"
        echo
        echo "| tool | runs | min (s) | median (s) | peak RSS (MB) | note |"
        echo "|---|---:|---:|---:|---:|---|"
        if skipped culturekit; then row "culturekit report -f json,md" "" "skipped (BENCH_SKIP)"
        else row "culturekit report -f json,md" "culturekit.$size"; fi
        if skipped units; then row "… --hierarchy bench/org-tree.csv --per-unit" "" "skipped (BENCH_SKIP)"
        else row "… --hierarchy bench/org-tree.csv --per-unit (55 units)" "units.$size"; fi
        if skipped parse-only; then row "parse-only (Commons CSV, 1 thread)" "" "skipped (BENCH_SKIP)"
        else row "parse-only (Commons CSV, 1 thread)" "parse-only.$size"; fi
        row "pandas (read_csv + groupby means + alpha)" "pandas.$size" "$PANDAS_NOTE"
        row "R (fread + psych::alpha + aggregate)" "r.$size" "$R_NOTE"
        echo
        echo "| ratio | value | target (1,000,000 rows) | met |"
        echo "|---|---:|---|---|"
        echo "| culturekit time / parse-only time | $r1 ($r1m) | ≤ 0.75 | $(judge "$r1" '<=' 0.75) |"
        echo "| pandas time / culturekit time | $r2 ($r2m) | ≥ 2.5 | $(judge "$r2" '>=' 2.5) |"
        echo "| R time / culturekit time | $r3 ($r3m) | ≥ 30 | $(judge "$r3" '>=' 30) |"
        echo "| culturekit peak RSS (MB) | $ckrss | < 300 | $(judge "$ckrss" '<' 300) |"
        echo "| --per-unit time / culturekit time | $r4 ($r4m) | ≤ 2 | $(judge "$r4" '<=' 2) |"
        echo "| --per-unit peak RSS (MB) | ${unrss:-} | < 300 | $(judge "${unrss:-}" '<' 300) |"
        echo
        outputs=
        for key in parse-only pandas r; do
            [[ -s "$TMP/logs/$key.$size.1.out" ]] && outputs+="- $key: \`$(tail -n 1 "$TMP/logs/$key.$size.1.out")\`"$'\n'
        done
        if [[ -n "$outputs" ]]; then
            echo "Outputs (first run):"
            echo
            printf '%s\n' "$outputs"
        fi
    } >>"$OUT"
done

if [[ "$FIRST_SIZE" != "$LAST_SIZE" ]] && ! skipped culturekit; then
    growth=$(ratio "$CK_RSS_LAST" "$CK_RSS_FIRST")
    {
        echo "### culturekit memory: $(commas "$LAST_SIZE") vs $(commas "$FIRST_SIZE") rows"
        echo
        echo "| peak RSS $(commas "$FIRST_SIZE") rows (MB) | peak RSS $(commas "$LAST_SIZE") rows (MB) | ratio | target | met |"
        echo "|---:|---:|---:|---|---|"
        met=n/a
        [[ "$FIRST_SIZE $LAST_SIZE" != "100000 1000000" ]] || met=$(verdict "$growth" '<=' 1.10)
        echo "| $CK_RSS_FIRST | $CK_RSS_LAST | $growth | ≤ 1.10 (1,000,000 vs 100,000 rows) | $met |"
        echo
    } >>"$OUT"
fi

if ! skipped example; then
    say "timing the 300-row example"
    # interleaved, so a busy spell on the machine hits both commands alike
    for run in $(seq "$EXAMPLE_RUNS"); do
        rm -rf "$TMP/out"
        measure example "$run" "${CULTUREKIT[@]}" report examples/survey.csv -o "$TMP/out" --quiet
        rm -rf "$TMP/out"
        measure example-jar "$run" java -jar "$JAR" report examples/survey.csv -o "$TMP/out" --quiet
    done
    read -r exmin exmed exrss < <(stats example)
    read -r jarmin jarmed jarrss < <(stats example-jar)
    runs() { [[ -s "$TMP/$1.times" ]] && wc -l <"$TMP/$1.times" || echo 0; }
    {
        echo "### 300-row example (\`report examples/survey.csv\`: bundled questionnaire, html, md and json)"
        echo
        echo "| command | runs | min (s) | median (s) | peak RSS (MB) | target | met |"
        echo "|---|---:|---:|---:|---:|---|---|"
        echo "| ${CULTUREKIT_CMD:-bin/culturekit} | $(runs example) | $exmin | $exmed | $exrss | < 0.6 s | $(verdict "$exmed" '<' 0.6) (median) |"
        echo "| java -jar culturekit.jar | $(runs example-jar) | $jarmin | $jarmed | $jarrss | | |"
        echo
    } >>"$OUT"
fi

if [[ -s "$FAILURES" ]]; then
    { echo "### Failures"; echo; cat "$FAILURES"; echo; } >>"$OUT"
fi
cat "$OUT"
[[ ! -s "$FAILURES" ]]
