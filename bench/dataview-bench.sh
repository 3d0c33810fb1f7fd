#!/usr/bin/env bash
# Benchmarks the Dataview engine: the seeds' three queries on person notes of a synthetic vault.
#
#   bench/dataview-bench.sh                       # 10k notes, 20 person notes, 15 runs each
#   SIZES="1000 10000" PEOPLE=50 RUNS=30 bench/dataview-bench.sh
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Vaults are generated once by
# org.vaultls.bench.GenerateVault (deterministic, seed $SEED) into bench/out/vault-<notes>/ and reused
# (see bench/vaults.sh). One JVM per vault size loads the vault as `check` does, then times parse +
# evaluation of every dataview block of the picked person notes in process (org.vaultls.bench.DataviewBench):
# median and p95 per block, with the load average.
#
#   MODE=editor bench/dataview-bench.sh           # the editor's view: hovers and code lenses
#
# MODE=editor runs org.vaultls.bench.DataviewEditorBench instead: in process over the server's feature
# classes (its shared block-result cache included, no JSON-RPC), hovers on each block of ITERATIONS
# person notes (first seen, then cached) and their code lenses (after an edit of the person's note, again,
# after an edit of a daily note): median, p95 and max, with the load average.
#
# Environment: MODE (engine or editor; default engine), SIZES (default 10000), PEOPLE (default 20),
#              RUNS (default 15), WARMUP (default 10; editor: 30 person notes), ITERATIONS (editor only,
#              default 100 person notes), SEED (default 42), JAVA (default java), JAVA_OPTS (extra JVM
#              flags, default none).
set -euo pipefail

cd "$(dirname "$0")/.."

MODE=${MODE:-engine}
SIZES=${SIZES:-10000}
PEOPLE=${PEOPLE:-20}
RUNS=${RUNS:-15}
ITERATIONS=${ITERATIONS:-100}
case $MODE in
    engine) WARMUP=${WARMUP:-10} ;;
    editor) WARMUP=${WARMUP:-30} ;;
    *) echo "dataview-bench: MODE must be engine or editor, got '$MODE'" >&2; exit 1 ;;
esac
SEED=${SEED:-42}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=server/target/vault-ls.jar
BENCH_JAR=bench/target/vault-ls-bench.jar
OUT=bench/out

die() { echo "dataview-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
[[ $PEOPLE =~ ^[1-9][0-9]*$ ]] || die "PEOPLE must be a positive integer, got '$PEOPLE'"
[[ $ITERATIONS =~ ^[1-9][0-9]*$ ]] || die "ITERATIONS must be a positive integer, got '$ITERATIONS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a whole number, got '$WARMUP'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"
mkdir -p "$OUT"

# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
ensure_vaults $SIZES  # one vault per note count, split on spaces
for notes in $SIZES; do
    echo "== $notes notes, $MODE"
    if [[ $MODE == editor ]]; then
        # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
        "$JAVA" $JAVA_OPTS -cp "$BENCH_JAR:$JAR" org.vaultls.bench.DataviewEditorBench "$OUT/vault-$notes" \
            --iterations "$ITERATIONS" --warmup "$WARMUP"
    else
        # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
        "$JAVA" $JAVA_OPTS -cp "$BENCH_JAR:$JAR" org.vaultls.bench.DataviewBench "$OUT/vault-$notes" \
            --people "$PEOPLE" --runs "$RUNS" --warmup "$WARMUP"
    fi
done
