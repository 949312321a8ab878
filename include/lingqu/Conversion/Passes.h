//===- Passes.h - Lingqu conversion passes ----------------------*- C++ -*-===//
#ifndef LINGQU_CONVERSION_PASSES_H
#define LINGQU_CONVERSION_PASSES_H

#include "lingqu/Conversion/NVVMToSIMT.h"
#include "lingqu/Conversion/SIMTToCPU.h"
#include "lingqu/Conversion/SIMTToNVVM.h"
#include "lingqu/Conversion/SIMTToOpenCL.h"
#include "lingqu/Conversion/SIMTToROCDL.h"

namespace lingqu {

#define GEN_PASS_REGISTRATION
#include "lingqu/Conversion/Passes.h.inc"

} // namespace lingqu

#endif // LINGQU_CONVERSION_PASSES_H
