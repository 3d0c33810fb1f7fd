#!/usr/bin/env bash
# Benchmarks the language server (`vault-ls --stdio`) from the client's side on synthetic vaults.
#
#   bench/lsp-bench.sh                                   # 10k notes, 3 runs, two JVM configurations, cold, warm, edit1
#   SIZES="10000 50000" RUNS=5 bench/lsp-bench.sh
#   SERVER_OPTS="-Xmx1g" ALT_SERVER_OPTS= bench/lsp-bench.sh    # one configuration only
#
# The second configuration, by default "-XX:+UseSerialGC -XX:TieredStopAtLevel=1", is the one found to
# matter (10k notes, 2 CPUs): the serial collector keeps the heap near the live set (peak RSS ~350 MB
# instead of ~1 GB with G1's default sizing on a large machine), and C1-only compilation halves the
# server's CPU time during the cold start (the C2 compiler threads compete with parsing), at the price
# of ~30% slower references and workspace symbols once warm.
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Vaults are generated once by
# org.vaultls.bench.GenerateVault into bench/out/vault-<notes>/ (shared with check-bench.sh, same
# reuse rule: note count, seed and generator classes in the jar unchanged, see
# bench/out/vault-<notes>.params). Before the runs every note is read once (`cat`), so the disk cache
# is warm, as when an editor reopens a vault it just had open; LspBench reads them again itself.
#
# Each run is org.vaultls.bench.LspBench (see its Javadoc): a fresh server process spoken to over
# stdio, timed from outside: initialize -> first correct [[ completion, completion/hover/references/
# workspace-symbol latencies, didChange -> publishDiagnostics, peak RSS (VmHWM), clean exit. The table
# shows the median over RUNS of each run's figure (a run's p95 is over its ITERATIONS requests).
#
# Modes: cold starts every server with the note cache off (VAULT_LS_NO_CACHE=1); warm gives the servers
# a cache (in a temporary XDG_CACHE_HOME, never the user's) filled by one unmeasured run, nothing changed;
# edit1 does the same on a copy of the vault and, before each run, edits 1% of its notes (as check-bench's
# edit1), so those are parsed again and the rest come from the cache.
#
# The targets column is issue 12's for 10k and 100k notes ("-" for other sizes). With more than one size
# the table ends with each size's figures over the first size's, so scaling shows in one run.
#
# Environment: SIZES (default "10000"), RUNS (default 3), SEED (default 42), ITERATIONS (default 200),
#              MODES (default "cold warm edit1"),
#              JAR and BENCH_JAR (the jars to run, default server/target/vault-ls.jar and
#              bench/target/vault-ls-bench.jar: copy them elsewhere to rebuild during a run),
#              JAVA (default java), SERVER_OPTS (server JVM flags, default none), ALT_SERVER_OPTS (a
#              second configuration run alongside, default "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";
#              empty to skip it).
set -euo pipefail

cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000"}
RUNS=${RUNS:-3}
SEED=${SEED:-42}
ITERATIONS=${ITERATIONS:-200}
MODES=${MODES:-"cold warm edit1"}
JAVA=${JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-}
ALT_SERVER_OPTS=${ALT_SERVER_OPTS-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
JAR=${JAR:-server/target/vault-ls.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/vault-ls-bench.jar}
OUT=bench/out

die() { echo "lsp-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
[[ $ITERATIONS =~ ^[1-9][0-9]*$ ]] || die "ITERATIONS must be a positive integer, got '$ITERATIONS'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"
[[ -r /proc/self/status ]] || echo "lsp-bench: no /proc: peak RSS will read n/a" >&2

mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
# The number after "key": in a flat JSON line; "null" when absent.
json_number() {
    grep -o "\"$1\":[-0-9.enull]*" | sed -n 1p | cut -d : -f 2
}

# Median of the numbers on stdin ("null" lines ignored); "n/a" when there are none.
median() {
    grep -v '^null$' | sort -g | awk '{ v[NR] = $1 }
        END { if (NR == 0) { print "n/a"; exit }
              m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}

# One LspBench run in a mode (cold: no note cache; warm: the bench's cache), output in $tmp/out.
lsp_once() {
    local mode=$1 dir=$2 opts=$3 iterations=$4
    local -a env=(XDG_CACHE_HOME="$tmp/cache")
    [[ $mode == cold ]] && env+=(VAULT_LS_NO_CACHE=1)
    env "${env[@]}" "$JAVA" -cp "$BENCH_JAR:$JAR" org.vaultls.bench.LspBench "$dir" --server-opts "$opts" \
        --iterations "$iterations" --log "$tmp/server.log" > "$tmp/out" 2> "$tmp/err"
}

# Runs LspBench RUNS times on one vault under one configuration and mode; RESULT lines go to
# $tmp/<notes>.<cfg>.
bench_vault() {
    local notes=$1 cfg=$2 opts=$3 mode=$4 dir=$OUT/vault-$1 i rc line
    : > "$tmp/$notes.$cfg"
    case $mode in
        cold) ;;
        warm) rm -rf "$tmp/cache"; lsp_once warm "$dir" "$opts" 5 || die "the run filling the cache failed: $(cat "$tmp/err")" ;;
        edit1)
            rm -rf "$tmp/cache" "$tmp/edit"
            cp -r "$dir" "$tmp/edit"
            dir=$tmp/edit
            find "$dir" -name '*.md' | sort | awk 'NR % 100 == 0' > "$tmp/edited"
            lsp_once warm "$dir" "$opts" 5 || die "the run filling the cache failed: $(cat "$tmp/err")" ;;
        *) die "unknown mode '$mode' (cold, warm, edit1)" ;;
    esac
    for ((i = 1; i <= RUNS; i++)); do
        if [[ $mode == edit1 ]]; then
            while IFS= read -r f; do printf '\nEdited in run %d, see [[Missing %d]].\n' "$i" "$i" >> "$f"; done < "$tmp/edited"
        fi
        rc=0
        lsp_once "$([[ $mode == cold ]] && echo cold || echo warm)" "$dir" "$opts" "$ITERATIONS" || rc=$?
        if [[ $rc -ne 0 ]]; then
            echo "lsp-bench: LspBench on $dir (server options '${opts}') exited with $rc:" >&2
            cat "$tmp/err" >&2
            tail -n 30 "$tmp/out" >&2
            exit 1
        fi
        line=$(grep '^RESULT ' "$tmp/out" | tail -n 1)
        [[ -n $line ]] || die "LspBench printed no RESULT line; its output: $(cat "$tmp/out")"
        echo "$line" >> "$tmp/$notes.$cfg"
        echo "  $notes notes, $mode, ${opts:-default JVM}, run $i/$RUNS: $(echo "$line" | awk '
            function v(k,   m) { if (match($0, "\"" k "\":[-0-9.]+")) { m = substr($0, RSTART, RLENGTH); sub(/.*:/, "", m); return m } return "?" }
            { printf "first completion %s ms, completion p95 %s ms, hover p50 %s ms, diagnostics p50 %s ms, peak RSS %s MB",
                v("firstCompletionFromStartMs"), v("completionP95Ms"), v("hoverP50Ms"), v("diagnosticsP50Ms"), v("peakRssMb") }')" >&2
    done
}

# The median of one key over a configuration's runs on a vault size ("n/a" when absent).
median_of() {
    while read -r l; do echo "$l" | json_number "$2"; done < "$tmp/$1.$3" | median
}

# One table row: label, target (issue 12's "10k|100k" pair: the one for this size), then the median of
# the key for each configuration.
row() {
    local notes=$1 label=$2 target=$3 key=$4 fmt=$5 cfg m
    case $notes in
        10000) target=${target%%|*} ;;
        100000) target=${target##*|} ;;
        *) [[ -n $target ]] && target=- ;;
    esac
    printf '%-44s %-14s' "$label" "$target"
    for cfg in "${CFGS[@]}"; do
        m=$(median_of "$notes" "$key" "$cfg")
        if [[ $m == n/a ]]; then
            printf ' %22s' "n/a"
        else
            printf " %22s" "$(awk -v m="$m" -v f="$fmt" 'BEGIN { printf f, m }')"
        fi
    done
    echo
}

# One ratio row: the key's median at this size over the first size's, per configuration.
ratio_row() {
    local notes=$1 base=$2 label=$3 key=$4 cfg m b
    printf '%-44s' "$label"
    for cfg in "${CFGS[@]}"; do
        m=$(median_of "$notes" "$key" "$cfg")
        b=$(median_of "$base" "$key" "$cfg")
        if [[ $m == n/a || $b == n/a ]]; then
            printf ' %22s' "n/a"
        else
            printf " %22s" "$(awk -v m="$m" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", m / b; else print "-" }')"
        fi
    done
    echo
}

