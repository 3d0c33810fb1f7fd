#!/usr/bin/env bash
# Headless end-to-end test of the Neovim plugin: a real Neovim, the real server jar, a copy of
# test-vault. Needs server/target/vault-ls.jar (mvn -B package or verify). Installs Debian's neovim
# when nvim is missing. Runs the test once per client API the Neovim has (0.11+: vim.lsp.config,
# 0.8+: vim.lsp.start, always: vim.lsp.start_client). Exits non-zero when any run fails.
#
#   nvim-client/test/run.sh [NVIM]     NVIM: the nvim to run (default: nvim on PATH), e.g. the
#                                      launcher fetch-nvim.sh prints; VAULT_LS_JAR=... another jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="${VAULT_LS_JAR:-$repo/server/target/vault-ls.jar}"
nvim="${1:-nvim}"

if [ ! -f "$jar" ]; then
  echo "nvim e2e: no server jar at $jar: build it first (mvn -B package -DskipTests)" >&2
  exit 1
fi
if ! command -v java >/dev/null 2>&1; then
  echo "nvim e2e: java is not on PATH" >&2
  exit 1
fi
if [ "$nvim" = nvim ] && ! command -v nvim >/dev/null 2>&1; then
  echo "== installing neovim"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq && $sudo apt-get install -y -qq neovim >/dev/null
fi
"$nvim" --version | sed -n 1p

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the day the golden report is dated by (GoldenTestVaultTest.TODAY): no overdue-task hints
export VAULT_LS_TODAY=2025-10-01
# Neovim's logs and state stay out of the user's home.
export XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

apis="$("$nvim" --headless --clean -u NONE -i NONE -n \
  -c 'lua io.stdout:write(((vim.lsp.config and vim.lsp.enable) and "config " or "") .. (vim.lsp.start and "start " or "") .. (vim.lsp.start_client and "start_client" or ""))' \
  -c 'qa!' </dev/null 2>/dev/null)"

status=0
for api in $apis; do
  echo "== nvim e2e, API $api"
  rm -rf "$work/vault"
  cp -a "$repo/test-vault" "$work/vault"
  result="$work/result-$api.txt"
  rm -f "$result"
  set +e
  VAULT_LS_REPO="$repo" VAULT_LS_VAULT="$work/vault" VAULT_LS_JAR="$jar" VAULT_LS_RESULT="$result" VAULT_LS_API="$api" \
    timeout -k 10 240 "$nvim" --headless --clean -u NONE -i NONE -n -c "luafile $here/e2e.lua" </dev/null >"$work/nvim.out" 2>&1
  rc=$?
  set -e
  if [ -f "$result" ]; then
    cat "$result"
  else
    echo "no result file (nvim exit $rc); its output:"
    cat "$work/nvim.out"
  fi
  if [ "$rc" -ne 0 ] || [ ! -f "$result" ] || [ "$(tail -n 1 "$result")" != "PASS" ]; then
    status=1
    echo "== API $api FAILED (nvim exit $rc)"
    log="$(find "$work/state" "$work/cache" -name 'lsp.log' 2>/dev/null | sed -n 1p)"
    if [ -n "$log" ]; then
      echo "-- last lines of $log"
      tail -n 40 "$log"
    fi
  fi
done

# 0.11+: vim.lsp.enable with no setup(), the user's own vim.lsp.config kept, :checkhealth.
case " $apis " in *" config "*)
  echo "== nvim e2e, vim.lsp.enable without setup()"
  rm -rf "$work/vault"
  cp -a "$repo/test-vault" "$work/vault"
  result="$work/result-enable.txt"
  rm -f "$result"
  set +e
  VAULT_LS_REPO="$repo" VAULT_LS_VAULT="$work/vault" VAULT_LS_JAR="$jar" VAULT_LS_RESULT="$result" \
    timeout -k 10 120 "$nvim" --headless --clean -u NONE -i NONE -n -c "luafile $here/enable.lua" </dev/null >"$work/nvim.out" 2>&1
  rc=$?
  set -e
  if [ -f "$result" ]; then cat "$result"; else echo "no result file (nvim exit $rc)"; cat "$work/nvim.out"; fi
  if [ "$rc" -ne 0 ] || [ ! -f "$result" ] || [ "$(tail -n 1 "$result")" != "PASS" ]; then
    status=1
    echo "== vim.lsp.enable FAILED (nvim exit $rc)"
  fi
  ;;
esac
exit "$status"
