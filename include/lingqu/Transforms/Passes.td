//===- Passes.td - Lingqu transformation passes -----------*- tablegen -*-===//

#ifndef LINGQU_TRANSFORMS_PASSES_TD
#define LINGQU_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LiftControlFlowToSCF : Pass<"lingqu-lift-cf-to-scf", "mlir::ModuleOp"> {
  let summary = "Lift the unstructured control flow of llvm.func bodies to scf";
  let description = [{
    Rewrites `llvm.br`, `llvm.cond_br` and `llvm.switch` into their `cf`
    counterparts and then lifts every `llvm.func` body into structured control
    flow (`scf.if`, `scf.index_switch`, `scf.while`) with MLIR's generic
    CFG-to-SCF transformation. Upstream `--lift-cf-to-scf` only walks
    `func.func`; this pass is its `llvm.func` counterpart, with
    `llvm.unreachable` as the terminator of unreachable paths.

    Loops come out in do-while form: the loop body is the `before` region of
    an `scf.while`. A function whose control flow cannot be lifted is reported
    as an error on the function. A loop's annotation (`#pragma unroll`),
    which sits on its latch branch, moves to its `scf.while`, where
    `convert-scf-to-cf` puts it back on the new latch. Lifetime markers
    that come to name anything but an alloca (a local passed as a block
    argument becomes an scf result; LLVM rejects the marker) are dropped.

    Example: a diamond `llvm.cond_br %c, ^a, ^b` joined at `^c` becomes an
    `scf.if %c` whose results replace the block arguments of `^c`.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::cf::ControlFlowDialect",
    "mlir::scf::SCFDialect", "mlir::ub::UBDialect"
  ];
}

def BindDeviceLibcalls : Pass<"lingqu-bind-device-libcalls", "mlir::ModuleOp"> {
  let summary = "Point the device's runtime calls at Lingqu's CPU runtime";
  let description = [{
    Clang lowers device-side `printf` to a call of `vprintf(format, args)`,
    where `args` is a buffer of the arguments laid out as PTX does (each
    aligned to its size). On a CPU that name is the C library's `vprintf`,
    which takes a `va_list`; this pass renames the declaration and its calls
    to `__lingqu_vprintf`, which Lingqu's runtime implements for that buffer.

    Example: `llvm.call @vprintf(%f, %a)` becomes
    `llvm.call @__lingqu_vprintf(%f, %a)`.
  }];
}

def EraseAddressSpaces : Pass<"lingqu-erase-address-spaces", "mlir::ModuleOp"> {
  let summary = "Make every LLVM pointer a generic (address space 0) pointer";
  let description = [{
    CPU targets have one flat address space. This pass rewrites every
    `!llvm.ptr<N>` in types, attributes and function signatures to `!llvm.ptr`,
    resets the `addr_space` of globals to 0, and folds the `llvm.addrspacecast`
    ops that have become no-ops. A `__constant__` variable (a global in
    address space 4 with external linkage) stops being `constant`: the host
    writes it with `cudaMemcpyToSymbol`, so it must not be read-only memory.

    Example: `%1 = llvm.addrspacecast %0 : !llvm.ptr<1> to !llvm.ptr` becomes
    a use of `%0 : !llvm.ptr`.
  }];
}

