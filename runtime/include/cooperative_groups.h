/*===- cooperative_groups.h - CUDA cooperative groups ---------------------===*
 * Written for Lingqu on top of its barriers and warp intrinsics: the thread
 * block, static tiles of up to 32 threads (a warp or part of one), dynamic
 * partitions, the coalesced group of converged code, and the grid, with
 * grid-wide synchronisation in cooperative launches.
 *===----------------------------------------------------------------------===*/
#ifndef LINGQU_COOPERATIVE_GROUPS_H
#define LINGQU_COOPERATIVE_GROUPS_H

#include "cuda_runtime.h"

#if defined(__CUDA__)

/* The runtime's grid barrier for the block calling it (libcudart). */
extern "C" __device__ void __lingqu_grid_sync(void);

namespace cooperative_groups {

#define LINGQU_CG __device__ __inline__ __attribute__((always_inline))

namespace details {
LINGQU_CG unsigned linear_thread() {
  return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}
LINGQU_CG unsigned block_threads() { return blockDim.x * blockDim.y * blockDim.z; }
} // namespace details

/// Any group of threads: enough to synchronise and count.
class thread_group {
public:
  LINGQU_CG unsigned long long size() const { return size_; }
  LINGQU_CG unsigned long long num_threads() const { return size_; }
  LINGQU_CG unsigned long long thread_rank() const { return rank_; }
  LINGQU_CG void sync() const {
    if (size_ <= 32 && size_ == tile_)
      __syncwarp(mask_);
    else
      __syncthreads();
  }

protected:
  LINGQU_CG thread_group(unsigned size, unsigned rank, unsigned tile,
                         unsigned mask)
      : size_(size), rank_(rank), tile_(tile), mask_(mask) {}
  unsigned size_, rank_, tile_, mask_;
  template <typename P>
  friend LINGQU_CG thread_group tiled_partition(const P &parent, unsigned n);
};

class thread_block : public thread_group {
public:
  LINGQU_CG thread_block()
      : thread_group(details::block_threads(), details::linear_thread(),
                     0, 0xffffffffu) {}
  LINGQU_CG static void sync() { __syncthreads(); }
  LINGQU_CG static dim3 group_index() { return dim3(blockIdx.x, blockIdx.y, blockIdx.z); }
  LINGQU_CG static dim3 thread_index() { return dim3(threadIdx.x, threadIdx.y, threadIdx.z); }
  LINGQU_CG static dim3 group_dim() { return dim3(blockDim.x, blockDim.y, blockDim.z); }
  LINGQU_CG static dim3 dim_threads() { return group_dim(); }
};

LINGQU_CG thread_block this_thread_block() { return thread_block(); }

/// A static tile of Size threads (a power of two, at most 32): consecutive
/// thread ranks of the block, within one warp.
template <unsigned Size, typename Parent = void>
class thread_block_tile {
  static_assert(Size > 0 && Size <= 32 && (Size & (Size - 1)) == 0,
                "thread_block_tile sizes are powers of two up to 32");

public:
  LINGQU_CG thread_block_tile() {}
  LINGQU_CG static constexpr unsigned long long size() { return Size; }
  LINGQU_CG static constexpr unsigned long long num_threads() { return Size; }
  LINGQU_CG unsigned long long thread_rank() const {
    return details::linear_thread() & (Size - 1);
  }
  LINGQU_CG unsigned long long meta_group_rank() const {
    return details::linear_thread() / Size;
  }
  LINGQU_CG unsigned long long meta_group_size() const {
    return (details::block_threads() + Size - 1) / Size;
  }
  /// The lanes of this tile within its warp.
  LINGQU_CG unsigned build_mask() const {
    unsigned base = details::linear_thread() & 31 & ~(Size - 1);
    return (Size == 32 ? 0xffffffffu : ((1u << Size) - 1)) << base;
  }
  LINGQU_CG void sync() const { __syncwarp(0xffffffffu); }

