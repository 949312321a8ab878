/*===- FatBinary.h - Lingqu fat binary v1 and the CPU launch ABI ---------===*
 *
 * The one contract between the compiler (lqcc) and the runtime (libcudart):
 * the layout of the fat binary that host objects register, and the ABI of the
 * CPU block functions inside its shared-object entries. Plain C so that both
 * sides, and tools written in any language, read the same definitions.
 * Documented in docs/fatbinary.md.
 *
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_ABI_FATBINARY_H
#define LINGQU_ABI_FATBINARY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*--- Fat binary ----------------------------------------------------------===*
 * All integers little-endian. The image is:
 *   lingqu_fatbin_header
 *   lingqu_fatbin_entry[num_entries]
 *   payloads, each starting at its entry's offset (from the header's first
 *   byte), aligned to LINGQU_FATBIN_PAYLOAD_ALIGN.
 * total_size covers everything, so a reader never needs a separate length.
 *===----------------------------------------------------------------------===*/

#define LINGQU_FATBIN_MAGIC "LQFATBIN"
#define LINGQU_FATBIN_MAGIC_SIZE 8
#define LINGQU_FATBIN_VERSION 1u
#define LINGQU_FATBIN_TARGET_SIZE 48
#define LINGQU_FATBIN_PAYLOAD_ALIGN 16u

/* What an entry's bytes are. */
typedef enum lingqu_fatbin_kind {
  LINGQU_FATBIN_KIND_SHARED_OBJECT = 1, /* ELF shared object, block functions */
  LINGQU_FATBIN_KIND_PTX = 2,           /* PTX text */
  LINGQU_FATBIN_KIND_CODE_OBJECT = 3,   /* AMDGPU code object */
  LINGQU_FATBIN_KIND_SPIRV = 4,         /* SPIR-V module */
  /* Relocatable device code (lqcc -rdc=true, -dc): the translation unit's
   * device side as NVPTX LLVM bitcode, which the device link (lqcc -dlink,
   * or lqcc's final link) joins with the other units' and compiles. Only
   * in host objects' __nv_relfatbin sections; never registered. */
  LINGQU_FATBIN_KIND_LLVM_BITCODE = 5
} lingqu_fatbin_kind;

typedef struct lingqu_fatbin_header {
  char magic[LINGQU_FATBIN_MAGIC_SIZE]; /* "LQFATBIN", not NUL-terminated */
  uint32_t version;                     /* LINGQU_FATBIN_VERSION */
  uint32_t num_entries;
  uint64_t total_size; /* bytes, header included */
} lingqu_fatbin_header;

typedef struct lingqu_fatbin_entry {
  char target[LINGQU_FATBIN_TARGET_SIZE]; /* LLVM triple, NUL-padded */
  uint32_t kind;                          /* lingqu_fatbin_kind */
  uint32_t flags;                         /* reserved, 0 */
  uint64_t offset;                        /* from the header's first byte */
  uint64_t size;
} lingqu_fatbin_entry;

/* Clang wraps the image it embeds (-fcuda-include-gpubinary) in this struct
 * and passes its address to __cudaRegisterFatBinary. */
#define LINGQU_CLANG_FATBIN_WRAPPER_MAGIC 0x466243B1u
typedef struct lingqu_clang_fatbin_wrapper {
  uint32_t magic;
  uint32_t version;
  const void *data; /* -> lingqu_fatbin_header */
  const void *unused;
} lingqu_clang_fatbin_wrapper;

/*--- CPU launch ABI -------------------------------------------------------===*
 * Every __global__ function K becomes, in a shared-object entry:
 *   void __lingqu_block_<K>(void **args, const lingqu_block_ctx *ctx);
 * which runs all threads of block ctx->block_idx (the collapsed form), and
 *   void __lingqu_thread_<K>(void **args, lingqu_thread_ctx *ctx);
 * which runs one thread (the per-thread form, for the fiber executor).
 * Alongside them,
 *   const lingqu_kernel_info __lingqu_kernel_info_<K>;
 * describes them. <K> is the kernel's (mangled) symbol name. `args` is
 * exactly the array cudaLaunchKernel receives (one pointer per parameter).
 * A kernel the compiler could not collapse has no block function.
 *===----------------------------------------------------------------------===*/

