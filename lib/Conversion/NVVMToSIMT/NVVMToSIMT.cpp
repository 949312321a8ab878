//===- NVVMToSIMT.cpp - Raise NVVM to the simt dialect --------------------===//

#include "lingqu/Conversion/NVVMToSIMT.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/StringSwitch.h"

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

/// llvm.nvvm.shfl.sync.{idx,up,down,bfly}.{i32,f32}(mask, value, offset, c):
/// `c` packs the segment width as ((32 - width) << 8) | clamp.
struct RaiseShuffle : OpRewritePattern<LLVM::CallIntrinsicOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LLVM::CallIntrinsicOp op,
                                PatternRewriter &rewriter) const override {
    StringRef name = op.getIntrin();
    if (!name.consume_front("llvm.nvvm.shfl.sync.") || op.getNumOperands() != 4 ||
        op.getNumResults() != 1)
      return failure();
    auto mode = llvm::StringSwitch<std::optional<simt::ShuffleMode>>(
                    name.split('.').first)
                    .Case("idx", simt::ShuffleMode::idx)
                    .Case("up", simt::ShuffleMode::up)
                    .Case("down", simt::ShuffleMode::down)
                    .Case("bfly", simt::ShuffleMode::bfly)
                    .Default(std::nullopt);
    if (!mode)
      return failure();
    Location loc = op.getLoc();
    Value c = op.getOperand(3);
    Type i32 = rewriter.getI32Type();
    Value eight = LLVM::ConstantOp::create(rewriter, loc, i32, 8);
    Value thirtyTwo = LLVM::ConstantOp::create(rewriter, loc, i32, 32);
    Value width = LLVM::SubOp::create(rewriter, loc, thirtyTwo,
                                      LLVM::LShrOp::create(rewriter, loc, c, eight));
    rewriter.replaceOpWithNewOp<simt::ShuffleOp>(
        op, op.getResult(0).getType(), *mode, op.getOperand(0), op.getOperand(1),
        op.getOperand(2), width);
    return success();
  }
};

/// llvm.nvvm.vote.{ballot,any,all}.sync, llvm.nvvm.activemask and
/// llvm.nvvm.bar.warp.sync.
struct RaiseWarpVote : OpRewritePattern<LLVM::CallIntrinsicOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LLVM::CallIntrinsicOp op,
                                PatternRewriter &rewriter) const override {
    StringRef name = op.getIntrin();
    if (name == "llvm.nvvm.activemask" && op.getNumResults() == 1) {
      rewriter.replaceOpWithNewOp<simt::ActiveMaskOp>(op, rewriter.getI32Type());
      return success();
    }
    if (name == "llvm.nvvm.bar.warp.sync" && op.getNumOperands() == 1) {
      rewriter.replaceOpWithNewOp<simt::WarpBarrierOp>(op, op.getOperand(0));
      return success();
    }
    auto kind = llvm::StringSwitch<std::optional<simt::VoteKind>>(name)
                    .Case("llvm.nvvm.vote.ballot.sync", simt::VoteKind::ballot)
                    .Case("llvm.nvvm.vote.any.sync", simt::VoteKind::any)
                    .Case("llvm.nvvm.vote.all.sync", simt::VoteKind::all)
                    .Default(std::nullopt);
    if (!kind || op.getNumOperands() != 2 || op.getNumResults() != 1)
      return failure();
    rewriter.replaceOpWithNewOp<simt::VoteOp>(op, op.getResult(0).getType(),
                                              *kind, op.getOperand(0),
                                              op.getOperand(1));
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
      RaiseBarrierIntrinsic, RaiseShuffle, RaiseWarpVote>(patterns.getContext());
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
  // No block merging: blocks alike but for their locals would become one
  // block taking the local as an argument, and a lifetime marker on it is
  // invalid LLVM (lifting and privatisation want allocas named directly).
  GreedyRewriteConfig config;
  config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Normal);
  if (failed(applyPatternsGreedily(module, std::move(patterns), config)))
    return signalPassFailure();

  // The intrinsic's declaration is dead once its calls are raised.
  if (auto decl = module.lookupSymbol<LLVM::LLVMFuncOp>(
          "llvm.nvvm.barrier.cta.sync.aligned.all"))
    if (decl.isExternal() && decl.symbolKnownUseEmpty(module))
      decl.erase();
}
