//===- SIMTToROCDL.cpp - Lower simt to ROCDL for AMDGPU -------------------===//
//
// AMD GPUs keep CUDA's threads as work-items. The block and grid sizes come
// from the HSA dispatch packet rather than ROCm's device library, which
// Lingqu does not have.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Conversion/SIMTToROCDL.h"
#include "lingqu/Conversion/PrivateAllocas.h"
#include "lingqu/Conversion/WarpLevelOps.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/ROCDLDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace lingqu {
#define GEN_PASS_DEF_CONVERTSIMTTOROCDL
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using namespace lingqu;

namespace {
struct ConvertSIMTToROCDLPass
    : lingqu::impl::ConvertSIMTToROCDLBase<ConvertSIMTToROCDLPass> {
  void runOnOperation() override;
};

// AMDGPU's address spaces: flat (generic) 0, constant 4, private 5.
constexpr unsigned kFlat = 0, kConstant = 4, kPrivate = 5;
// hsa_kernel_dispatch_packet_t: workgroup_size_x/y/z (uint16) from byte 4,
// grid_size_x/y/z (uint32, in work-items) from byte 12.
constexpr int64_t kWorkgroupSizeOffset = 4, kGridSizeOffset = 12;
} // namespace

/// A field of the dispatch packet: `width`-bit, at `offset`, as i32.
static Value dispatchField(OpBuilder &b, Location loc, int64_t offset,
                           unsigned width) {
  MLIRContext *ctx = b.getContext();
  auto packetType = LLVM::LLVMPointerType::get(ctx, kConstant);
  auto packet = LLVM::CallIntrinsicOp::create(
      b, loc, TypeRange{packetType},
      b.getStringAttr("llvm.amdgcn.dispatch.ptr"), ValueRange{},
      LLVM::FastmathFlagsAttr::get(ctx, LLVM::FastmathFlags::none));
  Type i8 = b.getI8Type(), field = b.getIntegerType(width);
  Value address = LLVM::GEPOp::create(b, loc, packetType, i8,
                                      packet.getResult(0),
                                      ArrayRef<LLVM::GEPArg>{offset});
  Value value = LLVM::LoadOp::create(b, loc, field, address, width / 8,
                                     /*isVolatile=*/false,
                                     /*isNonTemporal=*/false,
                                     /*isInvariant=*/true);
  return width == 32 ? value
                     : LLVM::ZExtOp::create(b, loc, b.getI32Type(), value);
}

template <typename X, typename Y, typename Z>
static Value readRegister(OpBuilder &b, Location loc, simt::Dimension dim) {
  Type i32 = b.getI32Type();
  switch (dim) {
  case simt::Dimension::x:
    return X::create(b, loc, i32);
  case simt::Dimension::y:
    return Y::create(b, loc, i32);
  case simt::Dimension::z:
    return Z::create(b, loc, i32);
  }
  return {};
}

void ConvertSIMTToROCDLPass::runOnOperation() {
  ModuleOp module = getOperation();
  // Warp-level ops have nothing to lower to yet.
  if (failed(refuseWarpLevelOps(module, "amdgpu",
                                "a wavefront has 64 lanes, a CUDA warp 32")))
    return signalPassFailure();

  for (Operation *op : collectCoordinatesAndBarriers(module)) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    Value value;
    if (auto id = dyn_cast<simt::ThreadIdOp>(op)) {
      value = readRegister<ROCDL::ThreadIdXOp, ROCDL::ThreadIdYOp,
                           ROCDL::ThreadIdZOp>(b, loc, id.getDimension());
    } else if (auto id = dyn_cast<simt::BlockIdOp>(op)) {
      value = readRegister<ROCDL::BlockIdXOp, ROCDL::BlockIdYOp,
                           ROCDL::BlockIdZOp>(b, loc, id.getDimension());
    } else if (auto dim = dyn_cast<simt::BlockDimOp>(op)) {
      value = dispatchField(
          b, loc, kWorkgroupSizeOffset + 2 * int64_t(dim.getDimension()), 16);
    } else if (auto dim = dyn_cast<simt::GridDimOp>(op)) {
      int64_t d = int64_t(dim.getDimension());
      Value items = dispatchField(b, loc, kGridSizeOffset + 4 * d, 32);
      Value group = dispatchField(b, loc, kWorkgroupSizeOffset + 2 * d, 16);
      value = LLVM::UDivOp::create(b, loc, items, group);
    } else {
      ROCDL::BarrierOp::create(b, loc);
      op->erase();
      continue;
    }
    op->getResult(0).replaceAllUsesWith(value);
    op->erase();
  }

  for (auto func : module.getOps<LLVM::LLVMFuncOp>())
    if (func->hasAttr(simt::SIMTDialect::getKernelAttrName())) {
      func->removeAttr(simt::SIMTDialect::getKernelAttrName());
      func.setCConv(LLVM::cconv::CConv::AMDGPU_KERNEL);
    }
  moveAllocasToPrivateSpace(module, kFlat, kPrivate);
}
