#!/usr/bin/env bash
# Fetches a newer Neovim from Debian's archive without installing it (it needs a newer libc than
# Debian 12's): its .debs and those of every library it needs, by `apt-get download` with an apt
# source list of its own, unpacked with `dpkg-deb -x` into one folder. Prints the path of a launcher
# script that runs that nvim through the unpacked dynamic loader, with VIMRUNTIME set.
#
#   nvim-client/test/fetch-nvim.sh trixie 0.10.4   # pinned: any failure is an error (exit 1)
#   nvim-client/test/fetch-nvim.sh sid             # whatever sid has now
#
# Cached in ${VAULT_LS_NVIM_CACHE:-~/.cache/vault-ls-nvim}/<suite>-<version>. Exit 1 on failure, with
# the reason on stderr; the caller decides whether that fails the build (trixie) or skips (sid).
set -euo pipefail
suite=${1:?usage: fetch-nvim.sh SUITE [VERSION]}
want=${2:-}
cache=${VAULT_LS_NVIM_CACHE:-$HOME/.cache/vault-ls-nvim}
arch=$(dpkg --print-architecture)
[ "$arch" = amd64 ] || { echo "fetch-nvim: only amd64 is supported (this is $arch)" >&2; exit 1; }

apt_dir=$cache/apt-$suite
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/etc/preferences.d" "$apt_dir/etc/sources.list.d"
cat >"$apt_dir/etc/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main
LIST
APT=(-o "Dir::Etc::sourcelist=$apt_dir/etc/sources.list" -o "Dir::Etc::sourceparts=$apt_dir/etc/sources.list.d"
  -o "Dir::Etc::preferencesparts=$apt_dir/etc/preferences.d" -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache" -o "Dir::State::status=/dev/null" -o "APT::Architecture=amd64"
  -o "APT::Architectures::=amd64" -o "Debug::NoLocking=1")
mkdir -p "$apt_dir/cache"

# An index older than a day is fetched again (sid moves; trixie gets point releases).
if [ -z "$(find "$apt_dir/lists" -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null)" ]; then
  apt-get "${APT[@]}" -qq update >"$apt_dir/update.log" 2>&1 \
    || { tail -5 "$apt_dir/update.log" >&2; echo "fetch-nvim: apt-get update for $suite failed" >&2; exit 1; }
fi
version=$(apt-cache "${APT[@]}" show neovim 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1)
[ -n "$version" ] || { echo "fetch-nvim: $suite has no neovim package" >&2; exit 1; }
upstream=${version#*:}
upstream=${upstream%%-*}
upstream=${upstream%%+*}
if [ -n "$want" ] && [ "$upstream" != "$want" ]; then
  echo "fetch-nvim: $suite has neovim $version, not the pinned $want" >&2
  exit 1
fi

dest=$cache/$suite-$version
if [ ! -f "$dest/.complete" ]; then
  rm -rf "$dest"
  mkdir -p "$dest/debs"
  # neovim and everything it depends on, recursively (libc6 included: the system's is too old).
  mapfile -t pkgs < <(apt-cache "${APT[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances --no-pre-depends neovim 2>/dev/null \
    | grep -E '^[a-z0-9]' | grep -v '^<' | sort -u)
  [ "${#pkgs[@]}" -gt 0 ] || { echo "fetch-nvim: cannot list neovim's dependencies in $suite" >&2; exit 1; }
  (cd "$dest/debs" && apt-get "${APT[@]}" -qq download "${pkgs[@]}" >"$dest/download.log" 2>&1) \
    || { tail -5 "$dest/download.log" >&2; echo "fetch-nvim: apt-get download from $suite failed" >&2; exit 1; }
  for deb in "$dest"/debs/*.deb; do
    dpkg-deb -x "$deb" "$dest/root"
  done
  rm -rf "$dest/debs"
  r=$dest/root
  loader=""
  for l in "$r/usr/lib64/ld-linux-x86-64.so.2" "$r/lib64/ld-linux-x86-64.so.2"; do
    [ -e "$l" ] && { loader=$l; break; }
  done
  [ -x "$r/usr/bin/nvim" ] && [ -n "$loader" ] \
    || { echo "fetch-nvim: the unpacked packages hold no usr/bin/nvim or no loader" >&2; exit 1; }
  rtp=""
  [ -d "$r/usr/lib/nvim" ] && rtp="--cmd 'set rtp+=$r/usr/lib/nvim'" # 0.12: its tree-sitter parsers
  cat >"$dest/nvim" <<LAUNCH
#!/bin/sh
# neovim $version from Debian $suite, unpacked by fetch-nvim.sh; run through its own libc.
VIMRUNTIME="$r/usr/share/nvim/runtime" exec "$loader" \\
  --library-path "$r/usr/lib/x86_64-linux-gnu:$r/lib/x86_64-linux-gnu" "$r/usr/bin/nvim" $rtp "\$@"
LAUNCH
  chmod +x "$dest/nvim"
  "$dest/nvim" --headless --clean -u NONE -i NONE -n +'qa!' </dev/null >/dev/null 2>&1 \
    || { echo "fetch-nvim: the unpacked nvim does not run" >&2; exit 1; }
  touch "$dest/.complete"
fi
echo "$dest/nvim"
