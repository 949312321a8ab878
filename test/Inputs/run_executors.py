#!/usr/bin/env python3
"""run_executors.py CMD...: run CMD twice, with LINGQU_EXECUTOR=collapsed
and with LINGQU_EXECUTOR=fiber (the reference executor). Both runs must print
the same standard output and exit with the same code; then the collapsed
run's output, error output and exit code pass through. A difference fails
with both outputs shown.

run_executors.py --unordered CMD...: the same, but the two outputs need
only have the same lines, in any order: for programs whose blocks print,
which CUDA does not order (the collapsed executor runs blocks on several
workers, the fiber one too, and their timing differs from run to run)."""
import difflib
import os
import subprocess
import sys


unordered = sys.argv[1] == "--unordered"
command = sys.argv[2:] if unordered else sys.argv[1:]


def run(executor):
    env = dict(os.environ, LINGQU_EXECUTOR=executor)
    return subprocess.run(command, env=env, capture_output=True, text=True)


def same(a, b):
    return sorted(a.splitlines()) == sorted(b.splitlines()) if unordered else a == b


collapsed = run("collapsed")
fiber = run("fiber")
sys.stderr.write(collapsed.stderr)
if not same(collapsed.stdout, fiber.stdout) or collapsed.returncode != fiber.returncode:
    sys.stderr.write(
        f"run_executors: the executors disagree (exit {collapsed.returncode} "
        f"collapsed, {fiber.returncode} fiber)\n")
    sys.stderr.writelines(difflib.unified_diff(
        collapsed.stdout.splitlines(True), fiber.stdout.splitlines(True),
        "collapsed", "fiber"))
    sys.stderr.write(fiber.stderr)
    sys.exit(1)
sys.stdout.write(collapsed.stdout)
sys.exit(collapsed.returncode)
