#!/usr/bin/env python3
"""collapse-census.py BUILD [--min-percent P]: compile every end-to-end
program (test/e2e/*.cu) through the SIMT-to-CPU lowering and count its
kernels: those collapsed into block functions, and those lqcc remarks run on
the fiber executor. Prints `collapsed: N of M kernels` (then each remark),
writes the same to BUILD/test/e2e-census.txt, and with --min-percent fails
when fewer than P percent of the kernels are collapsed."""
import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
E2E = os.path.join(ROOT, "test", "e2e")
REMARK = re.compile(r"lqcc: remark: (kernel .* runs on the fiber executor: .*)")


def flags_of(source):
    """The -D and -I flags of the first lqcc RUN line compiling the program."""
    for line in open(source, encoding="utf-8"):
        if "RUN:" in line and "%lqcc" in line and "%s" in line:
            run = line.split("%lqcc", 1)[1].split("&&")[0]
            tokens = shlex.split(run.replace("%S", E2E))
            flags = []
            for i, token in enumerate(tokens):
                if token in ("-D", "-I") and i + 1 < len(tokens):
                    flags += [token, tokens[i + 1]]
                elif token[:2] in ("-D", "-I") and len(token) > 2:
                    flags.append(token)
            return flags
    return []


def census(lqcc, source, workdir):
    out = os.path.join(workdir, os.path.basename(source) + ".mlir")
    result = subprocess.run(
        [lqcc, "--emit=mlir-cpu", *flags_of(source), source, "-o", out],
        capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"collapse-census: lqcc failed on {source}:\n{result.stderr}")
    if not os.path.exists(out):  # a host-only program: no device code
        return 0, REMARK.findall(result.stderr)
    text = open(out, encoding="utf-8").read()
    kernels = len(re.findall(r"llvm\.mlir\.global external constant "
                             r"@__lingqu_kernel_info_", text))
    return kernels, REMARK.findall(result.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--min-percent", type=float)
    args = parser.parse_args()
    lqcc = os.path.join(os.path.abspath(args.build), "bin", "lqcc")
    sources = sorted(os.path.join(E2E, f) for f in os.listdir(E2E)
                     if f.endswith(".cu"))
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        results = list(pool.map(lambda s: census(lqcc, s, workdir), sources))
    total = sum(k for k, _ in results)
    remarks = [r for _, rs in results for r in rs]
    collapsed = total - len(remarks)
    lines = [f"collapsed: {collapsed} of {total} kernels"]
    lines += [f"  fiber: {r}" for r in remarks]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    path = os.path.join(args.build, "test", "e2e-census.txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(report)
    if args.min_percent is not None and collapsed * 100 < args.min_percent * total:
        sys.exit(f"collapse-census: fewer than {args.min_percent:g}% of the "
                 "end-to-end kernels are collapsed")


if __name__ == "__main__":
    main()
