#!/usr/bin/env bash
# make demo: compile every example with lqcc and run it on the CPU.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
lqcc="$root/$build/bin/lqcc"
out="$root/$build/examples"
mkdir -p "$out"

status=0
for src in "$root"/examples/*.cu; do
  name=$(basename "$src" .cu)
  echo "== $name: lqcc examples/$name.cu -o $build/examples/$name"
  "$lqcc" "$src" -o "$out/$name"
  if ! "$out/$name"; then
    status=1
  fi
done
if [ $status -eq 0 ]; then
  echo "demo: PASS (all examples verified on the CPU)"
else
  echo "demo: FAIL"
fi
exit $status
