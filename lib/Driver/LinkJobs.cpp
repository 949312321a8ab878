//===- LinkJobs.cpp - The device link, archives and the link --------------===//
//
// The device link of relocatable device code (-rdc), -lib's archives, and
// the program's link against Lingqu's libcudart.
//
//===----------------------------------------------------------------------===//

#include "Compilation.h"

#include "RelocatableDeviceCode.h"
#include "lingqu/Config.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace lingqu;
using namespace lingqu::driver;

/// The static libraries -l names, found in -L's directories: the link may
/// take relocatable device code from them.
std::vector<std::string> Compilation::linkedLibraries() const {
  std::vector<std::string> found;
  for (const std::string &name : options.libraries)
    for (const std::string &dir : options.libraryDirs) {
      llvm::SmallString<256> path(dir);
      llvm::sys::path::append(path, "lib" + name + ".a");
      if (llvm::sys::fs::exists(path)) {
        found.push_back(path.str().str());
        break;
      }
    }
  return found;
}

/// The device link: the relocatable device code of `inputs` (objects and
/// archives), joined and compiled into one image, and an object at
/// `object` that registers it for every unit. "" when no unit needs it.
std::optional<std::string>
Compilation::deviceLink(const std::vector<std::string> &inputs,
                        const std::string &object) {
  if (options.dryRun) {
    // The objects do not exist: the device link runs where -rdc asks.
    if (!options.relocatableDeviceCode && !options.deviceLink)
      return std::string();
    llvm::errs() << "#$ lqcc device link: the relocatable device code of "
                    "the objects -> cpu shared object -> "
                 << object << "\n";
    return object;
  }
  llvm::Expected<RelocatableDeviceCode> code =
      readRelocatableDeviceCode(inputs);
  if (!code) {
    fail(llvm::toString(code.takeError()));
    return std::nullopt;
  }
  std::vector<std::string> &ids = code->unresolvedModuleIds;
  if (ids.empty() && !options.deviceLink)
    return std::string();

  std::optional<std::string> image;
  if (!code->units.empty()) {
    llvm::LLVMContext context;
    bool failed = false;
    context.setDiagnosticHandlerCallBack(
        [](const llvm::DiagnosticInfo *info, void *failedFlag) {
          if (info->getSeverity() != llvm::DS_Error)
            return;
          llvm::errs() << "lqcc: error: device link: ";
          llvm::DiagnosticPrinterRawOStream printer(llvm::errs());
          info->print(printer);
          llvm::errs() << "\n";
          *static_cast<bool *>(failedFlag) = true;
        },
        &failed);
    std::unique_ptr<llvm::Module> linked;
    StageTimer t(options.verbose, "device link");
    for (const RelocatableDeviceCode::Unit &unit : code->units) {
      auto module = llvm::parseBitcodeFile(
          llvm::MemoryBufferRef(unit.bitcode, unit.origin), context);
      if (!module) {
        fail("cannot read the device code of '" + unit.origin +
             "': " + llvm::toString(module.takeError()));
        return std::nullopt;
      }
      if (!linked)
        linked = std::move(*module);
      else if (llvm::Linker::linkModules(*linked, std::move(*module)) ||
               failed) {
        fail("the device link failed at '" + unit.origin + "'");
        return std::nullopt;
      }
    }
    image = lowerDevice(std::move(linked), "dlink", /*deviceLinked=*/true);
    if (!image)
      return std::nullopt;
  }
  std::string imagePath = work.file("dlink.fatbin");
  std::string sourcePath = work.file("dlink.c");
  if ((image && !writeOutput(imagePath,
                             [&](llvm::raw_ostream &os) { os << *image; })) ||
      !writeOutput(sourcePath, [&](llvm::raw_ostream &os) {
        if (image)
          os << registrationSource(ids, imagePath);
      }))
    return std::nullopt;
  std::vector<std::string> argv = {std::string(clangExecutable()), "-c",
                                   "-fPIC", "-O1", sourcePath, "-o", object};
  if (runProgram(argv) != 0) {
    fail("compiling the device link's object failed");
    return std::nullopt;
  }
  return object;
}

/// -lib: the objects, archived.
int Compilation::archive(const std::vector<std::string> &objects) {
  std::string output = options.output.empty() ? "a.a" : options.output;
  llvm::sys::fs::remove(output);
  std::vector<std::string> argv = {LINGQU_AR_EXECUTABLE, "rcs", output};
  argv.insert(argv.end(), objects.begin(), objects.end());
  StageTimer t(options.verbose, "archive " + output);
  if (runProgram(argv) != 0)
    return fail("archiving '" + output + "' failed");
  return 0;
}

int Compilation::link(const std::vector<std::string> &objects) {
  std::string output = options.output.empty() ? "a.out" : options.output;
  // Another ISA links against Lingqu's runtime built for it, in
  // <prefix>/lib/<triple>.
  std::string libDir = layout.libDir;
  if (!options.targetTriple.empty()) {
    llvm::SmallString<256> dir(layout.libDir);
    llvm::sys::path::append(dir, options.targetTriple);
    libDir = dir.str().str();
    llvm::SmallString<256> cudart(dir);
    llvm::sys::path::append(cudart, "libcudart.so");
    if (!options.dryRun && !llvm::sys::fs::exists(cudart))
      return fail("linking for '" + options.targetTriple +
                  "' needs Lingqu's runtime built for it in '" + libDir +
                  "', which is not there: build it with `make "
                  "cross-runtime` (AArch64), or compile with -c or -fatbin");
  }
  std::vector<std::string> argv = {hostCompiler(), "-o", output};
  if (options.hostCompiler.empty())
    argv.push_back("-fuse-ld=lld");
  if (!options.targetTriple.empty())
    argv.push_back("--target=" + options.targetTriple);
  if (options.sharedLibrary)
    argv.push_back("-shared");
  argv.insert(argv.end(), objects.begin(), objects.end());
  for (const std::string &d : options.libraryDirs)
    argv.push_back("-L" + d);
  argv.insert(argv.end(), {"-L" + libDir, "-Wl,-rpath," + libDir});
  for (const std::string &l : options.libraries)
    argv.push_back("-l" + l);
  for (const std::string &flag : options.hostLinkerFlags)
    argv.insert(argv.end(), {"-Xlinker", flag});
  if (options.linkCudart)
    argv.push_back("-lcudart");
  StageTimer t(options.verbose, "link " + output);
  if (runProgram(argv) != 0)
    return fail("linking '" + output + "' failed");
  return 0;
}