def UniformStridedLoops : Pass<"lingqu-uniform-strided-loops",
                               "mlir::ModuleOp"> {
  let summary = "Give loops that stride from a thread's index a block-uniform "
                "trip count";
  let description = [{
    A block- or grid-stride loop, `for (i = u + threadIdx.x; i < n; i += s)`
    with `u`, `n` and `s` the same in every thread of a block, runs a trip
    count of its own in each thread, so it stays inside its thread's loop on
    the CPU: scalar, one thread's elements after another. In a kernel
    (`simt.kernel`), this pass rewrites it as a loop over the base
    `b = u, u + s, ...` while `b < n`, whose body runs where the thread's
    own `i = b + threadIdx.x` still satisfies `i < n`. The trip count is
    then block-uniform, so convert-simt-to-cpu moves the loop to block
    level with the (vectorisable) thread loop inside it. Each thread runs
    the same iterations in the same order as before.

    The loop is the do-while form that lingqu-lift-cf-to-scf produces: an
    `scf.while` whose `before` region compares the index with the bound and
    runs the body in an `scf.if` on that compare, the body yielding
    `i + s` and a continue flag. The index may be signed or unsigned, the
    compare `<` or `<=` (either way round); the thread's part is
    `threadIdx.{x,y,z}`, possibly extended. Other carried values (a sum)
    keep their value in the iterations a thread has finished. The rewrite
    holds where no index wraps: the loop is versioned on a block-uniform
    run-time check (`s > 0`, `u + blockDim - 1` and `n + s + blockDim - 1`
    representable), the original loop running where it fails. A loop
    whose index is used after it, or that holds a barrier or a warp
    collective, is left alone, and so is one inside another strided loop
    (it stays in its thread, where convert-simt-to-cpu folds it into the
    thread loop instead).

    Example: `for (i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
    i += blockDim.x * gridDim.x) sum += a[i];` becomes
    `for (b = blockIdx.x * blockDim.x; b < n; b += blockDim.x * gridDim.x)
    if (b + threadIdx.x < n) sum += a[b + threadIdx.x];`.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect", "mlir::scf::SCFDialect",
    "mlir::ub::UBDialect"
  ];
}

def WhileFormLoops : Pass<"lingqu-while-form-loops", "mlir::ModuleOp"> {
  let summary = "Give lifted loops their while form";
  let description = [{
    lingqu-lift-cf-to-scf gives a loop `for (...; c; ...) {body}` the form
    `scf.while { %r = scf.if c {body; yield next, 1} else {yield poison,
    0}; scf.condition(%r#flag) %r }`: the body runs in a branch of the
    `before` region. LLVM then sees a loop whose latch picks between the
    body's values and poison, which has no trip count it can compute
    unless it can speculate the body (a body that stores cannot be): a
    `#pragma unroll` loop with a constant trip count is unrolled only after
    the vectoriser has run. This pass rewrites such a loop into its while
    form, `scf.while { scf.condition(c) args } do { body; yield next }`.

    It applies where the branch's flag is the constant 1 on the body's side
    and 0 on the other (no `break`), and where each result of the loop
    that is used is, on exit, an iteration argument (its own or another's)
    or a value from outside the loop (lifting routes the next loop's start
    values through this one's exit), or poison.
    Pure ops of the `before` region that the body uses are recomputed in
    the `after` region; a loop whose body needs an impure one is left
    alone.

    Example: `scf.while (%i = %c0) { %c = llvm.icmp "slt" %i, %n; %r:2 =
    scf.if %c {... scf.yield %i1, %one} else {scf.yield %poison, %zero};
    scf.condition(%r#1) %r#0 } do {^bb0(%j): scf.yield %j}` becomes
    `scf.while (%i = %c0) { %c = llvm.icmp "slt" %i, %n;
    scf.condition(%c) %i } do {^bb0(%j): ... scf.yield %j1}`.
  }];
}

def SplitGuardedThreadLoops : Pass<"lingqu-split-guarded-thread-loops",
                                   "mlir::ModuleOp"> {
  let summary = "Split thread loops where a guard on the thread index "
                "changes its value";
  let description = [{
    `if (blockIdx.x * blockDim.x + threadIdx.x < n)` holds for a prefix of
    a block's threads; `>=` (as `if (i >= n) return;` lifts) for a suffix.
    A thread loop (marked `simt.thread_loop`, unit step) holding such a
    compare, at any depth (in a loop each thread runs, and-ed with other
    conditions), becomes two loops: over the threads below the split and
    over those above it, each with the compare replaced by what it is
    there. The threads run in the order they did; the vectoriser sees
    loops without the branch, where it had to mask each access (a load
    every thread makes from one `__shared__` address became a masked
    gather).

    The compare is `index pred bound` with `pred` one of `<`, `<=`, `>`,
    `>=` (signed or not, either operand order), `index` the thread index
    (extended or not) or `base + index`, and `base` and `bound` computable
    before the loop. The split point is computed in twice the compare's
    width and clamped to the loop's bounds. Where `base + index` could
    wrap for the block's last thread the threads the compare admits are
    not a prefix: the two loops are versioned on that check
    (block-uniform), with the original loop where it fails.

    In each copy the constant folds into what reads it: a branch becomes
    the side it takes, a select its operand, `and`/`or`/`xor` with it
    simplify. A copy left without side effects is removed; stores of
    poison (a value the threads of that copy never define, such as a
    branch result carried to a later barrier interval) are removed with
    it, a refinement of the original.

    Example: `scf.for %tx = %c0 to %n step %c1 { %i = llvm.add %b, %tx;
    %c = llvm.icmp "slt" %i, %len; scf.if %c {...} } {simt.thread_loop}`
    becomes `scf.if %nowrap { scf.for %tx = %c0 to %k step %c1 {...}
    {simt.thread_loop} } else {the loop as it was}`, with `%k` the
    clamped `%len - %b`.
  }];
  let dependentDialects = [
    "mlir::LLVM::LLVMDialect", "mlir::scf::SCFDialect"
  ];
}

def PrefetchStridedLoads : Pass<"lingqu-prefetch-strided-loads",
                                "mlir::ModuleOp"> {
  let summary = "Prefetch the runs a block-level loop's later iterations "
                "load";
  let description = [{
    A grid-stride loop (`i += gridDim.x * blockDim.x`) becomes, on the CPU,
    a block-level loop whose iterations each have the block's threads load
    one contiguous run (`base[i + tx]`, a kilobyte for 256 floats) and then
    jump by the grid's whole stride. Runs that short, a page or more apart,
    are too short for the hardware prefetchers, which follow a stream for a
    while before they run ahead of it: every run starts with misses.

    A block-level loop is an `scf.while` around the thread loop (marked
    `simt.thread_loop`) that adds a loop-invariant step to one of its
    values (lifted loops are all in while form; the `scf.for` loops around
    a thread loop are the block's y and z dimensions, never prefetched
    for). Where the thread loop loads `base[index]`, `base` known before it
    and not an `llvm.alloca` (per-thread slots are in cache), and `index`
    the thread index plus terms through additions and extensions (`a +
    ext(b + tx)`: consecutive threads, consecutive elements), the terms
    computable before the thread loop and changing, one at least, with the
    nearest such block loop through integer arithmetic, this pass inserts
    before the thread loop a loop that prefetches (for reading, into every
    cache level) the same run `distance` iterations of the block loop
    later, one address per 64-byte line. The later terms are computed
    without wrap flags and the addresses without `inbounds`: past the
    array's end a prefetch does nothing.

    Example: `scf.while (%i = ...) {...} do { ^bb0(%i): scf.for %tx = %c0
    to %n step %c1 { %j = llvm.add %i, %tx; %p = llvm.getelementptr
    %a[%j]; llvm.load %p } {simt.thread_loop}; scf.yield (%i + %s) }`
    gains, before the thread loop, `scf.for %t = %c0 to %n step %c16 {
    llvm.intr.prefetch %a[%i + 2 * %s + %t] }` (for 4-byte elements).
  }];
  let options = [
    Option<"distance", "distance", "int64_t", /*default=*/"2",
           "How many iterations of the block loop ahead to prefetch">
  ];
  let dependentDialects = [
    "mlir::LLVM::LLVMDialect", "mlir::scf::SCFDialect"
  ];
}

def VectorizeThreadLoops : Pass<"lingqu-vectorize-thread-loops",
                                "mlir::ModuleOp"> {
  let summary = "Annotate thread loops for LLVM's loop vectoriser";
  let description = [{
    A thread loop (the loop over `threadIdx.x` that convert-simt-to-cpu
    builds, marked `simt.thread_loop`) runs the CUDA threads of one
    barrier-free piece, which share no data except through atomics (any
    other sharing is a data race): its iterations are independent. This
    pass puts the loop's memory accesses in an access group and names the
    group in the loop's `llvm.loop_annotation` as parallel, so that the
    vectoriser needs no run-time overlap checks (a kernel's pointers are
    rarely `__restrict__`). A loop with a volatile or atomic access (as
    LowerSharedAtomics leaves shared counters) is not marked.

    A thread loop whose body holds a loop of its own (one that
    convert-simt-to-cpu did not move to block level: it only computes, or
    its trip count is a short constant) is an outer loop, which the
    vectoriser leaves alone unless asked: the annotation also enables
    vectorisation, and lqcc's code generator turns on LLVM's outer-loop
    (VPlan-native) path, which runs the inner loop for a vector of threads
    where it can prove that legal. Loops the user annotated are left alone.

    Example: `scf.for %tx = ... {llvm.load %p} {simt.thread_loop}` becomes
    `scf.for %tx = ... {llvm.load %p {access_groups = [#g]}}
    {llvm.loop_annotation = #llvm.loop_annotation<parallelAccesses = #g>,
    simt.thread_loop}`.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def LowerSharedAtomics : Pass<"lingqu-lower-shared-atomics", "mlir::ModuleOp"> {
  let summary = "Make atomics on __shared__ memory plain read-modify-writes";
  let description = [{
    On the CPU device a block's threads all run on one OS thread (as loop
    iterations, or as fibers that switch only at barriers), and a block's
    shared memory is its own: no other thread can see an atomic operation
    on it half done. This pass turns `llvm.atomicrmw` and `llvm.cmpxchg` on
    a pointer into the shared address space (address space 3, or derived
    from one by GEPs and address-space casts) into a load, the operation,
    and a store, which cost a fraction of a locked instruction. `atomicInc`
    and `atomicDec` (`uinc_wrap`, `udec_wrap`) keep their wrapping rule;
    volatile atomics and operations without a plain form stay atomic.

    Example: `%old = llvm.atomicrmw add %p, %v monotonic` on a shared `%p`
    becomes `%old = llvm.load %p`, `%new = llvm.add %old, %v`,
    `llvm.store %new, %p`.
  }];
}

def MaterializeLoopAnnotations : Pass<"lingqu-materialize-loop-annotations",
                                      "mlir::ModuleOp"> {
  let summary = "Make latch branches' loop annotations their own";
  let description = [{
    `convert-scf-to-cf` moves an `scf.for`'s `llvm.loop_annotation` onto
    the loop's latch branch as a discardable attribute, and
    `convert-cf-to-llvm` keeps it there, but the translation to LLVM IR only
    reads an `llvm.br`'s or `llvm.cond_br`'s own `loop_annotation`. This pass
    moves it there, so that the annotation becomes `!llvm.loop` metadata
    (as VectorizeThreadLoops needs).

    Example: `llvm.br ^bb1 {llvm.loop_annotation = #a}` becomes
    `llvm.br ^bb1 {loop_annotation = #a}`.
  }];
}

#endif // LINGQU_TRANSFORMS_PASSES_TD
