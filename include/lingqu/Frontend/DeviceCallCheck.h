//===- DeviceCallCheck.h - Calls device code cannot make -------*- C++ -*-===//
#ifndef LINGQU_FRONTEND_DEVICECALLCHECK_H
#define LINGQU_FRONTEND_DEVICECALLCHECK_H

namespace llvm {
class Module;
class raw_ostream;
} // namespace llvm

namespace lingqu {

/// Reports, Clang-style at each call site, the functions device code calls
/// that nothing will define: not this file, not the C library the CPU
/// entry resolves against, not Lingqu's runtime. Without this check such
/// a call only fails when the runtime loads the kernels; the same for
/// `extern __device__` variables. `deviceLinked`: the module is the device
/// link's, every unit of the program in it. False if any.
bool checkDeviceCallees(const llvm::Module &module, llvm::raw_ostream &errs,
                        bool deviceLinked = false);

} // namespace lingqu

#endif // LINGQU_FRONTEND_DEVICECALLCHECK_H
