#!/usr/bin/env bash
# Benchmarks code lenses, semantic tokens and inlay hints on a large open note, and what each adds to
# didChange -> publishDiagnostics, against the language server over stdio (org.vaultls.bench.FeatureBench).
#
#   bench/feature-bench.sh                          # 10k notes, a 500-heading note, 200 requests per row
#   SIZES="10000 50000" ITERATIONS=100 bench/feature-bench.sh
#   SERVER_OPTS="-XX:+FlightRecorder -XX:StartFlightRecording=filename=/tmp/fb.jfr" bench/feature-bench.sh
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Vaults are generated once by
# org.vaultls.bench.GenerateVault into bench/out/vault-<notes>/ and reused (see bench/vaults.sh); the
# bench copies the vault to a temporary folder and adds its large note and the notes linking into its
# headings to the copy only, so bench/out/ stays as the other benchmarks expect it. One run per size:
# the table gives median and p95 per row (see FeatureBench's Javadoc for what each row times) and the
# load average at the start and the end, then a RESULT {json} line.
#
# Environment: SIZES (default 10000), ITERATIONS (default 200), WARMUP (default 20), HEADINGS (default
#              500), SEED (default 42, the vault's), JAVA (default java), SERVER_OPTS (server JVM flags,
#              default none: `java -jar` as editors start it).
set -euo pipefail

cd "$(dirname "$0")/.."

SIZES=${SIZES:-10000}
ITERATIONS=${ITERATIONS:-200}
WARMUP=${WARMUP:-20}
HEADINGS=${HEADINGS:-500}
SEED=${SEED:-42}
JAVA=${JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-}
JAR=${JAR:-server/target/vault-ls.jar}
BENCH_JAR=bench/target/vault-ls-bench.jar
OUT=bench/out

die() { echo "feature-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ $ITERATIONS =~ ^[1-9][0-9]*$ ]] || die "ITERATIONS must be a positive integer, got '$ITERATIONS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer, got '$WARMUP'"
[[ $HEADINGS =~ ^[1-9][0-9]+$ ]] || die "HEADINGS must be an integer >= 10, got '$HEADINGS'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"
mkdir -p "$OUT"

# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
ensure_vaults $SIZES  # one vault per note count, split on spaces
for notes in $SIZES; do
    echo "== $notes notes"
    "$JAVA" -cp "$BENCH_JAR:$JAR" org.vaultls.bench.FeatureBench "$OUT/vault-$notes" --server-opts "$SERVER_OPTS" \
        --iterations "$ITERATIONS" --warmup "$WARMUP" --headings "$HEADINGS" --log "$OUT/feature-bench-$notes.log"
done
