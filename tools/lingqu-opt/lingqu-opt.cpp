//===- lingqu-opt.cpp - Lingqu's MLIR optimizer driver --------------------===//
//
// mlir-opt with Lingqu's dialect and passes registered next to upstream's.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Conversion/Passes.h"
#include "lingqu/Dialect/SIMT/SIMTDialect.h"
#include "lingqu/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  lingqu::registerLingquTransformsPasses();
  lingqu::registerLingquConversionPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<lingqu::simt::SIMTDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Lingqu optimizer driver\n", registry));
}
