//===- SIMTOps.td - simt dialect operations ---------------*- tablegen -*-===//

#ifndef LINGQU_DIALECT_SIMT_SIMTOPS_TD
#define LINGQU_DIALECT_SIMT_SIMTOPS_TD

include "lingqu/Dialect/SIMT/SIMTDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def SIMT_Dimension : I32EnumAttr<"Dimension", "a grid or block dimension", [
    I32EnumAttrCase<"x", 0>, I32EnumAttrCase<"y", 1>, I32EnumAttrCase<"z", 2>
  ]> {
  let cppNamespace = "::lingqu::simt";
}

def SIMT_ShuffleMode : I32EnumAttr<"ShuffleMode", "where a shuffle reads from", [
    I32EnumAttrCase<"idx", 0>, I32EnumAttrCase<"up", 1>,
    I32EnumAttrCase<"down", 2>, I32EnumAttrCase<"bfly", 3, "xor">
  ]> {
  let cppNamespace = "::lingqu::simt";
}

def SIMT_VoteKind : I32EnumAttr<"VoteKind", "how a vote combines predicates", [
    I32EnumAttrCase<"ballot", 0>, I32EnumAttrCase<"any", 1>,
    I32EnumAttrCase<"all", 2>
  ]> {
  let cppNamespace = "::lingqu::simt";
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

class SIMT_Op<string mnemonic, list<Trait> traits = []>
    : Op<SIMT_Dialect, mnemonic, traits>;

// Coordinates are pure within one thread: two reads in the same thread agree.
class SIMT_IndexOp<string mnemonic, string what>
    : SIMT_Op<mnemonic, [Pure]> {
  let summary = "The " # what # " along one dimension";
  let description = [{
    Returns the }] # what # [{ along dimension `x`, `y` or `z` as an `i32`,
    like the corresponding CUDA built-in variable.

    Example:

    ```mlir
    %0 = simt.}] # mnemonic # [{ x : i32
    ```
  }];
  let arguments = (ins SIMT_Dimension:$dimension);
  let results = (outs I32:$result);
  let assemblyFormat = "$dimension attr-dict `:` type($result)";
}

def SIMT_ThreadIdOp : SIMT_IndexOp<"thread_id", "thread index in its block (threadIdx)">;
def SIMT_BlockIdOp : SIMT_IndexOp<"block_id", "block index in the grid (blockIdx)">;
def SIMT_BlockDimOp : SIMT_IndexOp<"block_dim", "number of threads per block (blockDim)">;
def SIMT_GridDimOp : SIMT_IndexOp<"grid_dim", "number of blocks in the grid (gridDim)">;

def SIMT_LaneIdOp : SIMT_Op<"lane_id", [Pure]> {
  let summary = "The thread's lane in its warp";
  let description = [{
    Returns the lane of the calling thread in its warp, in `[0, warp_size)`.
    Warps are formed from consecutive linear thread indices
    (`x + y * blockDim.x + z * blockDim.x * blockDim.y`), as CUDA specifies.

    Example:

    ```mlir
    %lane = simt.lane_id : i32
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def SIMT_WarpSizeOp : SIMT_Op<"warp_size", [Pure]> {
  let summary = "The number of threads in a warp";
  let description = [{
    Returns the warp size, which is 32 on every Lingqu target, as on CUDA.

    Example:

    ```mlir
    %ws = simt.warp_size : i32
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def SIMT_BarrierOp : SIMT_Op<"barrier"> {
  let summary = "Block-wide barrier (__syncthreads)";
  let description = [{
    Waits until every thread of the block has reached this barrier, and makes
    the memory writes of each of them visible to all. Like `__syncthreads()`,
    it must be reached by all threads of the block or by none; it may only
    appear in a function (kernel or device function).

    Example:

    ```mlir
    simt.barrier
    ```
  }];
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def SIMT_ShuffleOp : SIMT_Op<"shuffle", [AllTypesMatch<["value", "result"]>]> {
  let summary = "Exchange a value between the lanes of a warp (__shfl*_sync)";
  let description = [{
    Every lane named in `mask` contributes `value` and receives the `value`
    of another lane of its `width`-lane segment (`width` a power of two up to
    32): lane `offset` of the segment (`idx`), `offset` lanes below (`up`) or
    above (`down`), or lane `lane ^ offset` (`xor`). A lane whose source
    falls outside its segment, or past the last thread of a partial warp,
    receives its own value.

    Example:

    ```mlir
    %r = simt.shuffle down %mask, %v, %c4, %c32 : f32
    ```
  }];
  let arguments = (ins SIMT_ShuffleMode:$mode, I32:$mask, AnyTypeOf<[I32, F32]>:$value,
                       I32:$offset, I32:$width);
  let results = (outs AnyTypeOf<[I32, F32]>:$result);
  let assemblyFormat = [{
    $mode $mask `,` $value `,` $offset `,` $width attr-dict `:` type($value)
  }];
}

def SIMT_VoteOp : SIMT_Op<"vote"> {
  let summary = "Combine a predicate over a warp (__ballot/__any/__all_sync)";
  let description = [{
    `ballot` returns the mask (i32) of lanes in `mask` whose predicate holds;
    `any` and `all` (i1) whether one or every lane in `mask` (that exists in
    a partial warp) has it.

    Example:

    ```mlir
    %b = simt.vote ballot %mask, %p : i32
    ```
  }];
  let arguments = (ins SIMT_VoteKind:$kind, I32:$mask, I1:$predicate);
  let results = (outs AnyTypeOf<[I1, I32]>:$result);
  let assemblyFormat = "$kind $mask `,` $predicate attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def SIMT_ActiveMaskOp : SIMT_Op<"active_mask"> {
  let summary = "The lanes of the warp executing together (__activemask)";
  let description = [{
    Example:

    ```mlir
    %m = simt.active_mask : i32
    ```
  }];
  let results = (outs I32:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def SIMT_WarpBarrierOp : SIMT_Op<"warp_barrier"> {
  let summary = "Warp-wide barrier (__syncwarp)";
  let description = [{
    Waits for the lanes in `mask` and orders their memory accesses.

    Example:

    ```mlir
    simt.warp_barrier %mask
    ```
  }];
  let arguments = (ins I32:$mask);
  let assemblyFormat = "$mask attr-dict";
}

#endif // LINGQU_DIALECT_SIMT_SIMTOPS_TD
