// The host side every benchmark variant shares (CUDA, OpenMP and OpenCL):
// its command line, deterministic inputs, timing and the lines bench/run.py
// reads. A variant prints, one per line:
//   checksum <value>        what the three variants must agree on
//   work bytes|flops <n>    what one run moves or computes (for its limit)
//   time <seconds>          once per timed run, after an untimed warm-up
#ifndef LINGQU_BENCH_COMMON_BENCH_H
#define LINGQU_BENCH_COMMON_BENCH_H

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace bench {

struct Args {
  bool smoke = false; // tiny sizes: correctness only
  int reps = 5;       // timed runs
};

inline Args parse(int argc, char **argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--smoke")) {
      a.smoke = true;
    } else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) {
      a.reps = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--smoke] [--reps N]\n", argv[0]);
      std::exit(2);
    }
  }
  if (a.smoke)
    a.reps = 1;
  return a;
}

/// The full size, or the smoke-test one.
template <typename T> T size(const Args &a, T full, T smoke) {
  return a.smoke ? smoke : full;
}

/// Deterministic inputs: element i of stream `seed`, uniform in [0, 1).
inline double uniform(uint64_t seed, uint64_t i) {
  uint64_t z = (seed << 40) + i + 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return double(z >> 11) * 0x1p-53;
}

/// Uniform integers in [0, n).
inline uint32_t below(uint64_t seed, uint64_t i, uint32_t n) {
  return uint32_t(uniform(seed, i) * n);
}

template <typename T> double sum(const T *v, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; ++i)
    s += double(v[i]);
  return s;
}

inline void checksum(double v) { std::printf("checksum %.17g\n", v); }
inline void workBytes(double n) { std::printf("work bytes %.17g\n", n); }
inline void workFlops(double n) { std::printf("work flops %.17g\n", n); }

/// Runs `run` once untimed, then `reps` times timed; `run` must return
/// only when its work is complete (synchronised).
template <typename F> void time(const Args &a, F &&run) {
  run();
  for (int r = 0; r < a.reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    run();
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    std::printf("time %.9f\n", d.count());
  }
  std::fflush(stdout);
}

[[noreturn]] inline void fail(const char *what) {
  std::fprintf(stderr, "benchmark failed: %s\n", what);
  std::exit(1);
}

} // namespace bench

#endif // LINGQU_BENCH_COMMON_BENCH_H
