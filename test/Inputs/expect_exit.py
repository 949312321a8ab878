#!/usr/bin/env python3
"""expect_exit.py CODE CMD...: run CMD, pass its output through, and exit 0
only if it exited with exactly CODE (lit's `not` accepts any failure)."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:]).returncode
if got != want:
    print(f"expect_exit: expected exit code {want}, got {got}", file=sys.stderr)
    sys.exit(1)