#define LINGQU_LAUNCH_ABI_VERSION 3u
/* Device code may call, and the runtime exports:
 *   void __lingqu_grid_sync(void);  -- grid_group::sync(), called by one
 *   thread per block in a cooperative launch.
 * The per-thread form calls the fiber executor's entry points below. */
#define LINGQU_BLOCK_FN_PREFIX "__lingqu_block_"
#define LINGQU_THREAD_FN_PREFIX "__lingqu_thread_"
#define LINGQU_KERNEL_INFO_PREFIX "__lingqu_kernel_info_"
/* Alignment of the per-block shared buffer and of the dynamic part in it. */
#define LINGQU_SHARED_ALIGN 16u

typedef struct lingqu_block_ctx {
  uint32_t grid_dim[3];
  uint32_t block_dim[3];
  uint32_t block_idx[3];
  uint32_t dynamic_shared_bytes;
  /* Per-block buffer: static __shared__ objects at the offsets the compiler
   * chose, then `extern __shared__` memory at static_shared_bytes rounded up
   * to LINGQU_SHARED_ALIGN. Both forms of a kernel use the same offsets. */
  void *shared;
} lingqu_block_ctx;

/* One CUDA thread of the per-thread form. */
typedef struct lingqu_thread_ctx {
  lingqu_block_ctx block;
  uint32_t thread_idx[3];
  uint32_t lane; /* linear thread index modulo 32 */
  void *fiber;   /* the runtime's handle; device code only passes it on */
} lingqu_thread_ctx;

typedef void (*lingqu_block_fn)(void **args, const lingqu_block_ctx *ctx);
typedef void (*lingqu_thread_fn)(void **args, lingqu_thread_ctx *ctx);

/* lingqu_kernel_info.flags */
#define LINGQU_KERNEL_FIBER_ONLY 1u /* no block function: see lqcc's remark */

typedef struct lingqu_kernel_info {
  uint32_t abi_version;         /* LINGQU_LAUNCH_ABI_VERSION */
  uint32_t num_params;
  uint32_t static_shared_bytes; /* already a multiple of LINGQU_SHARED_ALIGN */
  uint32_t flags;               /* LINGQU_KERNEL_* */
  lingqu_block_fn block_fn;     /* NULL with LINGQU_KERNEL_FIBER_ONLY */
  const uint32_t *param_sizes; /* num_params entries: bytes of each parameter */
  lingqu_thread_fn thread_fn;
  const uint32_t *param_aligns; /* num_params entries: alignment of each one,
                                   as a packed argument buffer places it */
} lingqu_kernel_info;

/*--- Fiber executor entry points ------------------------------------------===*
 * The per-thread form calls these where the kernel synchronises; each may
 * switch to another thread of the block before it returns. `site` is a
 * NUL-terminated "file:line:col" naming the call in the source; calls at the
 * same site are the same barrier. Modes and kinds are the simt dialect's
 * (ShuffleMode: idx 0, up 1, down 2, xor 3; VoteKind: ballot 0, any 1,
 * all 2). */
void __lingqu_fiber_barrier(lingqu_thread_ctx *ctx, const char *site);
uint32_t __lingqu_fiber_shuffle(lingqu_thread_ctx *ctx, uint32_t mode,
                                uint32_t mask, uint32_t value, uint32_t offset,
                                uint32_t width);
uint32_t __lingqu_fiber_vote(lingqu_thread_ctx *ctx, uint32_t kind,
                             uint32_t mask, uint32_t predicate);
uint32_t __lingqu_fiber_active_mask(lingqu_thread_ctx *ctx, const char *site);
void __lingqu_fiber_warp_barrier(lingqu_thread_ctx *ctx, uint32_t mask);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LINGQU_ABI_FATBINARY_H */
