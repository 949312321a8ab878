//===- DeviceCallCheck.cpp - Calls device code cannot make ----------------===//

#include "lingqu/Frontend/DeviceCallCheck.h"

#include <dlfcn.h>

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
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

/// file:line:col of `inst`, or lqcc's name without a location.
static void printLocation(const llvm::Instruction *inst,
                          llvm::raw_ostream &errs) {
  if (const llvm::DebugLoc &loc = inst->getDebugLoc())
    errs << loc->getFilename() << ":" << loc.getLine() << ":" << loc.getCol()
         << ": ";
  else
    errs << "lqcc: ";
}

bool lingqu::checkDeviceCallees(const llvm::Module &module,
                                llvm::raw_ostream &errs, bool deviceLinked) {
  const char *remedy =
      deviceLinked ? "no unit of the device link defines it"
                   : "define it in this file, or compile the files with "
                     "-rdc=true (or -dc) so that the device link finds it "
                     "in another";
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
      printLocation(call, errs);
      errs << "error: device code calls '" << name
           << "', which is not defined for the device (in '"
           << llvm::demangle(call->getFunction()->getName())
           << "'): " << remedy << "\n";
    }
  }
  for (const llvm::GlobalVariable &var : module.globals()) {
    // `extern __shared__` arrays (address space 3) are the block's dynamic
    // shared memory, declarations by nature.
    if (!var.isDeclaration() || var.getAddressSpace() == 3 ||
        resolvable(var.getName()))
      continue;
    ok = false;
    // The first instruction that uses it, through address-space casts.
    const llvm::Instruction *use = nullptr;
    llvm::SmallVector<const llvm::User *> users(var.users());
    while (!users.empty() && !use) {
      const llvm::User *user = users.pop_back_val();
      use = llvm::dyn_cast<llvm::Instruction>(user);
      if (llvm::isa<llvm::ConstantExpr>(user))
        users.append(user->user_begin(), user->user_end());
    }
    if (use)
      printLocation(use, errs);
    else
      errs << "lqcc: ";
    errs << "error: device code uses '" << llvm::demangle(var.getName())
         << "', which is not defined for the device: " << remedy << "\n";
  }
  return ok;
}
