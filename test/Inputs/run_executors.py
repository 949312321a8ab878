#!/usr/bin/env python3
"""run_executors.py CMD...: run CMD twice, with LINGQU_EXECUTOR=collapsed
and with LINGQU_EXECUTOR=fiber (the reference executor). Both runs must print
the same standard output and exit with the same code; then the collapsed
run's output, error output and exit code pass through. A difference fails
with both outputs shown."""
import difflib
import os
import subprocess
import sys


def run(executor):
    env = dict(os.environ, LINGQU_EXECUTOR=executor)
    return subprocess.run(sys.argv[1:], env=env, capture_output=True, text=True)


collapsed = run("collapsed")
fiber = run("fiber")
sys.stderr.write(collapsed.stderr)
if (collapsed.stdout, collapsed.returncode) != (fiber.stdout, fiber.returncode):
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
