//===- Options.cpp - lqcc command-line options ----------------------------===//
//
// nvcc-style flags. Each flag that takes a value accepts it attached (-Idir)
// or as the next argument (-I dir).
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

using namespace lingqu;

static void error(const llvm::Twine &message) {
  llvm::errs() << "lqcc: error: " << message << "\n";
}

void lingqu::printHelp() {
  llvm::outs() << R"(OVERVIEW: lqcc - Lingqu's CUDA compiler driver (nvcc-compatible)

USAGE: lqcc [options] <inputs: .cu .cpp .cc .c .o .a>

OPTIONS:
  -o <file>          Write the output to <file> (default: a.out, or <input>.o with -c)
  -c                 Compile only; do not link
  -fatbin            Write the device code's fat binary (<input>.fatbin), the
                     image cuModuleLoad and cuModuleLoadData take
  -I <dir>           Add <dir> to the include search path
  -D <name>[=<val>]  Define a macro
  -U <name>          Undefine a macro
  -O0 ... -O3        Optimisation level (default -O3)
  -g                 Emit debug information
  -std=<std>         Language standard (default c++17)
  -L <dir>, -l <lib> Library search path and library, passed to the linker
  -use_fast_math     As nvcc: -ftz=true -prec-div=false -prec-sqrt=false
                     -fmad=true, and defines __USE_FAST_MATH__
  -fmad=<bool>       Contract multiplies and adds into fused multiply-adds in
                     device code (default true, as nvcc)
  -ftz=<bool>        Accepted; single-precision denormals are still computed
                     exactly on the cpu target (a warning says so)
  -prec-div=<bool>, -prec-sqrt=<bool>
                     Accepted; division and square root stay correctly
                     rounded, which is within every bound the fast forms have
  --emit=<stage>     Print one stage of a .cu file's device compilation and stop:
                     device-llvm, mlir-imported, mlir-scf, mlir-cpu, cpu-llvm
  -Rpass=<regex>, -Rpass-missed=<regex>, -Rpass-analysis=<regex>
                     Print the optimisation remarks of the LLVM passes that
                     match on device code (as clang: say, -Rpass=loop-vectorize
                     shows which thread loops vectorised)
  -v                 Show each stage and its time
  -w                 No warnings or remarks (say, which kernels run on the
                     fiber executor)
  --help             Show this text
)";
}

/// nvcc's floating-point mode flags, `-name=value` or `--name=value`: the
/// name, or nothing for another argument.
static std::optional<llvm::StringRef> floatModeFlag(llvm::StringRef arg) {
  llvm::StringRef name = arg.ltrim('-').split('=').first;
  if (!arg.contains('=') || !arg.starts_with("-"))
    return std::nullopt;
  if (name == "ftz" || name == "fmad" || name == "prec-div" ||
      name == "prec-sqrt")
    return name;
  return std::nullopt;
}

static std::optional<bool> parseBool(llvm::StringRef value) {
  if (value == "true")
    return true;
  if (value == "false")
    return false;
  return std::nullopt;
}

