//===- DeviceImport.h - Device LLVM IR into MLIR ----------------*- C++ -*-===//
#ifndef LINGQU_FRONTEND_DEVICEIMPORT_H
#define LINGQU_FRONTEND_DEVICEIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <memory>

namespace llvm {
class Module;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MLIRContext;
} // namespace mlir

namespace lingqu {

/// Readies Clang's device IR for import: every device function is inlined
/// into its kernels (the thread loops need to see the whole kernel), and the
/// CFG is simplified; unreferenced declarations and globals are dropped.
void prepareDeviceModule(llvm::Module &module);

/// The dialects the import produces and Lingqu's pipelines consume.
void registerDeviceDialects(mlir::DialectRegistry &registry);

/// Translates prepared device IR into the MLIR LLVM and NVVM dialects. Null
/// after reporting an error through the context's diagnostics.
mlir::OwningOpRef<mlir::ModuleOp>
importDeviceModule(std::unique_ptr<llvm::Module> module,
                   mlir::MLIRContext &context);

} // namespace lingqu

#endif // LINGQU_FRONTEND_DEVICEIMPORT_H