  template <typename T> LINGQU_CG T shfl(T var, int src) const {
    return __shfl_sync(0xffffffffu, var, src, Size);
  }
  template <typename T> LINGQU_CG T shfl_up(T var, unsigned delta) const {
    return __shfl_up_sync(0xffffffffu, var, delta, Size);
  }
  template <typename T> LINGQU_CG T shfl_down(T var, unsigned delta) const {
    return __shfl_down_sync(0xffffffffu, var, delta, Size);
  }
  template <typename T> LINGQU_CG T shfl_xor(T var, unsigned mask) const {
    return __shfl_xor_sync(0xffffffffu, var, mask, Size);
  }
  /// Bit r set when the tile's thread of rank r votes true.
  LINGQU_CG unsigned ballot(int predicate) const {
    unsigned all = __ballot_sync(0xffffffffu, predicate);
    return (all & build_mask()) >> (details::linear_thread() & 31 & ~(Size - 1));
  }
  LINGQU_CG bool any(int predicate) const { return ballot(predicate) != 0; }
  LINGQU_CG bool all(int predicate) const {
    unsigned present = __activemask() & build_mask();
    return (__ballot_sync(0xffffffffu, predicate) & build_mask()) == present;
  }
  template <typename T> LINGQU_CG unsigned match_any(T value) const {
    unsigned base = details::linear_thread() & 31 & ~(Size - 1);
    return (__match_any_sync(0xffffffffu, value) & build_mask()) >> base;
  }
  template <typename T> LINGQU_CG unsigned match_all(T value, int &pred) const {
    unsigned same = match_any(value);
    unsigned everyone = Size == 32 ? 0xffffffffu : ((1u << Size) - 1);
    pred = all(same == everyone);
    return pred ? everyone : 0u;
  }
};

template <unsigned Size, typename P>
LINGQU_CG thread_block_tile<Size> tiled_partition(const P &) {
  return thread_block_tile<Size>();
}

/// A dynamic partition of the block into groups of n consecutive ranks.
template <typename P>
LINGQU_CG thread_group tiled_partition(const P &parent, unsigned n) {
  unsigned rank = (unsigned)parent.thread_rank();
  unsigned base = details::linear_thread() & 31 & ~(n - 1);
  unsigned mask = n >= 32 ? 0xffffffffu : ((1u << n) - 1) << base;
  return thread_group(n, rank % n, n, mask);
}

/// The threads that execute together here. Lingqu runs collectives only in
/// code the whole block takes alike, so that is the thread's whole warp.
class coalesced_group : public thread_block_tile<32> {
public:
  LINGQU_CG unsigned long long size() const {
    return __builtin_popcount(__activemask());
  }
  LINGQU_CG unsigned long long num_threads() const { return size(); }
};
LINGQU_CG coalesced_group coalesced_threads() { return coalesced_group(); }

/// The whole grid.
class grid_group {
public:
  LINGQU_CG unsigned long long size() const {
    return (unsigned long long)details::block_threads() * gridDim.x * gridDim.y *
           gridDim.z;
  }
  LINGQU_CG unsigned long long num_threads() const { return size(); }
  LINGQU_CG unsigned long long thread_rank() const {
    unsigned long long block =
        blockIdx.x + (unsigned long long)gridDim.x *
                         (blockIdx.y + (unsigned long long)gridDim.y * blockIdx.z);
    return block * details::block_threads() + details::linear_thread();
  }
  LINGQU_CG bool is_valid() const { return true; }
  LINGQU_CG dim3 group_dim() const { return dim3(gridDim.x, gridDim.y, gridDim.z); }
  /// Every thread of every block waits here. Only valid in a kernel
  /// launched with cudaLaunchCooperativeKernel (all blocks run at once).
  LINGQU_CG void sync() const {
    __syncthreads();
    if (details::linear_thread() == 0)
      __lingqu_grid_sync();
    __syncthreads();
  }
};
LINGQU_CG grid_group this_grid() { return grid_group(); }

#undef LINGQU_CG
} // namespace cooperative_groups

#endif /* __CUDA__ */

#include "cooperative_groups/reduce.h"
#include "cooperative_groups/scan.h"

#endif /* LINGQU_COOPERATIVE_GROUPS_H */
