// Grid-wide synchronisation needs cooperative launches, which Lingqu does not
// offer yet: a use is a compile-time error naming it, never a hang.
// RUN: %expect-exit 1 %lqcc -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s < %t.err
#include <cooperative_groups.h>

// CHECK: unsupported-grid-sync.cu:[[@LINE+3]]:{{[0-9]+}}: error: 'sync' is unavailable: grid_group::sync() (cooperative launch) is not supported by Lingqu yet
__global__ void step(int *p) {
  p[cooperative_groups::this_grid().thread_rank()] += 1;
  cooperative_groups::this_grid().sync();
}
