#!/usr/bin/env bash
# Installs those of the Debian packages named that are not installed; does
# nothing (and needs no network) when all are.
#   apt-install-missing.sh [--architecture ARCH] PACKAGE...
# --architecture adds a foreign architecture first (for pkg:ARCH names).
set -euo pipefail
arch=""
if [ "${1:-}" = "--architecture" ]; then
  arch=$2
  shift 2
fi
missing=()
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
[ -n "$arch" ] && $sudo dpkg --add-architecture "$arch"
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
