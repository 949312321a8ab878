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

#endif // LINGQU_DIALECT_SIMT_SIMTOPS_TD