std::optional<LqccOptions>
lingqu::parseOptions(llvm::ArrayRef<const char *> args) {
  LqccOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg = args[i];
    // A flag with a value: attached, after '=', or as the next argument.
    auto value = [&](llvm::StringRef flag) -> std::optional<std::string> {
      llvm::StringRef rest = arg.substr(flag.size());
      if (!rest.empty())
        return rest.str();
      if (i + 1 >= args.size()) {
        error("argument to '" + flag + "' is missing (expected 1 value)");
        return std::nullopt;
      }
      return std::string(args[++i]);
    };
    auto takes = [&](llvm::StringRef flag, std::vector<std::string> &into) {
      if (!arg.starts_with(flag))
        return false;
      if (auto v = value(flag))
        into.push_back(*v);
      else
        into.push_back("\x01"); // marks the error; checked below
      return true;
    };

    if (arg == "-c" || arg == "--compile") {
      options.compileOnly = true;
    } else if (arg == "-fatbin" || arg == "--fatbin") {
      options.fatbinOnly = true;
    } else if (arg == "-v" || arg == "--verbose") {
      options.verbose = true;
    } else if (arg == "-w" || arg == "--disable-warnings") {
      options.noWarnings = true;
    } else if (arg == "-g" || arg == "--debug") {
      options.debugInfo = true;
    } else if (arg == "--help" || arg == "-h") {
      options.help = true;
    } else if (arg.size() == 3 && arg.starts_with("-O") && arg[2] >= '0' &&
               arg[2] <= '3') {
      options.optLevel = arg[2] - '0';
    } else if (arg == "-O") {
      options.optLevel = 3;
    } else if (arg.starts_with("-std=") || arg.starts_with("--std=")) {
      options.languageStandard = arg.split('=').second.str();
    } else if (arg == "-use_fast_math" || arg == "--use_fast_math") {
      options.fastMath = true;
      options.flushToZero = options.fusedMultiplyAdd = true;
    } else if (auto flag = floatModeFlag(arg)) {
      std::optional<bool> on = parseBool(arg.split('=').second);
      if (!on) {
        error("invalid value '" + arg.split('=').second + "' in '" + arg +
              "': expected true or false");
        return std::nullopt;
      }
      if (*flag == "ftz")
        options.flushToZero = *on;
      else if (*flag == "fmad")
        options.fusedMultiplyAdd = *on;
      // prec-div and prec-sqrt: correctly rounded either way.
    } else if (arg.starts_with("-Rpass=") || arg.starts_with("-Rpass-missed=") ||
               arg.starts_with("-Rpass-analysis=")) {
      auto [flag, pattern] = arg.split('=');
      std::string why;
      if (!llvm::Regex(pattern).isValid(why)) {
        error("invalid regular expression '" + pattern + "' in '" + flag +
              "=': " + why);
        return std::nullopt;
      }
      (flag == "-Rpass"          ? options.remarksPassed
       : flag == "-Rpass-missed" ? options.remarksMissed
                                 : options.remarksAnalysis) = pattern.str();
    } else if (arg.starts_with("--emit=")) {
      llvm::StringRef stage = arg.substr(7);
      auto parsed = llvm::StringSwitch<std::optional<EmitStage>>(stage)
                        .Case("device-llvm", EmitStage::DeviceLLVM)
                        .Case("mlir-imported", EmitStage::MLIRImported)
                        .Case("mlir-scf", EmitStage::MLIRSCF)
                        .Case("mlir-cpu", EmitStage::MLIRCPU)
                        .Case("cpu-llvm", EmitStage::CPULLVM)
                        .Default(std::nullopt);
      if (!parsed) {
        error("invalid value '" + stage +
              "' in '--emit=': expected device-llvm, mlir-imported, "
              "mlir-scf, mlir-cpu or cpu-llvm");
        return std::nullopt;
      }
      options.emit = *parsed;
    } else if (arg == "-o" || arg == "--output-file") {
      if (i + 1 >= args.size()) {
        error("argument to '" + arg + "' is missing (expected 1 value)");
        return std::nullopt;
      }
      options.output = args[++i];
    } else if (takes("-I", options.includeDirs) ||
               takes("-D", options.defines) ||
               takes("-U", options.undefines) ||
               takes("-L", options.libraryDirs) ||
               takes("-l", options.libraries)) {
      for (auto *list : {&options.includeDirs, &options.defines,
                         &options.undefines, &options.libraryDirs,
                         &options.libraries})
        if (!list->empty() && list->back() == "\x01")
          return std::nullopt;
    } else if (arg.starts_with("-") && arg != "-") {
      error("unknown argument: '" + arg + "'");
      return std::nullopt;
    } else {
      options.inputs.push_back(arg.str());
    }
  }

  if (options.help)
    return options;
  if (options.inputs.empty()) {
    error("no input files");
    return std::nullopt;
  }
  if (!options.output.empty() && options.inputs.size() > 1 &&
      (options.compileOnly || options.fatbinOnly ||
       options.emit != EmitStage::Link)) {
    error("cannot specify '-o' with '-c', '-fatbin' or '--emit' and multiple "
          "input files");
    return std::nullopt;
  }
  return options;
}
