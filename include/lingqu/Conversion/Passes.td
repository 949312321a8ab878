//===- Passes.td - Lingqu conversion passes ---------------*- tablegen -*-===//

#ifndef LINGQU_CONVERSION_PASSES_TD
#define LINGQU_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNVVMToSIMT : Pass<"convert-nvvm-to-simt", "mlir::ModuleOp"> {
  let summary = "Raise NVVM special registers, barriers and kernels to simt";
  let description = [{
    The import step of Lingqu's pipeline. Clang's CUDA device code arrives as
    LLVM IR for NVPTX; after translation to MLIR it reads thread coordinates
    through `nvvm.read.ptx.sreg.*` ops and synchronises through the
    `llvm.nvvm.barrier.cta.sync.aligned.all` intrinsic. This pass rewrites

    * `nvvm.read.ptx.sreg.{tid,ctaid,ntid,nctaid}.{x,y,z}` to
      `simt.{thread_id,block_id,block_dim,grid_dim}`,
    * `nvvm.read.ptx.sreg.laneid` and `.warpsize` to `simt.lane_id` and
      `simt.warp_size`,
    * the block barrier (`nvvm.barrier0`, or the intrinsic with barrier 0) to
      `simt.barrier`,
    * the `ptx_kernel` calling convention to the `simt.kernel` attribute on a
      C-calling-convention function.

    Other NVVM operations are left alone; a later target-specific lowering
    rejects those it cannot handle.

    Example:

    ```mlir
    %0 = nvvm.read.ptx.sreg.tid.x : i32
    ```
    becomes `%0 = simt.thread_id x : i32`.
  }];
  let dependentDialects = ["lingqu::simt::SIMTDialect"];
}

