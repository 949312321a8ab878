//===- SIMTToOpenCL.cpp - Lower simt to OpenCL work-item builtins ---------===//
//
// OpenCL-flavoured SPIR-V keeps CUDA's threads as work-items. LLVM's SPIR-V
// backend recognises OpenCL's built-in functions by their Itanium-mangled
// names and turns them into SPIR-V built-in variables and instructions.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Conversion/SIMTToOpenCL.h"
#include "lingqu/Conversion/WarpLevelOps.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_CONVERTSIMTTOOPENCL
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using namespace lingqu;

namespace {
struct ConvertSIMTToOpenCLPass
    : lingqu::impl::ConvertSIMTToOpenCLBase<ConvertSIMTToOpenCLPass> {
  void runOnOperation() override;
};
} // namespace

/// The declaration of OpenCL built-in `name` of type `type`, made once.
static LLVM::LLVMFuncOp builtin(ModuleOp module, StringRef name,
                               LLVM::LLVMFunctionType type) {
  if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return f;
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto f = LLVM::LLVMFuncOp::create(b, module.getLoc(), name, type);
  f.setCConv(LLVM::cconv::CConv::SPIR_FUNC);
  return f;
}

/// get_local_id(dim) and its kin: size_t of a uint, truncated to CUDA's
/// 32-bit coordinates.
static void lowerCoordinate(Operation *op, StringRef name,
                            simt::Dimension dim) {
  ModuleOp module = op->getParentOfType<ModuleOp>();
  MLIRContext *ctx = op->getContext();
  Type i32 = IntegerType::get(ctx, 32), i64 = IntegerType::get(ctx, 64);
  LLVM::LLVMFuncOp f =
      builtin(module, name, LLVM::LLVMFunctionType::get(i64, {i32}));
  OpBuilder b(op);
  Value index = LLVM::ConstantOp::create(b, op->getLoc(), i32,
                                         static_cast<int32_t>(dim));
  auto call = LLVM::CallOp::create(b, op->getLoc(), f, ValueRange{index});
  call.setCConv(LLVM::cconv::CConv::SPIR_FUNC);
  Value value = LLVM::TruncOp::create(b, op->getLoc(), i32, call.getResult());
  op->getResult(0).replaceAllUsesWith(value);
  op->erase();
}

void ConvertSIMTToOpenCLPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();

  // Warp-level ops have nothing to lower to yet.
  if (failed(refuseWarpLevelOps(module, "spirv64",
                                "an OpenCL sub-group is not a 32-lane warp")))
    return signalPassFailure();

  for (Operation *op : collectCoordinatesAndBarriers(module)) {
    if (auto id = dyn_cast<simt::ThreadIdOp>(op))
      lowerCoordinate(op, "_Z12get_local_idj", id.getDimension());
    else if (auto id = dyn_cast<simt::BlockIdOp>(op))
      lowerCoordinate(op, "_Z12get_group_idj", id.getDimension());
    else if (auto dim = dyn_cast<simt::BlockDimOp>(op))
      lowerCoordinate(op, "_Z14get_local_sizej", dim.getDimension());
    else if (auto dim = dyn_cast<simt::GridDimOp>(op))
      lowerCoordinate(op, "_Z14get_num_groupsj", dim.getDimension());
    else {
      // __syncthreads() orders shared and global memory within the block.
      Type i32 = IntegerType::get(ctx, 32);
      LLVM::LLVMFuncOp f = builtin(
          module, "_Z7barrierj",
          LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {i32}));
      OpBuilder b(op);
      constexpr int32_t kLocalAndGlobalFence = 1 | 2;
      Value flags =
          LLVM::ConstantOp::create(b, op->getLoc(), i32, kLocalAndGlobalFence);
      auto call = LLVM::CallOp::create(b, op->getLoc(), f, ValueRange{flags});
      call.setCConv(LLVM::cconv::CConv::SPIR_FUNC);
      op->erase();
    }
  }

  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    if (func->hasAttr(simt::SIMTDialect::getKernelAttrName())) {
      func->removeAttr(simt::SIMTDialect::getKernelAttrName());
      func.setCConv(LLVM::cconv::CConv::SPIR_KERNEL);
    } else if (!func.isExternal() || func.getName().starts_with("_Z")) {
      func.setCConv(LLVM::cconv::CConv::SPIR_FUNC);
    }
  }
  module.walk([](LLVM::CallOp call) {
    call.setCConv(LLVM::cconv::CConv::SPIR_FUNC);
  });
}
