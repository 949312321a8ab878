//===- PrivateAllocas.h - Allocas in a GPU's private space ------*- C++ -*-===//
//
// NVPTX places allocas in the generic address space; GPU targets that keep
// threads want them in their private space. Shared by the SPIR-V and
// AMDGPU lowerings.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_CONVERSION_PRIVATEALLOCAS_H
#define LINGQU_CONVERSION_PRIVATEALLOCAS_H

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace lingqu {

/// Every alloca of address space `generic` becomes one of `privateSpace`,
/// cast back to `generic` for its users; its lifetime markers, which must
/// name the alloca itself and are only hints, are dropped.
void moveAllocasToPrivateSpace(mlir::ModuleOp module, unsigned generic,
                               unsigned privateSpace);

} // namespace lingqu

#endif // LINGQU_CONVERSION_PRIVATEALLOCAS_H
