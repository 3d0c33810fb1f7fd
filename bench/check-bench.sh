#!/usr/bin/env bash
# Benchmarks `vault-ls check` on synthetic vaults.
#
#   bench/check-bench.sh                      # 10k and 50k notes, 5 runs each
#   SIZES="10000 50000 100000" RUNS=3 bench/check-bench.sh   # and the ratios 50k/10k, 100k/10k
#   RUNS=10 SIZES="1000 10000" bench/check-bench.sh
#   MODES=cold bench/check-bench.sh           # only without the note cache
#
# Modes: cold runs `check --no-cache`; warm runs with the note cache filled by one unmeasured run
# and nothing changed; edit1 edits 1% of the notes (of a copy of the vault) before each run, so
# those are parsed and the rest come from the cache. The cache lives in a temporary
# XDG_CACHE_HOME, never the user's.
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Vaults are generated once by
# org.vaultls.bench.GenerateVault (deterministic, seed $SEED) into bench/out/vault-<notes>/ and
# reused while note count, seed and generator classes in the jar are unchanged (recorded in
# bench/out/vault-<notes>.params). Each run is a fresh JVM timed by GNU time:
# wall seconds and peak resident set size. Exit code 1 from `check` (findings exist) is expected.
#
# Environment: SIZES (default "10000 50000"), RUNS (default 5), SEED (default 42),
#              MODES (default "cold warm edit1"),
#              JAVA (default java), JAVA_OPTS (extra JVM flags for the checked runs, default none),
#              JAR (the vault-ls jar, default server/target/vault-ls.jar: another build to compare),
#              BENCH_JAR (the generator's jar, default bench/target/vault-ls-bench.jar),
#              VAULT_LS_TIMING=1 (also print each run's phase timings from check's stderr).
set -euo pipefail

cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 50000"}
RUNS=${RUNS:-5}
MODES=${MODES:-"cold warm edit1"}
SEED=${SEED:-42}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=${JAR:-server/target/vault-ls.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/vault-ls-bench.jar}
OUT=bench/out

die() { echo "check-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) not found; install it, e.g. apt-get install time"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"

mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median and min of the numbers on stdin, one per line: prints "median min"
median_min() {
    sort -g | awk '{ v[NR] = $1 }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1] }'
}

# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
# Runs `check` once on a vault folder with the bench's cache; extra arguments go to check.
check_once() {
    local dir=$1 rc=0
    shift
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
    XDG_CACHE_HOME=$tmp/cache /usr/bin/time -f '%e %M' -o "$tmp/time" \
        "$JAVA" $JAVA_OPTS -jar "$JAR" check "$dir" --format json "$@" > /dev/null 2> "$tmp/stderr" || rc=$?
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
        echo "check-bench: 'vault-ls check $dir' exited with $rc; its stderr:" >&2
        tail -n 20 "$tmp/stderr" >&2
        exit 1
    fi
}

# Runs `check` RUNS times on one vault in one mode; appends "wall_s rss_kb" lines to $tmp/<notes>-<mode>.
bench_vault() {
    local notes=$1 mode=$2 dir=$OUT/vault-$1 i args=()
    : > "$tmp/$notes-$mode"
    case $mode in
        cold) args=(--no-cache) ;;
        warm) check_once "$dir" ;;
        edit1)
            rm -rf "$tmp/edit"
            cp -r "$dir" "$tmp/edit"
            dir=$tmp/edit
            find "$dir" -name '*.md' | sort | awk 'NR % 100 == 0' > "$tmp/edited"
            check_once "$dir" ;;
        *) die "unknown mode '$mode' (cold, warm, edit1)" ;;
    esac
    for ((i = 1; i <= RUNS; i++)); do
        if [[ $mode == edit1 ]]; then
            while IFS= read -r f; do printf '\nEdited in run %d, see [[Missing %d]].\n' "$i" "$i" >> "$f"; done < "$tmp/edited"
        fi
        check_once "$dir" "${args[@]}"
        # On a non-zero exit GNU time first writes "Command exited with non-zero status N".
        tail -n 1 "$tmp/time" >> "$tmp/$notes-$mode"
        echo "  $notes notes, $mode, run $i/$RUNS: $(tail -n 1 "$tmp/time" | awk '{ printf "%.2f s, %.0f MB", $1, $2 / 1024 }')" >&2
        if [[ -n ${VAULT_LS_TIMING:-} && ${VAULT_LS_TIMING} != 0 ]]; then
            grep 'vault-ls: timing' "$tmp/stderr" | sed 's/^/    /' >&2 || true
        fi
    done
}

ensure_vaults $SIZES  # one vault per note count, split on spaces
for notes in $SIZES; do
    for mode in $MODES; do
        bench_vault "$notes" "$mode"
    done
done

echo
echo "vault-ls check, $RUNS runs per vault and mode ($("$JAVA" -version 2>&1 | sed -n 1p)); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
printf '%8s %6s %8s %14s %12s %10s %15s %9s\n' notes mode MB "median wall s" "min wall s" notes/s "median RSS MB" "/ cold"
for notes in $SIZES; do
    # bytes of note content (what check reads), not allocated blocks
    mb=$(find "$OUT/vault-$notes" -type f -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
    cold=
    for mode in $MODES; do
        read -r wall_median wall_min < <(awk '{ print $1 }' "$tmp/$notes-$mode" | median_min)
        read -r rss_median _ < <(awk '{ print $2 }' "$tmp/$notes-$mode" | median_min)
        [[ $mode == cold ]] && cold=$wall_median
        echo "$wall_median $rss_median" > "$tmp/median-$notes-$mode"
        awk -v n="$notes" -v mode="$mode" -v mb="$mb" -v med="$wall_median" -v min="$wall_min" -v rss="$rss_median" \
            -v cold="$cold" 'BEGIN {
            ratio = (cold != "" && cold > 0) ? sprintf("%.2f", med / cold) : "-"
            printf "%8d %6s %8s %14.2f %12.2f %10.0f %15.0f %9s\n", n, mode, mb, med, min, (med > 0 ? n / med : 0), rss / 1024, ratio
        }'
    done
done
# Scaling: each size's medians over the first size's, so growth shows in one run (1.00 per note = linear).
read -r -a sizes <<< "$SIZES"
if (( ${#sizes[@]} > 1 )); then
    base=${sizes[0]}
    echo
    printf '%-16s %6s %12s %12s %14s\n' ratio mode "wall ratio" "RSS ratio" "wall per note"
    for notes in "${sizes[@]:1}"; do
        for mode in $MODES; do
            read -r w r < "$tmp/median-$notes-$mode"
            read -r bw br < "$tmp/median-$base-$mode"
            awk -v label="$notes/$base" -v mode="$mode" -v w="$w" -v bw="$bw" -v r="$r" -v br="$br" -v n="$notes" -v b="$base" 'BEGIN {
                printf "%-16s %6s %12.2f %12.2f %14.2f\n", label, mode, w / bw, r / br, (w / bw) / (n / b)
            }'
        done
    done
fi
