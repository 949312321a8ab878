//===- Compilation.h - One run of lqcc, shared by its jobs ------*- C++ -*-===//
//
// Private to lib/Driver: a Compilation holds the options and the scratch
// directory of one lqcc run; its jobs live in one file each: Driver.cpp
// (the order of jobs, running programs, -keep), CompileJobs.cpp (one input
// to an object, -E, dependencies), DevicePipeline.cpp (device code to a
// fat binary, per target), LinkJobs.cpp (the device link, archives, the
// link).
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_LIB_DRIVER_COMPILATION_H
#define LINGQU_LIB_DRIVER_COMPILATION_H

#include "lingqu/Driver/Options.h"
#include "lingqu/Frontend/CudaCompiler.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Module;
} // namespace llvm

namespace lingqu::driver {

/// "lqcc: error: <message>"; returns 1, the exit code.
inline int fail(const llvm::Twine &message) {
  llvm::errs() << "lqcc: error: " << message << "\n";
  return 1;
}

/// Where Lingqu's pieces are, relative to lqcc: <prefix>/bin/lqcc,
/// <prefix>/lib/libcudart.so, <prefix>/include/cuda_runtime.h: the layout
/// of a CUDA toolkit, which CMake's CUDA support expects.
struct Layout {
  std::string prefix, libDir, headerDir;
  explicit Layout(const std::string &executable) {
    llvm::SmallString<256> root(executable);
    llvm::sys::path::remove_filename(root); // bin
    llvm::sys::path::remove_filename(root); // prefix
    prefix = root.str().str();
    llvm::SmallString<256> lib(root), headers(root);
    llvm::sys::path::append(lib, "lib");
    llvm::sys::path::append(headers, "include");
    libDir = lib.str().str();
    headerDir = headers.str().str();
  }
};

/// Prints "lqcc: <stage> (<ms> ms)" under -v.
class StageTimer {
public:
  StageTimer(bool verbose, llvm::StringRef stage)
      : verbose(verbose), stage(stage.str()),
        start(std::chrono::steady_clock::now()) {}
  ~StageTimer() {
    if (!verbose)
      return;
    auto ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    llvm::errs() << "lqcc: " << stage << " ("
                 << llvm::format("%.1f", ms) << " ms)\n";
  }

private:
  bool verbose;
  std::string stage;
  std::chrono::steady_clock::time_point start;
};

/// A scratch directory private to this run (mode 0700), removed at exit.
class WorkDir {
public:
  std::error_code create() {
    return llvm::sys::fs::createUniqueDirectory("lqcc", path);
  }
  ~WorkDir() {
    if (!path.empty())
      llvm::sys::fs::remove_directories(path);
  }
  llvm::StringRef root() const { return path; }
  std::string file(const llvm::Twine &name) const {
    llvm::SmallString<256> p(path);
    llvm::sys::path::append(p, name);
    return p.str().str();
  }

private:
  llvm::SmallString<256> path;
};

class Compilation {
public:
  Compilation(const LqccOptions &options, const std::string &executable)
      : options(options), layout(executable) {}
  int run();

private:
  int compileCuda(const std::string &input, const std::string &object);
  int compileOther(const std::string &input, const std::string &object);
  int preprocess(const std::string &input);
  CudaCompileOptions cudaOptions(const std::string &input) const;
  std::vector<std::string> otherSourceFlags(const std::string &input) const;
  std::vector<std::string> dependencyFlags() const;
  bool isCuda(llvm::StringRef input) const;
  bool hasCrossSysroot() const;
  std::string hostCompiler() const;
  int link(const std::vector<std::string> &objects);
  int archive(const std::vector<std::string> &objects);
  void keepIntermediates();
  std::optional<std::string> buildFatBinary(const CudaCompileOptions &cuda,
                                            const std::string &stem);
  std::optional<std::string> lowerDevice(std::unique_ptr<llvm::Module> device,
                                         const std::string &stem,
                                         bool deviceLinked = false);
  std::optional<std::string> relocatableImage(const CudaCompileOptions &cuda);
  std::optional<std::string> deviceLink(const std::vector<std::string> &inputs,
                                        const std::string &object);
  std::vector<std::string> linkedLibraries() const;
  bool writeOutput(const std::string &path,
                   llvm::function_ref<void(llvm::raw_ostream &)> write);
  int runProgram(llvm::ArrayRef<std::string> argv);

  const LqccOptions &options;
  Layout layout;
  WorkDir work;
  unsigned counter = 0;
  bool emitFailed = false;
};

/// A C or C++ source (.cpp, .cc, .cxx, .c, .C), compiled by the host compiler.
bool isOtherSource(llvm::StringRef path);

} // namespace lingqu::driver

#endif // LINGQU_LIB_DRIVER_COMPILATION_H