# a configuration is a mode and JVM options: cold-a, warm-a, cold-b, ...
CFGS=()
CFG_OPTS=()
CFG_MODES=()
for mode in $MODES; do
    CFGS+=("$mode-a")
    CFG_OPTS+=("$SERVER_OPTS")
    CFG_MODES+=("$mode")
    if [[ -n $ALT_SERVER_OPTS && $ALT_SERVER_OPTS != "$SERVER_OPTS" ]]; then
        CFGS+=("$mode-b")
        CFG_OPTS+=("$ALT_SERVER_OPTS")
        CFG_MODES+=("$mode")
    fi
done

ensure_vaults $SIZES  # one vault per note count, split on spaces
for notes in $SIZES; do
    # warm disk cache: the listing and every note's bytes
    find "$OUT/vault-$notes" -type f -name '*.md' -exec cat {} + > /dev/null
    for c in "${!CFGS[@]}"; do
        bench_vault "$notes" "${CFGS[$c]}" "${CFG_OPTS[$c]}" "${CFG_MODES[$c]}"
    done
done

echo
echo "vault-ls language server, median of $RUNS runs, $ITERATIONS requests per kind per run" \
    "($("$JAVA" -version 2>&1 | sed -n 1p); $(nproc 2> /dev/null || echo '?') CPUs, load average" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo '?'))"
for c in "${!CFGS[@]}"; do
    echo "  ${CFGS[$c]}: server JVM options ${CFG_OPTS[$c]:-(none, JVM defaults)}"
done
for notes in $SIZES; do
    mb=$(find "$OUT/vault-$notes" -type f -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
    echo
    echo "$notes notes ($mb MB)"
    printf '%-44s %-14s' metric target
    for c in "${!CFGS[@]}"; do
        printf ' %22s' "${CFGS[$c]}"
    done
    echo
    row "$notes" "initialize answered (from start)" "" initializeMs "%.0f ms"
    row "$notes" "status ready: index + all findings (start)" "" statusReadyMs "%.0f ms"
    row "$notes" "first correct [[ completion (from start)" "<= 600 ms|<= 1500 ms" firstCompletionFromStartMs "%.0f ms"
    row "$notes" "  from the initialize request" "" firstCompletionFromInitializeMs "%.0f ms"
    row "$notes" "  server CPU time until then" "" firstCompletionCpuMs "%.0f ms"
    row "$notes" "completion p50" "" completionP50Ms "%.1f ms"
    row "$notes" "completion p95" "<= 10 ms|<= 20 ms" completionP95Ms "%.1f ms"
    row "$notes" "  [[ wikilink p95" "" completionLinkP95Ms "%.1f ms"
    row "$notes" "  @ owner p95" "" completionOwnerP95Ms "%.1f ms"
    row "$notes" "  # tag p95" "" completionTagP95Ms "%.1f ms"
    row "$notes" "typing [[Name: didChange + completion p95" "" typingP95Ms "%.1f ms"
    row "$notes" "hover p50" "" hoverP50Ms "%.1f ms"
    row "$notes" "hover p95" "" hoverP95Ms "%.1f ms"
    row "$notes" "didChange -> diagnostics p50" "<= 40 ms|<= 60 ms" diagnosticsP50Ms "%.1f ms"
    row "$notes" "didChange -> diagnostics p95" "" diagnosticsP95Ms "%.1f ms"
    row "$notes" "references p50" "" referencesP50Ms "%.1f ms"
    row "$notes" "workspace/symbol p50" "" workspaceSymbolP50Ms "%.1f ms"
    row "$notes" "peak RSS (VmHWM)" "<= 350 MB|<= 1.5 GB" peakRssMb "%.0f MB"
    row "$notes" "exit code after shutdown + exit" "0|0" exitCode "%d"
done
# Scaling: each size's medians over the first size's (10x the notes and 10.00 here is linear).
read -r -a sizes <<< "$SIZES"
if (( ${#sizes[@]} > 1 )); then
    base=${sizes[0]}
    for notes in "${sizes[@]:1}"; do
        echo
        printf '%-44s' "ratio $notes/$base"
        for c in "${!CFGS[@]}"; do
            printf ' %22s' "${CFGS[$c]}"
        done
        echo
        ratio_row "$notes" "$base" "status ready: index + all findings" statusReadyMs
        ratio_row "$notes" "$base" "first correct [[ completion" firstCompletionFromStartMs
        ratio_row "$notes" "$base" "completion p50" completionP50Ms
        ratio_row "$notes" "$base" "completion p95" completionP95Ms
        ratio_row "$notes" "$base" "hover p50" hoverP50Ms
        ratio_row "$notes" "$base" "didChange -> diagnostics p50" diagnosticsP50Ms
        ratio_row "$notes" "$base" "peak RSS (VmHWM)" peakRssMb
    done
fi