def ConvertSIMTToCPU : Pass<"convert-simt-to-cpu", "mlir::ModuleOp"> {
  let summary = "Lower each simt kernel to a CPU block function and a thread function";
  let description = [{
    Collapses the threads of a block into loops. For each `llvm.func` marked
    `simt.kernel`, emits

    * `__lingqu_block_<kernel>(ptr %args, ptr %ctx)`, which loads the kernel
      parameters from the `void **args` array of the launch and the grid
      coordinates from the `lingqu_block_ctx` (see
      `include/lingqu/ABI/FatBinary.h`), then runs every thread of one block:
      the body is split at each `simt.barrier` and each barrier-free piece is
      wrapped in `scf.for` loops over `z`, `y`, `x` (innermost `x`);
    * `__lingqu_thread_<kernel>(ptr %args, ptr %ctx)`, the per-thread form
      for the fiber executor: the kernel as written, its coordinates read
      from the `lingqu_thread_ctx`, `simt.barrier` and the warp collectives
      turned into calls of the executor's `__lingqu_fiber_*` entry points
      (a barrier passes a constant string naming its source location);
    * `__lingqu_kernel_info_<kernel>`, the kernel's descriptor.

    An `scf.if`, `scf.index_switch`, `scf.for` or `scf.while` that holds a
    barrier (at any depth)
    runs once per block, with the thread loops inside its regions: CUDA
    requires the control around `__syncthreads()` to be the same in every
    thread, so thread 0's copy of its condition or bounds stands for all. Of
    the values it carries (iteration arguments, results), the block-uniform
    ones (see `lingqu/Analysis/Uniformity.h`) stay SSA values; the others
    belong to each thread and move into per-thread arrays.

    A pure op whose operands are all block-uniform (parameters, launch
    coordinates, block-level loop indices, other such ops) is computed once
    per block, before the thread loops, and stays a scalar.
    Warp collectives (`simt.shuffle`, `simt.vote`, `simt.active_mask`,
    `simt.warp_barrier`) go through per-thread arrays: each lane publishes
    its operand, a block barrier splits the thread loops, each lane reads the
    elements of its warp (32 consecutive linear thread indices; the last warp
    may be partial). `__activemask()` names the lanes that reach it: each
    thread records whether predication lets it there.

    A branch whose condition may differ between threads, around a warp
    collective (say, `if (warp == 0) v = warp_sum(v);`), is entered by the
    whole block: its two sides become scopes that run in turn, and inside
    every thread loop in them a thread runs the code only where its own
    condition holds. Likewise a `scf.while` whose exit differs between
    threads iterates while any thread of the block still does, each thread's
    code in it predicated on its own per-thread "active" flag. Where the
    condition is `threadIdx.x < C` for a constant C (one warp's reduction
    under `if (tid < 32)`), the thread loops inside run only the x indices
    below C (unless they record for every thread whether it gets there, as
    `__activemask()` and votes need).

    A loop in thread-level code whose trip count is the same for every
    thread and which touches memory (a thread's loop over a tile, a row, a
    z column) runs the same way, once per block with the thread loops
    inside, as if its body began with a barrier: the loop over consecutive
    threads then vectorises where the thread's own loop would not. Only the
    outermost such loop moves, not one of a few constant iterations (which
    LLVM unrolls), nor one whose only loads are broadcasts (every thread
    reading the same address) where no divergent branch encloses it: the
    thread loop around that vectorises as an outer loop, its sums in
    registers. Atomics (or the volatile updates lowered shared-memory
    atomics become) after much per-thread float work get a thread loop of
    their own, so that the work vectorises. A thread loop whose only work is
    a loop striding from `threadIdx.x` by the loop's own extent (a tile's
    columns walked by the block) becomes one loop over the indices,
    versioned on the stride equalling the extent at run time. A kernel these
    keep from collapsing is collapsed without them (`interchange-loops=false`
    turns them all off).

    Values that cross a barrier are recomputed in the next piece when they
    come from pure operations (thread indices, their arithmetic, constants),
    and otherwise kept per thread in an array indexed by the linear thread
    index. Each `alloca` becomes one slice per thread of a block-wide array.
    `__shared__` variables (address space 3) become offsets in the per-block
    buffer, `extern __shared__` memory follows the static part.

    Some kernels are not collapsed: a barrier under control flow that the
    uniformity analysis cannot show to be block-uniform (CUDA leaves that
    undefined; only real threads can check it), a barrier inside another
    region op (say, `scf.execute_region`), unstructured control flow, an
    `scf.for` with thread-dependent bounds around a collective, and
    variable-length local arrays. Such a kernel gets no block function: its
    kernel info is flagged `LINGQU_KERNEL_FIBER_ONLY`, and a remark
    `kernel <name> runs on the fiber executor: <reason> (<file:line>)` says
    why. With `fiber-fallback=false` it is an error instead.

    Rejected with an error naming the kernel and the source line: simt
    operations in a function that is not a kernel (a device function that
    was not inlined), and NVVM operations without a CPU lowering.
  }];
  let options = [
    Option<"fiberFallback", "fiber-fallback", "bool", /*default=*/"true",
           "Run a kernel that cannot be collapsed on the fiber executor "
           "(with a remark) instead of failing">,
    Option<"interchangeLoops", "interchange-loops", "bool", /*default=*/"true",
           "Run per-thread loops whose trip count is the same for every "
           "thread once per block, the thread loops inside (vectorisable)">
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::LLVM::LLVMDialect", "mlir::scf::SCFDialect"];
}

