/*===- FakeKernel.c - A hand-written module per the CPU launch ABI -------===*
 *
 * What lqcc would produce for a small kernel, written by hand so the runtime
 * can be tested without the compiler. Built as a shared object; the tests
 * pack its bytes into a fat binary.
 *
 *   __global__ void fake_kernel(int *out, int scale, int *hits) {
 *     __shared__ int threadCount;                // static: 16 bytes
 *     extern __shared__ int values[];            // dynamic: one per thread
 *     ... values[t] = t * scale + block; __syncthreads();
 *     out[block * threads + t] = values[(t + 1) % threads];
 *   }
 *
 * Phase 2 reads a neighbour's phase-1 value, so the result is right only if
 * ctx->shared is private to the block while it runs. hits[block] counts
 * runs of each block; 1000 is added when the block sees an inconsistent
 * context (index outside the grid, misaligned or too small shared memory).
 *
 * __lingqu_thread_fake_kernel is the same kernel in per-thread form, for
 * the fiber executor; fiber_only_kernel has only that form, and
 * mismatched_kernel sends even and odd threads to different barriers.
 *
 * Further kernel infos exercise the loader's checks: a wrong ABI version,
 * null functions, and 40 KiB of static shared memory.
 *===----------------------------------------------------------------------===*/
#include <stdint.h>

#include "lingqu/ABI/FatBinary.h"

typedef struct StaticShared {
  int32_t threadCount;
  int32_t padding[3]; /* the compiler rounds static shared to 16 bytes */
} StaticShared;

static int contextIsConsistent(const lingqu_block_ctx *ctx, uint32_t threads) {
  uintptr_t shared = (uintptr_t)ctx->shared;
  for (int d = 0; d < 3; ++d)
    if (ctx->block_idx[d] >= ctx->grid_dim[d] || ctx->block_dim[d] == 0)
      return 0;
  return shared != 0 && shared % LINGQU_SHARED_ALIGN == 0 &&
         ctx->dynamic_shared_bytes >= threads * sizeof(int32_t);
}

void __lingqu_block_fake_kernel(void **args, const lingqu_block_ctx *ctx) {
  int32_t *out = *(int32_t **)args[0];
  int32_t scale = *(int32_t *)args[1];
  int32_t *hits = *(int32_t **)args[2];

  uint32_t threads = ctx->block_dim[0] * ctx->block_dim[1] * ctx->block_dim[2];
  uint64_t block =
      ctx->block_idx[0] +
      (uint64_t)ctx->grid_dim[0] *
          (ctx->block_idx[1] + (uint64_t)ctx->grid_dim[1] * ctx->block_idx[2]);
  hits[block] += 1;
  if (!contextIsConsistent(ctx, threads)) {
    hits[block] += 1000;
    return;
  }

  StaticShared *statics = (StaticShared *)ctx->shared;
  int32_t *values = (int32_t *)((char *)ctx->shared + sizeof(StaticShared));

  /* Phase 1: every thread, then the barrier. */
  statics->threadCount = 0;
  for (uint32_t t = 0; t < threads; ++t) {
    values[t] = (int32_t)(t * scale + block);
    statics->threadCount += 1;
  }
  /* Phase 2. */
  for (uint32_t t = 0; t < threads; ++t)
    out[block * threads + t] = values[(t + 1) % threads] +
                               (statics->threadCount == (int32_t)threads
                                    ? 0
                                    : (1 << 24));
}

static const uint32_t fakeKernelParamSizes[3] = {sizeof(int32_t *),
                                                 sizeof(int32_t),
                                                 sizeof(int32_t *)};

/* Weak: the runtime test binaries that only load this module, never run its
 * thread functions, do not export the fiber executor. */
extern void __lingqu_fiber_barrier(lingqu_thread_ctx *ctx, const char *site)
    __attribute__((weak));

void __lingqu_thread_fake_kernel(void **args, lingqu_thread_ctx *ctx) {
  int32_t *out = *(int32_t **)args[0];
  int32_t scale = *(int32_t *)args[1];
  int32_t *hits = *(int32_t **)args[2];
  const lingqu_block_ctx *b = &ctx->block;
  uint32_t threads = b->block_dim[0] * b->block_dim[1] * b->block_dim[2];
  uint32_t t = ctx->thread_idx[0] +
               b->block_dim[0] * (ctx->thread_idx[1] +
                                  b->block_dim[1] * ctx->thread_idx[2]);
  uint64_t block =
      b->block_idx[0] +
      (uint64_t)b->grid_dim[0] *
          (b->block_idx[1] + (uint64_t)b->grid_dim[1] * b->block_idx[2]);
  StaticShared *statics = (StaticShared *)b->shared;
  int32_t *values = (int32_t *)((char *)b->shared + sizeof(StaticShared));
  if (t == 0) {
    hits[block] += 1;
    statics->threadCount = 0;
  }
  __lingqu_fiber_barrier(ctx, "FakeKernel.c:1:1");
  values[t] = (int32_t)(t * scale + block);
  statics->threadCount += 1; /* fibers of a block never run at once */
  __lingqu_fiber_barrier(ctx, "FakeKernel.c:2:1");
  out[block * threads + t] =
      values[(t + 1) % threads] +
      (statics->threadCount == (int32_t)threads ? 0 : (1 << 24));
}

void __lingqu_thread_mismatched_kernel(void **args, lingqu_thread_ctx *ctx) {
  (void)args;
  __lingqu_fiber_barrier(ctx, ctx->thread_idx[0] % 2 ? "odd.cu:7:5"
                                                     : "even.cu:3:5");
}

const lingqu_kernel_info __lingqu_kernel_info_fake_kernel = {
    LINGQU_LAUNCH_ABI_VERSION, 3, sizeof(StaticShared), 0,
    __lingqu_block_fake_kernel, fakeKernelParamSizes,
    __lingqu_thread_fake_kernel};

const lingqu_kernel_info __lingqu_kernel_info_fiber_only_kernel = {
    LINGQU_LAUNCH_ABI_VERSION, 3, sizeof(StaticShared),
    LINGQU_KERNEL_FIBER_ONLY, 0, fakeKernelParamSizes,
    __lingqu_thread_fake_kernel};

const lingqu_kernel_info __lingqu_kernel_info_mismatched_kernel = {
    LINGQU_LAUNCH_ABI_VERSION, 0, 0, LINGQU_KERNEL_FIBER_ONLY, 0, 0,
    __lingqu_thread_mismatched_kernel};

static void doNothing(void **args, const lingqu_block_ctx *ctx) {
  (void)args;
  (void)ctx;
}
static void threadDoesNothing(void **args, lingqu_thread_ctx *ctx) {
  (void)args;
  (void)ctx;
}

const lingqu_kernel_info __lingqu_kernel_info_bad_abi_kernel = {
    LINGQU_LAUNCH_ABI_VERSION + 98, 0, 0, 0, doNothing, 0, threadDoesNothing};

const lingqu_kernel_info __lingqu_kernel_info_null_fn_kernel = {
    LINGQU_LAUNCH_ABI_VERSION, 0, 0, 0, 0, 0, threadDoesNothing};

const lingqu_kernel_info __lingqu_kernel_info_big_shared_kernel = {
    LINGQU_LAUNCH_ABI_VERSION, 0, 40 * 1024, 0, doNothing, 0, threadDoesNothing};
