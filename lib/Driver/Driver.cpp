//===- Driver.cpp - lqcc: compile and link CUDA programs ------------------===//
//
// For each .cu input: device side through Clang -> MLIR -> CPU shared object
// -> fat binary; host side through Clang with that fat binary embedded. Other
// sources go through clang++; everything is linked against Lingqu's
// libcudart. This file orders the jobs (Compilation.h says where each is).
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Driver.h"
#include "Compilation.h"

#include "lingqu/Target/FatBinaryWriter.h"

#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"

#include <cstdlib>

using namespace lingqu;
using namespace lingqu::driver;

bool Compilation::writeOutput(
    const std::string &path,
    llvm::function_ref<void(llvm::raw_ostream &)> write) {
  std::error_code ec;
  llvm::ToolOutputFile out(path.empty() ? "-" : path, ec,
                           llvm::sys::fs::OF_None);
  if (ec) {
    fail("cannot write '" + path + "': " + ec.message());
    return false;
  }
  write(out.os());
  out.keep();
  return true;
}

int Compilation::runProgram(llvm::ArrayRef<std::string> argv) {
  if (options.verbose || options.dryRun) {
    llvm::errs() << "#$";
    for (const std::string &a : argv)
      llvm::errs() << " " << a;
    llvm::errs() << "\n";
  }
  if (options.dryRun)
    return 0;
  llvm::SmallVector<llvm::StringRef> refs(argv.begin(), argv.end());
  std::string error;
  int rc = llvm::sys::ExecuteAndWait(argv.front(), refs, std::nullopt, {}, 0,
                                     0, &error);
  if (rc < 0)
    fail("cannot run '" + argv.front() + "': " + error);
  return rc;
}

/// -keep: the scratch directory's files (fat binaries, device objects and
/// shared objects) copied to --keep-dir or the current directory.
void Compilation::keepIntermediates() {
  std::string into = options.keepDir.empty() ? "." : options.keepDir;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(work.root(), ec), end;
       it != end && !ec; it.increment(ec)) {
    if (it->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    llvm::StringRef relative =
        llvm::StringRef(it->path()).drop_front(work.root().size() + 1);
    llvm::SmallString<256> target(into);
    llvm::sys::path::append(target, relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(target));
    if (auto copied = llvm::sys::fs::copy_file(it->path(), target))
      llvm::errs() << "lqcc: warning: cannot keep '" << it->path()
                   << "': " << copied.message() << "\n";
    else if (options.verbose)
      llvm::errs() << "lqcc: kept " << target << "\n";
  }
}

