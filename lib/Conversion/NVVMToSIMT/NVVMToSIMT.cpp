//===- NVVMToSIMT.cpp - Raise NVVM to the simt dialect --------------------===//

#include "lingqu/Conversion/NVVMToSIMT.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace lingqu {
#define GEN_PASS_DEF_CONVERTNVVMTOSIMT
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using namespace lingqu;

namespace {

/// One special-register read becomes one simt coordinate op.
template <typename SourceOp, typename TargetOp, simt::Dimension Dim>
struct RaiseIndexRead : OpRewritePattern<SourceOp> {
  using OpRewritePattern<SourceOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(SourceOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<TargetOp>(op, op.getType(), Dim);
    return success();
  }
};

template <typename SourceOp, typename TargetOp>
struct RaiseScalarRead : OpRewritePattern<SourceOp> {
  using OpRewritePattern<SourceOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(SourceOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<TargetOp>(op, op.getType());
    return success();
  }
};

struct RaiseBarrier0 : OpRewritePattern<NVVM::Barrier0Op> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(NVVM::Barrier0Op op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<simt::BarrierOp>(op);
    return success();
  }
};

/// LLVM 22 spells __syncthreads() as a call to this intrinsic with barrier 0.
struct RaiseBarrierIntrinsic : OpRewritePattern<LLVM::CallIntrinsicOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LLVM::CallIntrinsicOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getIntrin() != "llvm.nvvm.barrier.cta.sync.aligned.all" ||
        op.getNumOperands() != 1)
      return failure();
    APInt id;
    if (!matchPattern(op.getOperand(0), m_ConstantInt(&id)) || !id.isZero())
      return rewriter.notifyMatchFailure(op, "not barrier 0");
    rewriter.replaceOpWithNewOp<simt::BarrierOp>(op);
    return success();
  }
};

struct ConvertNVVMToSIMTPass
    : lingqu::impl::ConvertNVVMToSIMTBase<ConvertNVVMToSIMTPass> {
  void runOnOperation() override;
};

} // namespace

static void populateNVVMToSIMTPatterns(RewritePatternSet &patterns) {
  using D = simt::Dimension;
  patterns.add<
      RaiseIndexRead<NVVM::ThreadIdXOp, simt::ThreadIdOp, D::x>,
      RaiseIndexRead<NVVM::ThreadIdYOp, simt::ThreadIdOp, D::y>,
      RaiseIndexRead<NVVM::ThreadIdZOp, simt::ThreadIdOp, D::z>,
      RaiseIndexRead<NVVM::BlockIdXOp, simt::BlockIdOp, D::x>,
      RaiseIndexRead<NVVM::BlockIdYOp, simt::BlockIdOp, D::y>,
      RaiseIndexRead<NVVM::BlockIdZOp, simt::BlockIdOp, D::z>,
      RaiseIndexRead<NVVM::BlockDimXOp, simt::BlockDimOp, D::x>,
      RaiseIndexRead<NVVM::BlockDimYOp, simt::BlockDimOp, D::y>,
      RaiseIndexRead<NVVM::BlockDimZOp, simt::BlockDimOp, D::z>,
      RaiseIndexRead<NVVM::GridDimXOp, simt::GridDimOp, D::x>,
      RaiseIndexRead<NVVM::GridDimYOp, simt::GridDimOp, D::y>,
      RaiseIndexRead<NVVM::GridDimZOp, simt::GridDimOp, D::z>,
      RaiseScalarRead<NVVM::LaneIdOp, simt::LaneIdOp>,
      RaiseScalarRead<NVVM::WarpSizeOp, simt::WarpSizeOp>, RaiseBarrier0,
      RaiseBarrierIntrinsic>(patterns.getContext());
}

/// Kernels arrive with the ptx_kernel calling convention (or the nvvm.kernel
/// attribute); the simt form is an ordinary function marked simt.kernel.
static void markKernel(LLVM::LLVMFuncOp func) {
  bool isKernel = func.getCConv() == LLVM::cconv::CConv::PTX_Kernel ||
                  func->hasAttr(NVVM::NVVMDialect::getKernelFuncAttrName());
  if (!isKernel)
    return;
  MLIRContext *ctx = func.getContext();
  func.setCConv(LLVM::cconv::CConv::C);
  func->removeAttr(NVVM::NVVMDialect::getKernelFuncAttrName());
  func->setAttr(simt::SIMTDialect::getKernelAttrName(), UnitAttr::get(ctx));
}

void ConvertNVVMToSIMTPass::runOnOperation() {
  ModuleOp module = getOperation();
  module.walk(markKernel);

  RewritePatternSet patterns(&getContext());
  populateNVVMToSIMTPatterns(patterns);
  if (failed(applyPatternsGreedily(module, std::move(patterns))))
    return signalPassFailure();

  // The intrinsic's declaration is dead once its calls are raised.
  if (auto decl = module.lookupSymbol<LLVM::LLVMFuncOp>(
          "llvm.nvvm.barrier.cta.sync.aligned.all"))
    if (decl.isExternal() && decl.symbolKnownUseEmpty(module))
      decl.erase();
}
