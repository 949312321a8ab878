#!/usr/bin/env bash
# Installs what building Lingqu's runtime for AArch64 needs besides
# scripts/install-deps.sh's cross toolchain: Debian's arm64 multiarch
# abseil, oneTBB and Boost.Context, and qemu-user. Does nothing when they
# are present.
set -euo pipefail
packages=(libabsl-dev:arm64 libtbb-dev:arm64 libboost-context-dev:arm64 qemu-user)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo dpkg --add-architecture arm64
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
