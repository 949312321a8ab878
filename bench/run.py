#!/usr/bin/env python3
"""Lingqu against hand-written OpenMP and PoCL, side by side in one run.

Every workload in bench/workloads/<name>/ is written three ways: CUDA
(<name>.cu, built with lqcc -O3), OpenMP C++ (<name>-omp.cpp, clang++ -O3
-march=native -fopenmp) and OpenCL C on PoCL (<name>.cl with its host
<name>-ocl.cpp). The runner builds them, checks that the three agree on each
workload's checksum, times each (the median of the timed runs; each variant
warms up untimed), measures the machine's STREAM-triad bandwidth and peak FMA
throughput (bench/limits) and prints the table, ending with exactly
`geomean speedup vs OpenMP: X.XXx, vs PoCL: Y.YYx`. It writes CSV and a PNG
bar chart to bench/results/.

--smoke runs tiny sizes once, for correctness only (make check runs it).
"""
import argparse
import concurrent.futures
import csv
import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CXX = os.environ.get("CLANGXX", "clang++-22")
CXXFLAGS = ["-O3", "-march=native", "-std=c++17"]
VARIANTS = ("lingqu", "openmp", "pocl")


class BenchError(Exception):
    pass


def workloads(only):
    found = sorted(p for p in (HERE / "workloads").iterdir()
                   if (p / "workload.json").exists())
    if only:
        names = set(only.split(","))
        unknown = names - {p.name for p in found}
        if unknown:
            raise BenchError("no such workload: " + ", ".join(sorted(unknown)))
        found = [p for p in found if p.name in names]
    return found


def needs_build(target, sources):
    if not target.exists():
        return True
    t = target.stat().st_mtime
    return any(s.stat().st_mtime > t for s in sources)


def compile_cmds(build, wl, out):
    """The three variants' build commands: {variant: (binary, sources, cmd)}."""
    name, common = wl.name, HERE / "common"
    incs = ["-I", str(common), "-I", str(wl)]
    headers = list(common.glob("*.h")) + list(wl.glob("*.h"))
    lqcc = build / "bin" / "lqcc"
    cu, omp, cl, ocl = (wl / f"{name}.cu", wl / f"{name}-omp.cpp",
                        wl / f"{name}.cl", wl / f"{name}-ocl.cpp")
    return {
        "lingqu": (out / "lingqu", [cu, lqcc] + headers,
                   [str(lqcc), "-O3", *incs, str(cu), "-o", str(out / "lingqu")]),
        "openmp": (out / "openmp", [omp] + headers,
                   [CXX, *CXXFLAGS, "-fopenmp", *incs, str(omp), "-o",
                    str(out / "openmp")]),
        "pocl": (out / "pocl", [ocl] + headers,
                 [CXX, *CXXFLAGS, *incs, f'-DBENCH_CL="{cl}"', str(ocl),
                  "-o", str(out / "pocl"), "-lOpenCL"]),
    }


def run_cmd(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise BenchError(f"build failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}")


def build_all(build, wls, jobs):
    jobsets, binaries = [], {}
    for wl in wls:
        out = build / "bench" / wl.name
        out.mkdir(parents=True, exist_ok=True)
        for variant, (binary, sources, cmd) in compile_cmds(build, wl, out).items():
            binaries[(wl.name, variant)] = binary
            if needs_build(binary, sources):
                jobsets.append(cmd)
    for name in ("stream", "peak-fma"):
        src, binary = HERE / "limits" / f"{name}.cpp", build / "bench" / name
        binaries[("limits", name)] = binary
        if needs_build(binary, [src]):
            jobsets.append([CXX, *CXXFLAGS, "-fopenmp", str(src), "-o", str(binary)])
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(run_cmd, jobsets))
    return binaries


