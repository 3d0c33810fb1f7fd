#!/usr/bin/env bash
# Soak test of the language server's memory: minutes of an ordinary mixed session on a synthetic
# vault, with the server's live heap after a forced full collection measured at intervals.
#
#   bench/soak-bench.sh                         # 10k notes, 5 minutes, a sample every 30 s
#   MINUTES=15 INTERVAL=60 bench/soak-bench.sh
#   SERVER_OPTS="-Xmx512m" bench/soak-bench.sh  # the server in one JVM with these options
#
# Builds nothing: run `mvn -B -q package -DskipTests` first. The vault is generated once by
# org.vaultls.bench.GenerateVault into bench/out/vault-<notes>/ (shared with lsp-bench.sh and
# check-bench.sh, see vaults.sh). The run is org.vaultls.bench.SoakBench (see its Javadoc): one
# server process started as editors start it (`java -jar vault-ls.jar --stdio`, which forks the
# tuned child JVM users get; the heap is measured on that child), up to OPEN open notes, wikilinks
# typed letter by letter with a completion request per keystroke, hover, definition, references,
# symbols, prepareRename/rename (not applied), code actions, document links, folding ranges, line
# deletions, as fast as the server answers. Each sample: live heap (jcmd GC.class_histogram, which
# collects first), RSS, the server's CPU use in cores, the load average, and how long an edit takes
# to show in the diagnostics (the updater's lag). It ends with a RESULT json line, "plateaued" or
# "NO PLATEAU" for the live heap, and "kept up" or "BACKLOG" (an edit took over 5 s to show); the
# exit code is 1 for either failure. The first and last class histograms are kept in
# bench/out/soak-<date>/.
#
# Environment: NOTES (default 10000), SEED (42), MINUTES (5), INTERVAL (seconds, 30), OPEN (40),
#              TYPING (percent of session steps that type a link, 40), JAVA (java), SERVER_OPTS
#              (server JVM options, default none).
set -euo pipefail

cd "$(dirname "$0")/.."

NOTES=${NOTES:-10000}
SEED=${SEED:-42}
MINUTES=${MINUTES:-5}
INTERVAL=${INTERVAL:-30}
OPEN=${OPEN:-40}
TYPING=${TYPING:-40}
JAVA=${JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-}
JAR=server/target/vault-ls.jar
BENCH_JAR=bench/target/vault-ls-bench.jar
OUT=bench/out

die() { echo "soak-bench: $*" >&2; exit 1; }

[[ -f $JAR && -f $BENCH_JAR ]] || die "$JAR or $BENCH_JAR not found; build them first with: mvn -B -q package -DskipTests"
[[ $NOTES =~ ^[0-9]+$ ]] || die "NOTES must be a note count, got '$NOTES'"
command -v "$JAVA" > /dev/null || die "'$JAVA' not found on PATH"
command -v jcmd > /dev/null || [[ -x "$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd" ]] \
    || die "jcmd not found: the soak needs a JDK to measure the server's heap"

mkdir -p "$OUT"
# ensure_vaults and ensure_vault
source bench/vaults.sh  # the working directory is the repository root
ensure_vaults "$NOTES"

run=$OUT/soak-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$run"
echo "soak-bench: $MINUTES min on $OUT/vault-$NOTES, histograms and server log in $run" >&2
rc=0
"$JAVA" -cp "$BENCH_JAR:$JAR" org.vaultls.bench.SoakBench "$OUT/vault-$NOTES" --minutes "$MINUTES" \
    --interval "$INTERVAL" --open "$OPEN" --typing "$TYPING" --server-opts "$SERVER_OPTS" \
    --histograms "$run" --log "$run/server.log" | tee "$run/report.txt" || rc=$?
echo "($("$JAVA" -version 2>&1 | sed -n 1p); $(nproc 2> /dev/null || echo '?') CPUs)" | tee -a "$run/report.txt"
exit "$rc"
