#!/usr/bin/env bash
# The release build, the same locally and in .github/workflows/release.yml:
#   release/build.sh            -> dist/vault-ls.jar, dist/vault-ls (launcher),
#                                  dist/vault-ls-VERSION.vsix (universal: needs a Java), dist/SHA256SUMS
# Environment: RELEASE_TAG=vX.Y.Z  fail unless it names the version in pom.xml (the workflow sets it)
#              SKIP_TESTS=1         package without running mvn verify
#              SKIP_VSIX=1          no VSIX (a loud skip; npm is needed otherwise)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="$repo/dist"
cd "$repo"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
[ -n "$version" ] || { echo "release: no <version> in pom.xml" >&2; exit 1; }
if [ -n "${RELEASE_TAG:-}" ] && [ "$RELEASE_TAG" != "v$version" ]; then
  echo "release: tag $RELEASE_TAG does not match version $version in pom.xml" >&2
  exit 1
fi
client_version="$(sed -n 's|^  "version": "\(.*\)",|\1|p' vscode-client/package.json | head -n 1)"
if [ "$client_version" != "$version" ]; then
  echo "release: vscode-client/package.json has version $client_version, pom.xml $version" >&2
  exit 1
fi
echo "== vault-ls $version"

rm -rf "$dist"
mkdir -p "$dist"
if [ "${SKIP_TESTS:-}" = 1 ]; then
  mvn -B -q -ntp package -DskipTests
else
  mvn -B -q -ntp verify
fi
cp server/target/vault-ls.jar "$dist/vault-ls.jar"
cp release/vault-ls "$dist/vault-ls"
chmod +x "$dist/vault-ls"
"$dist/vault-ls" --version

if [ "${SKIP_VSIX:-}" = 1 ]; then
  echo "== SKIPPED: the VSIX (SKIP_VSIX=1)"
elif ! command -v npm >/dev/null 2>&1; then
  echo "release: npm is needed for the VSIX (or SKIP_VSIX=1)" >&2
  exit 1
else
  echo "== universal VSIX"
  (cd vscode-client && npm ci --no-audit --no-fund --loglevel=error \
    && VAULT_LS_JAR="$repo/server/target/vault-ls.jar" npm exec --no -- vsce package --out "$dist/vault-ls-$version.vsix")
fi

(cd "$dist" && sha256sum -- * | grep -v ' SHA256SUMS$' > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "== dist/"
cat "$dist/SHA256SUMS"