def run_variant(binary, smoke, reps):
    cmd = [str(binary)] + (["--smoke"] if smoke else ["--reps", str(reps)])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise BenchError(f"{binary} failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    res = {"times": []}
    for line in r.stdout.splitlines():
        parts = line.split()
        if parts[:1] == ["checksum"]:
            res["checksum"] = float(parts[1])
        elif parts[:1] == ["time"]:
            res["times"].append(float(parts[1]))
        elif parts[:1] == ["work"]:
            res["work"] = (parts[1], float(parts[2]))
    if "checksum" not in res or not res["times"]:
        raise BenchError(f"{binary} printed no checksum or time:\n{r.stdout}")
    res["median"] = statistics.median(res["times"])
    return res


def agree(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def measure_limits(binaries, smoke):
    limits = {}
    for name, key in (("stream", "bandwidth"), ("peak-fma", "flops")):
        args = ["--smoke"] if smoke else []
        r = subprocess.run([str(binaries[("limits", name)]), *args],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise BenchError(f"{name} failed:\n{r.stdout}{r.stderr}")
        for line in r.stdout.splitlines():
            if line.startswith(key + " "):
                limits[key] = float(line.split()[1])
    return limits


def fraction(res, limits):
    kind, amount = res.get("work", (None, 0))
    rate = amount / res["median"]
    if kind == "bytes":
        return rate / limits["bandwidth"], "STREAM"
    if kind == "flops":
        return rate / limits["flops"], "peak FMA"
    return None, ""


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def chart(rows, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib missing, no chart", file=sys.stderr)
        return
    names = [r["workload"] for r in rows]
    xs = range(len(rows))
    fig, ax = plt.subplots(figsize=(max(8, len(rows) * 0.8), 4.5))
    w = 0.38
    ax.bar([x - w / 2 for x in xs], [r["vs_openmp"] for r in rows], w,
           label="Lingqu vs OpenMP")
    ax.bar([x + w / 2 for x in xs], [r["vs_pocl"] for r in rows], w,
           label="Lingqu vs PoCL")
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(names, rotation=45, ha="right")
    ax.set_ylabel("speedup (baseline time / Lingqu time)")
    ax.set_yscale("log")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build", help="Lingqu's build directory")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, once")
    ap.add_argument("--only", help="comma-separated workloads")
    ap.add_argument("--reps", type=int, default=5, help="timed runs per variant")
    ap.add_argument("--results", default=str(HERE / "results"))
    ap.add_argument("--docs", help="markdown file whose generated table to replace")
    args = ap.parse_args()
    build = Path(args.build).resolve()
    try:
        wls = workloads(args.only)
        binaries = build_all(build, wls, os.cpu_count() or 2)
        limits = measure_limits(binaries, args.smoke)
        rows, failures = [], []
        for wl in wls:
            meta = json.loads((wl / "workload.json").read_text())
            res = {v: run_variant(binaries[(wl.name, v)], args.smoke, args.reps)
                   for v in VARIANTS}
            sums = {v: res[v]["checksum"] for v in VARIANTS}
            tol = meta.get("tolerance", 0)
            if not all(agree(sums["lingqu"], sums[v], tol) for v in VARIANTS):
                failures.append(f"{wl.name}: checksums differ: {sums}")
                continue
            rows.append({
                "lingqu_res": res["lingqu"], "openmp_res": res["openmp"],
                "workload": wl.name, "bound": meta.get("bound", ""),
                "title": meta.get("title", wl.name),
                "limited_by": meta.get("limited_by", ""),
                **{v: res[v]["median"] for v in VARIANTS},
                "vs_openmp": res["openmp"]["median"] / res["lingqu"]["median"],
                "vs_pocl": res["pocl"]["median"] / res["lingqu"]["median"],
            })
            if args.smoke:
                print(f"{wl.name}: the three variants agree")
        # The machine's limits again, after the workloads: the better of
        # two measurements, as other load on the machine only lowers them.
        again = measure_limits(binaries, args.smoke)
        limits = {k: max(v, again[k]) for k, v in limits.items()}
        for r in rows:
            r["fraction"], r["limit"] = fraction(r["lingqu_res"], limits)
            # OpenMP's own fraction: how far the machine lets a careful CPU
            # version of the same work go towards the limit.
            r["omp_fraction"], _ = fraction(r["openmp_res"], limits)
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    for f in failures:
        print(f"bench: {f}", file=sys.stderr)
    if failures:
        return 1
    if args.smoke:
        print(f"bench-smoke: {len(rows)} workloads agree across Lingqu, OpenMP and PoCL")
        return 0
    report(rows, limits, Path(args.results))
    if args.docs:
        write_docs(rows, limits, Path(args.docs))
    return 0


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


BEGIN, END = "<!-- bench table: begin -->", "<!-- bench table: end -->"


def write_docs(rows, limits, path):
    """Replaces the generated part of docs/performance.md with this run's."""
    lines = [BEGIN, "",
             f"Machine: {cpu_model()}, {os.cpu_count()} cores; STREAM triad "
             f"{limits['bandwidth'] / 1e9:.1f} GB/s, peak float FMA "
             f"{limits['flops'] / 1e9:.1f} GFLOP/s.", "",
             "| workload | bound | Lingqu s | OpenMP s | PoCL s | vs OpenMP | "
             "vs PoCL | of limit | OpenMP of limit | limited by |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        frac = (f"{r['fraction'] * 100:.0f}% {r['limit']}"
                if r["fraction"] is not None else "")
        omp = (f"{r['omp_fraction'] * 100:.0f}%"
               if r["omp_fraction"] is not None else "")
        lines.append(
            f"| {r['title']} | {r['bound']} | {r['lingqu']:.4f} | "
            f"{r['openmp']:.4f} | {r['pocl']:.4f} | {r['vs_openmp']:.2f}x | "
            f"{r['vs_pocl']:.2f}x | {frac} | {omp} | {r['limited_by']} |")
    lines += ["",
              f"geomean speedup vs OpenMP: "
              f"{geomean([r['vs_openmp'] for r in rows]):.2f}x, vs PoCL: "
              f"{geomean([r['vs_pocl'] for r in rows]):.2f}x", "", END]
    text = path.read_text()
    if BEGIN not in text or END not in text:
        raise SystemExit(f"bench: {path} has no generated-table markers")
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(head + "\n".join(lines) + tail)


def report(rows, limits, results):
    results.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, STREAM triad "
          f"{limits['bandwidth'] / 1e9:.1f} GB/s, peak FMA "
          f"{limits['flops'] / 1e9:.1f} GFLOP/s (float)")
    head = (f"{'workload':<16} {'Lingqu s':>9} {'OpenMP s':>9} {'PoCL s':>9} "
            f"{'vs OpenMP':>9} {'vs PoCL':>8}  of limit (OpenMP's)")
    print(head)
    print("-" * len(head))
    for r in rows:
        frac = (f"{r['fraction'] * 100:5.1f}% {r['limit']} "
                f"({r['omp_fraction'] * 100:.1f}%)"
                if r["fraction"] is not None else "")
        print(f"{r['workload']:<16} {r['lingqu']:9.4f} {r['openmp']:9.4f} "
              f"{r['pocl']:9.4f} {r['vs_openmp']:8.2f}x {r['vs_pocl']:7.2f}x  {frac}")
    with open(results / "bench.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["workload", "bound", "lingqu_s", "openmp_s", "pocl_s",
                    "speedup_vs_openmp", "speedup_vs_pocl", "fraction_of_limit",
                    "openmp_fraction_of_limit", "limit"])
        for r in rows:
            w.writerow([r["workload"], r["bound"], f"{r['lingqu']:.6f}",
                        f"{r['openmp']:.6f}", f"{r['pocl']:.6f}",
                        f"{r['vs_openmp']:.3f}", f"{r['vs_pocl']:.3f}",
                        "" if r["fraction"] is None else f"{r['fraction']:.3f}",
                        "" if r["omp_fraction"] is None
                        else f"{r['omp_fraction']:.3f}",
                        r["limit"]])
    chart(rows, results / "bench.png")
    print(f"geomean speedup vs OpenMP: {geomean([r['vs_openmp'] for r in rows]):.2f}x, "
          f"vs PoCL: {geomean([r['vs_pocl'] for r in rows]):.2f}x")


if __name__ == "__main__":
    sys.exit(main())