int Compilation::run() {
  if (options.verbose || options.dryRun) {
    // nvcc's environment lines: CMake reads the toolkit's root, headers and
    // libraries from them, and takes the link line for the one holding
    // LIBRARIES's value.
    const char *path = std::getenv("PATH");
    llvm::errs() << "#$ TOP=" << layout.prefix << "\n"
                 << "#$ PATH=" << layout.prefix << "/bin"
                 << (path ? ":" + std::string(path) : "") << "\n"
                 << "#$ INCLUDES=\"-I" << layout.headerDir << "\"\n"
                 << "#$ LIBRARIES=  -L" << layout.libDir << "\n"
                 << "#$ NVVMIR_LIBRARY_DIR=" << layout.prefix
                 << "/nvvm/libdevice\n";
  }
  for (const std::string &input : options.inputs)
    if (!llvm::sys::fs::exists(input))
      return fail("no such file or directory: '" + input + "'");
  if (!options.targetTriple.empty() && !options.fatbinOnly &&
      !hasCrossSysroot())
    return fail("compiling host code for '" + options.targetTriple +
                "' needs its C library headers in /usr/" +
                options.targetTriple +
                "/include, which are not installed (Debian 12 has none for "
                "LoongArch): -fatbin compiles the device code alone");
  if (auto ec = work.create())
    return fail("cannot create a scratch directory: " + ec.message());
  if (options.verbose)
    for (const std::string &note : options.ignored)
      llvm::errs() << "lqcc: ignored: " << note << "\n";
  if (options.dependencies == Dependencies::Only || options.preprocessOnly) {
    for (const std::string &input : options.inputs)
      if (int rc = preprocess(input))
        return rc;
    return 0;
  }
  if (options.flushToZero && !options.noWarnings)
    llvm::errs() << "lqcc: warning: -ftz=true has no effect on the cpu "
                    "target: single-precision denormals are computed, not "
                    "flushed to zero\n";

  if (options.dryRun && (options.fatbinOnly || options.emit != EmitStage::Link)) {
    for (const std::string &input : options.inputs)
      llvm::errs() << "#$ lqcc device: " << input
                   << " -> the device compilation's "
                   << (options.fatbinOnly ? "fat binary" : "--emit stage")
                   << "\n";
    return 0;
  }
  if (options.fatbinOnly && options.emit == EmitStage::Link) {
    // nvcc -fatbin: the device code alone, for cuModuleLoad.
    for (const std::string &input : options.inputs) {
      if (!isCuda(input))
        return fail("-fatbin applies to .cu files only, not '" + input + "'");
      std::string stem = llvm::sys::path::stem(input).str();
      std::optional<std::string> image =
          buildFatBinary(cudaOptions(input), stem + "." +
                                                 std::to_string(counter++));
      if (!image)
        return 1;
      std::string out =
          !options.output.empty() ? options.output : stem + ".fatbin";
      if (!writeOutput(out, [&](llvm::raw_ostream &os) { os << *image; }))
        return 1;
    }
    return 0;
  }

  if (options.emit != EmitStage::Link) {
    for (const std::string &input : options.inputs) {
      if (!isCuda(input))
        return fail("--emit applies to .cu files only, not '" + input + "'");
      if (compileCuda(input, "") != 0)
        return 1;
    }
    return 0;
  }

  std::vector<std::string> objects;
  for (const std::string &input : options.inputs) {
    bool cuda = isCuda(input);
    if (!cuda && !isOtherSource(input)) {
      if (options.compileOnly)
        continue; // nvcc ignores objects under -c as well
      objects.push_back(input);
      continue;
    }
    std::string object;
    if (options.compileOnly)
      object = !options.output.empty()
                   ? options.output
                   : llvm::sys::path::stem(input).str() + ".o";
    else
      object = work.file(llvm::sys::path::stem(input) + "." +
                         std::to_string(counter++) + ".o");
    if (options.compileOnly && !options.dryRun) {
      // Fail early and clearly on an unwritable output path.
      std::error_code ec;
      llvm::raw_fd_ostream probe(object, ec);
      if (ec)
        return fail("cannot write '" + object + "': " + ec.message());
    }
    int rc = cuda ? compileCuda(input, object) : compileOther(input, object);
    if (rc != 0) {
      if (options.compileOnly)
        llvm::sys::fs::remove(object);
      return rc;
    }
    objects.push_back(object);
  }
  int rc = 0;
  if (options.deviceLink) {
    // -dlink: the device link's object alone; a host linker links it with
    // the objects (CMake's separable compilation does so).
    std::vector<std::string> inputs = objects;
    for (std::string &lib : linkedLibraries())
      inputs.push_back(std::move(lib));
    std::string output =
        options.output.empty() ? "a_dlink.o" : options.output;
    rc = deviceLink(inputs, output) ? 0 : 1;
  } else if (options.staticLibrary) {
    rc = archive(objects);
  } else if (!options.compileOnly) {
    std::vector<std::string> inputs = objects;
    for (std::string &lib : linkedLibraries())
      inputs.push_back(std::move(lib));
    std::optional<std::string> linked =
        deviceLink(inputs, work.file("dlink.o"));
    if (!linked)
      return 1;
    if (!linked->empty())
      objects.push_back(*linked);
    rc = link(objects);
  }
  if (options.keep)
    keepIntermediates();
  return rc;
}

int lingqu::runDriver(const LqccOptions &options,
                      const std::string &executable) {
  Compilation compilation(options, executable);
  return compilation.run();
}
