#!/usr/bin/env bash
# Builds the per-platform VSIX that needs no Java: a runtime jlinked from the modules the server jar
# needs goes into the extension's jre/ folder, then `vsce package --target TARGET` packs it.
# The universal VSIX (`vsce package`, no runtime) is unchanged; jre/ is removed again afterwards.
#
# Usage: scripts/package-platform.sh TARGET      (TARGET: linux-x64, linux-arm64, darwin-x64,
#        darwin-arm64, win32-x64, ...; vsce's target names)
#
# Needs a JDK 17 with jlink (JAVA_HOME, else jlink on PATH) and the server jar (server/target/vault-ls.jar
# or VAULT_LS_JAR). The runtime is linked from the jmods of that JDK, which must be a JDK for TARGET,
# or from VAULT_LS_JMODS, the jmods folder of a JDK 17 for TARGET (same version as the jlink used).
# Writes vault-ls-TARGET-VERSION.vsix into the extension folder (or VAULT_LS_VSIX_OUT).
set -euo pipefail

TARGET=${1:?usage: package-platform.sh TARGET (e.g. linux-x64)}
CLIENT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Found with jdeps and checked at run time (check on test-vault, the e2e test, the launcher's child JVM
# and its CDS archive): java.logging for java.util.logging (vault-ls and lsp4j), java.management for the
# launcher's RuntimeMXBean, jdk.unsupported (28 KB) for gson's sun.misc.Unsafe fallback on classes
# without a no-argument constructor. jdeps also names java.desktop (snakeyaml's bean introspector,
# jackson's optional java.beans support, flexmark's image helpers), java.sql (gson's and jackson's
# optional java.sql.Date support) and java.compiler (errorprone annotations): all unused paths.
MODULES=${VAULT_LS_JRE_MODULES:-java.base,java.logging,java.management,jdk.unsupported}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
  JLINK=$JAVA_HOME/bin/jlink
else
  JLINK=$(command -v jlink) || { echo "package-platform: no jlink (set JAVA_HOME to a JDK 17)" >&2; exit 1; }
  JLINK=$(readlink -f "$JLINK")
fi
JDK_HOME_DIR=$(dirname "$(dirname "$JLINK")")
JMODS=${VAULT_LS_JMODS:-$JDK_HOME_DIR/jmods}
[ -f "$JMODS/java.base.jmod" ] || {
  echo "package-platform: no $JMODS/java.base.jmod (on Debian: apt-get install openjdk-17-jdk-headless; or set VAULT_LS_JMODS)" >&2
  exit 1
}

JRE=$CLIENT/jre
cleanup() { rm -rf "$JRE"; }
trap cleanup EXIT
rm -rf "$JRE"
"$JLINK" --module-path "$JMODS" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$JRE"

# The launcher forks a child JVM that writes a dynamic CDS archive (cli/ClassArchive), which needs a
# base CDS archive: jlink makes none. It can only be dumped by the runtime itself, so on its own
# platform; a runtime for another platform goes without (the release workflow builds each on its OS).
host=$(node -p "process.platform + '-' + process.arch")
if [ "$host" = "$TARGET" ]; then
  exe=$JRE/bin/java
  "$exe" -Xshare:dump -Xlog:disable >/dev/null
else
  echo "package-platform: $TARGET is not this machine ($host): no base CDS archive in the runtime" >&2
fi
echo "package-platform: runtime $MODULES: $(du -sh "$JRE" | cut -f1)"

cd "$CLIENT"
VERSION=$(node -p "require('./package.json').version")
OUT=${VAULT_LS_VSIX_OUT:-$CLIENT/vault-ls-$TARGET-$VERSION.vsix}
npx --no -- vsce package --target "$TARGET" --out "$OUT"
echo "package-platform: $OUT ($(du -h "$OUT" | cut -f1))"