def ConvertSIMTToNVVM : Pass<"convert-simt-to-nvvm", "mlir::ModuleOp"> {
  let summary = "Lower simt back to NVVM, for SIMT-preserving targets (PTX)";
  let description = [{
    The inverse of `convert-nvvm-to-simt`, for targets that keep CUDA's
    threads (the GPU runs them): each thread stays a thread, and the simt
    ops become what NVIDIA's PTX provides:

    * `simt.{thread_id,block_id,block_dim,grid_dim}` to
      `nvvm.read.ptx.sreg.{tid,ctaid,ntid,nctaid}.{x,y,z}`,
    * `simt.lane_id` and `simt.warp_size` to `nvvm.read.ptx.sreg.laneid`
      and `.warpsize`,
    * `simt.barrier` to `llvm.nvvm.barrier.cta.sync.aligned.all(0)`,
    * `simt.shuffle` to `llvm.nvvm.shfl.sync.{idx,up,down,bfly}.{i32,f32}`
      (the segment width packed into the clamp operand as PTX wants it),
    * `simt.vote`, `simt.active_mask` and `simt.warp_barrier` to
      `llvm.nvvm.vote.{ballot,any,all}.sync`, `llvm.nvvm.activemask` and
      `llvm.nvvm.bar.warp.sync`,
    * the `simt.kernel` attribute to the `ptx_kernel` calling convention.

    Example: `%0 = simt.thread_id x : i32` becomes
    `%0 = nvvm.read.ptx.sreg.tid.x : i32`.
  }];
  let dependentDialects = ["mlir::NVVM::NVVMDialect", "mlir::LLVM::LLVMDialect"];
}

def ConvertSIMTToOpenCL : Pass<"convert-simt-to-opencl", "mlir::ModuleOp"> {
  let summary = "Lower simt to OpenCL work-item builtins, for SPIR-V";
  let description = [{
    For OpenCL-flavoured SPIR-V targets, which keep CUDA's threads as
    work-items:

    * `simt.{thread_id,block_id,block_dim,grid_dim}` to calls of
      `get_local_id`, `get_group_id`, `get_local_size` and `get_num_groups`
      (their Itanium-mangled names, which LLVM's SPIR-V backend turns into
      built-in variables), truncated to `i32`;
    * `simt.barrier` to `barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)`;
    * the `simt.kernel` attribute to the `spir_kernel` calling convention,
      other functions with bodies to `spir_func`.

    Warp-level ops (lane id, warp size, shuffles, votes, the active mask, the
    warp barrier) are refused, naming the kernel and the op: an OpenCL
    sub-group is not a 32-lane warp.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def MapOpenCLAddressSpaces : Pass<"lingqu-map-opencl-address-spaces", "mlir::ModuleOp"> {
  let summary = "Renumber NVPTX address spaces as OpenCL's (SPIR)";
  let description = [{
    NVPTX and OpenCL number their address spaces differently: generic 0 ->
    4, global 1 -> 1, shared 3 -> local 3, constant 4 -> 2, local 5 ->
    private 0. Every pointer type and global is renumbered; allocas, which
    NVPTX places in the generic space, become private allocas cast to
    generic; a kernel's pointer parameters, generic in CUDA, become global
    pointers cast to generic on entry (OpenCL kernels take no generic
    pointers).
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def ConvertSIMTToROCDL : Pass<"convert-simt-to-rocdl", "mlir::ModuleOp"> {
  let summary = "Lower simt to ROCDL, for AMDGPU code objects";
  let description = [{
    For AMD GPUs, which keep CUDA's threads as work-items:

    * `simt.thread_id` and `simt.block_id` to `rocdl.workitem.id.*` and
      `rocdl.workgroup.id.*`;
    * `simt.block_dim` and `simt.grid_dim` to loads from the HSA dispatch
      packet (`llvm.amdgcn.dispatch.ptr`: the work-group size, and the grid
      size in work-items divided by it), which need no device library;
    * `simt.barrier` to `rocdl.barrier` (a work-group fence around
      `s_barrier`, as HIP's `__syncthreads()`);
    * the `simt.kernel` attribute to the `amdgpu_kernel` calling convention;
    * allocas, which NVPTX places in the generic (flat) space, to AMDGPU's
      private space 5, cast to flat.

    Warp-level ops are refused, naming the kernel and the op: a wavefront
    has 64 lanes where CUDA's warp has 32.
  }];
  let dependentDialects = ["mlir::ROCDL::ROCDLDialect", "mlir::LLVM::LLVMDialect"];
}

#endif // LINGQU_CONVERSION_PASSES_TD
