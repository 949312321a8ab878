// SGEMM in OpenMP: threads take blocks of rows of C; inside a block the
// loop nest is i-k-j over cache blocks (a block of B's rows and columns
// stays in L2 while the rows of C it updates stay in L1), the inner j loop
// vectorised and k unrolled by four, so each load and store of C carries
// four FMAs.
#include "sgemm.h"

#include <algorithm>
#include <memory>

namespace {
constexpr int kRows = 16;   // rows of C per task
constexpr int kDepth = 128; // rows of B per cache block
constexpr int kCols = 512;  // columns of B and C per cache block

void multiply(const float *__restrict a, const float *__restrict b,
              float *__restrict c, int n) {
  int blocks = (n + kRows - 1) / kRows;
#pragma omp parallel for schedule(static)
  for (int ib = 0; ib < blocks; ++ib) {
    int i0 = ib * kRows, i1 = std::min(n, i0 + kRows);
    for (int i = i0; i < i1; ++i)
      std::fill(c + size_t(i) * n, c + size_t(i + 1) * n, 0.0f);
    for (int k0 = 0; k0 < n; k0 += kDepth) {
      int k1 = std::min(n, k0 + kDepth);
      for (int j0 = 0; j0 < n; j0 += kCols) {
        int j1 = std::min(n, j0 + kCols);
        for (int i = i0; i < i1; ++i) {
          float *ci = c + size_t(i) * n;
          int k = k0;
          for (; k + 4 <= k1; k += 4) {
            const float *ai = a + size_t(i) * n + k;
            float a0 = ai[0], a1 = ai[1], a2 = ai[2], a3 = ai[3];
            const float *b0 = b + size_t(k) * n, *b1 = b0 + n, *b2 = b1 + n,
                        *b3 = b2 + n;
#pragma omp simd
            for (int j = j0; j < j1; ++j)
              ci[j] = ci[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
          }
          for (; k < k1; ++k) {
            float aik = a[size_t(i) * n + k];
            const float *bk = b + size_t(k) * n;
#pragma omp simd
            for (int j = j0; j < j1; ++j)
              ci[j] += aik * bk[j];
          }
        }
      }
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  bench::Args args = bench::parse(argc, argv);
  int n = sgemm::order(args);
  size_t nn = size_t(n) * n;
  std::vector<float> ha, hb;
  sgemm::inputs(ha, hb, n);
  std::unique_ptr<float[]> a(new float[nn]), b(new float[nn]), c(new float[nn]);
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < nn; ++i) {
    a[i] = ha[i];
    b[i] = hb[i];
    c[i] = 0.0f;
  }
  bench::time(args, [&] {
    for (int m = 0; m < sgemm::kMultiplies; ++m)
      multiply(a.get(), b.get(), c.get(), n);
  });
  bench::checksum(sgemm::checksum(c.get(), n));
  bench::workFlops(sgemm::flops(n));
}
