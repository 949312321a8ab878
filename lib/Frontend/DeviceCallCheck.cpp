//===- DeviceCallCheck.cpp - Calls device code cannot make ----------------===//

#include "lingqu/Frontend/DeviceCallCheck.h"

#include <dlfcn.h>

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace lingqu;

/// Whether the CPU entry can resolve `name` when the runtime loads it: the
/// runtime's entry points, what Clang's printf lowering calls (bound to
/// the runtime later), or a symbol of the C and C++ libraries, which lqcc
/// links as every CUDA program does.
static bool resolvable(llvm::StringRef name) {
  if (name.starts_with("__lingqu_") || name == "vprintf")
    return true;
  return ::dlsym(RTLD_DEFAULT, name.str().c_str()) != nullptr;
}

bool lingqu::checkDeviceCallees(const llvm::Module &module,
                                llvm::raw_ostream &errs) {
  bool ok = true;
  for (const llvm::Function &callee : module) {
    if (!callee.isDeclaration() || callee.isIntrinsic() ||
        resolvable(callee.getName()))
      continue;
    std::string name = llvm::demangle(callee.getName());
    for (const llvm::User *user : callee.users()) {
      const auto *call = llvm::dyn_cast<llvm::CallBase>(user);
      if (!call)
        continue;
      ok = false;
      if (const llvm::DebugLoc &loc = call->getDebugLoc())
        errs << loc->getFilename() << ":" << loc.getLine() << ":"
             << loc.getCol() << ": ";
      else
        errs << "lqcc: ";
      errs << "error: device code calls '" << name
           << "', which is not defined for the device (in '"
           << llvm::demangle(call->getFunction()->getName())
           << "'): define it in this file; separate compilation of device "
              "code (-rdc) is not supported yet\n";
    }
  }
  return ok;
}
