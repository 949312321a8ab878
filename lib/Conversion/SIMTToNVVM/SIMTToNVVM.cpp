//===- SIMTToNVVM.cpp - Lower simt to NVVM for PTX targets ----------------===//
//
// SIMT-preserving targets keep CUDA's threads: the GPU runs each one. What
// convert-nvvm-to-simt raised goes back to NVVM's special registers and
// intrinsics, in the forms Clang itself emits.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Conversion/SIMTToNVVM.h"
#include "lingqu/Dialect/SIMT/SIMTOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace lingqu {
#define GEN_PASS_DEF_CONVERTSIMTTONVVM
#include "lingqu/Conversion/Passes.h.inc"
} // namespace lingqu

using namespace mlir;
using namespace lingqu;

namespace {

/// simt.<coordinate> <dim> -> the special register of that dimension.
template <typename SourceOp, typename X, typename Y, typename Z>
struct LowerIndexRead : OpRewritePattern<SourceOp> {
  using OpRewritePattern<SourceOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(SourceOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    switch (op.getDimension()) {
    case simt::Dimension::x:
      rewriter.replaceOpWithNewOp<X>(op, type);
      break;
    case simt::Dimension::y:
      rewriter.replaceOpWithNewOp<Y>(op, type);
      break;
    case simt::Dimension::z:
      rewriter.replaceOpWithNewOp<Z>(op, type);
      break;
    }
    return success();
  }
};

template <typename SourceOp, typename TargetOp>
struct LowerScalarRead : OpRewritePattern<SourceOp> {
  using OpRewritePattern<SourceOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(SourceOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<TargetOp>(op, op.getType());
    return success();
  }
};

/// A call of the NVVM intrinsic `name` with `operands`, replacing `op`.
static void replaceWithIntrinsic(PatternRewriter &rewriter, Operation *op,
                                 StringRef name, TypeRange results,
                                 ValueRange operands) {
  auto call = LLVM::CallIntrinsicOp::create(
      rewriter, op->getLoc(), results, rewriter.getStringAttr(name), operands,
      LLVM::FastmathFlagsAttr::get(rewriter.getContext(),
                                   LLVM::FastmathFlags::none));
  rewriter.replaceOp(op, call->getResults());
}

struct LowerBarrier : OpRewritePattern<simt::BarrierOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(simt::BarrierOp op,
                                PatternRewriter &rewriter) const override {
    Value zero = LLVM::ConstantOp::create(rewriter, op.getLoc(),
                                          rewriter.getI32Type(), 0);
    replaceWithIntrinsic(rewriter, op, "llvm.nvvm.barrier.cta.sync.aligned.all",
                         {}, {zero});
    return success();
  }
};

/// PTX's shfl.sync packs the segment into its `c` operand: the segment mask
/// (32 - width) << 8, and the clamp: the last lane of the segment, except
/// for `up`, whose clamp is its first.
struct LowerShuffle : OpRewritePattern<simt::ShuffleOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(simt::ShuffleOp op,
                                PatternRewriter &rewriter) const override {
    StringRef mode;
    switch (op.getMode()) {
    case simt::ShuffleMode::idx:
      mode = "idx";
      break;
    case simt::ShuffleMode::up:
      mode = "up";
      break;
    case simt::ShuffleMode::down:
      mode = "down";
      break;
    case simt::ShuffleMode::bfly:
      mode = "bfly";
      break;
    }
    Location loc = op.getLoc();
    Type i32 = rewriter.getI32Type();
    auto constant = [&](int32_t v) {
      return LLVM::ConstantOp::create(rewriter, loc, i32, v).getResult();
    };
    Value segment = LLVM::ShlOp::create(
        rewriter, loc, LLVM::SubOp::create(rewriter, loc, constant(32), op.getWidth()),
        constant(8));
    Value c = op.getMode() == simt::ShuffleMode::up
                  ? segment
                  : LLVM::OrOp::create(rewriter, loc, segment, constant(0x1f))
                        .getResult();
    std::string name = ("llvm.nvvm.shfl.sync." + mode + "." +
                        (op.getType().isF32() ? "f32" : "i32"))
                           .str();
    replaceWithIntrinsic(rewriter, op, name, op.getType(),
                         {op.getMask(), op.getValue(), op.getOffset(), c});
    return success();
  }
};

struct LowerVote : OpRewritePattern<simt::VoteOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(simt::VoteOp op,
                                PatternRewriter &rewriter) const override {
    StringRef name;
    switch (op.getKind()) {
    case simt::VoteKind::ballot:
      name = "llvm.nvvm.vote.ballot.sync";
      break;
    case simt::VoteKind::any:
      name = "llvm.nvvm.vote.any.sync";
      break;
    case simt::VoteKind::all:
      name = "llvm.nvvm.vote.all.sync";
      break;
    }
    replaceWithIntrinsic(rewriter, op, name, op.getType(),
                         {op.getMask(), op.getPredicate()});
    return success();
  }
};

struct LowerActiveMask : OpRewritePattern<simt::ActiveMaskOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(simt::ActiveMaskOp op,
                                PatternRewriter &rewriter) const override {
    replaceWithIntrinsic(rewriter, op, "llvm.nvvm.activemask", op.getType(),
                         {});
    return success();
  }
};

struct LowerWarpBarrier : OpRewritePattern<simt::WarpBarrierOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(simt::WarpBarrierOp op,
                                PatternRewriter &rewriter) const override {
    replaceWithIntrinsic(rewriter, op, "llvm.nvvm.bar.warp.sync", {},
                         op->getOperands());
    return success();
  }
};

struct ConvertSIMTToNVVMPass
    : lingqu::impl::ConvertSIMTToNVVMBase<ConvertSIMTToNVVMPass> {
  void runOnOperation() override;
};

} // namespace

void ConvertSIMTToNVVMPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  module.walk([&](LLVM::LLVMFuncOp func) {
    if (!func->hasAttr(simt::SIMTDialect::getKernelAttrName()))
      return;
    func->removeAttr(simt::SIMTDialect::getKernelAttrName());
    func.setCConv(LLVM::cconv::CConv::PTX_Kernel);
  });

  RewritePatternSet patterns(ctx);
  patterns.add<
      LowerIndexRead<simt::ThreadIdOp, NVVM::ThreadIdXOp, NVVM::ThreadIdYOp,
                     NVVM::ThreadIdZOp>,
      LowerIndexRead<simt::BlockIdOp, NVVM::BlockIdXOp, NVVM::BlockIdYOp,
                     NVVM::BlockIdZOp>,
      LowerIndexRead<simt::BlockDimOp, NVVM::BlockDimXOp, NVVM::BlockDimYOp,
                     NVVM::BlockDimZOp>,
      LowerIndexRead<simt::GridDimOp, NVVM::GridDimXOp, NVVM::GridDimYOp,
                     NVVM::GridDimZOp>,
      LowerScalarRead<simt::LaneIdOp, NVVM::LaneIdOp>,
      LowerScalarRead<simt::WarpSizeOp, NVVM::WarpSizeOp>, LowerBarrier,
      LowerShuffle, LowerVote, LowerActiveMask, LowerWarpBarrier>(ctx);
  GreedyRewriteConfig config;
  config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
  if (failed(applyPatternsGreedily(module, std::move(patterns), config)))
    return signalPassFailure();
}
