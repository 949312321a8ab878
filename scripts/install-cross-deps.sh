#!/usr/bin/env bash
# Installs what building Lingqu's runtime for AArch64 needs besides
# scripts/install-deps.sh's cross toolchain: Debian's arm64 multiarch
# abseil, oneTBB and Boost.Context, and qemu-user. Does nothing when they
# are present.
set -euo pipefail
exec "$(dirname "$0")/apt-install-missing.sh" --architecture arm64 \
  libabsl-dev:arm64 libtbb-dev:arm64 libboost-context-dev:arm64 qemu-user
