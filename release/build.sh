#!/usr/bin/env bash
# The release build, one command: the server jar, the `vault-ls` launcher script, the universal VSIX
# (needs a Java 17+), the per-platform VSIXs with a jlinked runtime, and SHA256SUMS, into dist/.
#
# Usage: release/build.sh [TARGET...]   TARGETs: vsce's platform names (linux-x64, darwin-arm64,
#   win32-x64, ...); default: this machine's. Each platform VSIX needs that platform's JDK 17 jmods
#   (scripts/package-platform.sh: VAULT_LS_JMODS); its base CDS archive is made only on that platform,
#   so the release workflow builds each target on its own OS.
# Environment: VAULT_LS_RELEASE_SKIP_JAR=1 uses server/target/vault-ls.jar as built;
#   VAULT_LS_RELEASE_SKIP_UNIVERSAL=1 builds only the platform VSIXs (the workflow's other OSes);
#   MVN_FLAGS (e.g. -o for offline).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=$REPO/dist
CLIENT=$REPO/vscode-client
cd "$REPO"

if [ "$#" -eq 0 ]; then
  set -- "$(node -p "process.platform + '-' + process.arch")"
fi
mkdir -p "$DIST"
rm -f "$DIST"/*.vsix "$DIST"/SHA256SUMS

if [ "${VAULT_LS_RELEASE_SKIP_JAR:-}" != 1 ]; then
  echo "== release: server jar"
  # shellcheck disable=SC2086
  mvn -B -q -ntp ${MVN_FLAGS:-} clean package -DskipTests
fi
JAR=$REPO/server/target/vault-ls.jar
[ -f "$JAR" ] || { echo "release: $JAR was not built" >&2; exit 1; }
cp "$JAR" "$DIST/vault-ls.jar"
cp "$REPO/release/vault-ls" "$DIST/vault-ls"
chmod +x "$DIST/vault-ls"

echo "== release: extension (npm ci, unit tests)"
(cd "$CLIENT" && npm ci --no-audit --no-fund --loglevel=error && npm test --silent >/dev/null)
VERSION=$(node -p "require('$CLIENT/package.json').version")
export VAULT_LS_JAR=$JAR
if [ "${VAULT_LS_RELEASE_SKIP_UNIVERSAL:-}" != 1 ]; then
  echo "== release: universal VSIX (needs a Java 17+)"
  (cd "$CLIENT" && npx --no -- vsce package --out "$DIST/vault-ls-$VERSION.vsix")
fi
for target in "$@"; do
  echo "== release: $target VSIX (bundled runtime)"
  VAULT_LS_VSIX_OUT="$DIST/vault-ls-$target-$VERSION.vsix" "$CLIENT/scripts/package-platform.sh" "$target"
done

echo "== release: checksums"
sums=$(cd "$DIST" && if command -v sha256sum >/dev/null; then sha256sum -- *; else shasum -a 256 -- *; fi)
printf '%s\n' "$sums" > "$DIST/SHA256SUMS"
cat "$DIST/SHA256SUMS"
ls -l "$DIST"
