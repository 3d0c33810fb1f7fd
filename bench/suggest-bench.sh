#!/usr/bin/env bash
# Benchmarks the "did you mean" look-up of broken links (org.vaultls.bench.SuggestBench): the generated
# vault's note names, queried with every distinct broken wikilink target, several passes, with check's
# JIT flags by default.
#
#   bench/suggest-bench.sh                                # 10k and 100k notes
#   SIZES=100000 PASSES=9 bench/suggest-bench.sh
#   JAR=/tmp/old-vault-ls.jar bench/suggest-bench.sh      # another build, to compare
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. Vaults are generated once by
# org.vaultls.bench.GenerateVault into bench/out/vault-<notes>/ and reused (see bench/vaults.sh).
#
# Environment: SIZES (default "10000 100000"), PASSES (default 5), SEED (default 42), JAVA (default
#              java), JAVA_OPTS (default "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", as check's JVM),
#              JAR, BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}
PASSES=${PASSES:-5}
SEED=${SEED:-42}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
JAR=${JAR:-server/target/vault-ls.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/vault-ls-bench.jar}
OUT=bench/out

die() { echo "suggest-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ $PASSES =~ ^[1-9][0-9]*$ ]] || die "PASSES must be a positive integer, got '$PASSES'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"
mkdir -p "$OUT"

# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
ensure_vaults $SIZES  # one vault per note count, split on spaces
for notes in $SIZES; do
    echo "== $notes notes"
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
    "$JAVA" $JAVA_OPTS -cp "$BENCH_JAR:$JAR" org.vaultls.bench.SuggestBench "$OUT/vault-$notes" --passes "$PASSES"
done
