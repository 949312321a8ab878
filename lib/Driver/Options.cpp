//===- Options.cpp - lqcc command-line options ----------------------------===//
//
// nvcc's command line, parsed with LLVM's option library from the table in
// LqccOptions.td; this file gives the parsed options their meaning and
// rejects bad values with one line each, as nvcc does.
//
//===----------------------------------------------------------------------===//

#include "lingqu/Driver/Options.h"
#include "lingqu/Config.h"
#include "lingqu/Target/TargetRegistry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Support/raw_ostream.h"

using namespace lingqu;
using llvm::StringRef;
using namespace llvm::opt;

namespace {
enum ID {
  OPT_INVALID = 0,
#define OPTION(...) LLVM_MAKE_OPT_ID(__VA_ARGS__),
#include "lingqu/Driver/LqccOptions.inc"
#undef OPTION
};

#define OPTTABLE_STR_TABLE_CODE
#include "lingqu/Driver/LqccOptions.inc"
#undef OPTTABLE_STR_TABLE_CODE

#define OPTTABLE_PREFIXES_TABLE_CODE
#include "lingqu/Driver/LqccOptions.inc"
#undef OPTTABLE_PREFIXES_TABLE_CODE

constexpr llvm::opt::OptTable::Info kInfoTable[] = {
#define OPTION(...) LLVM_CONSTRUCT_OPT_INFO(__VA_ARGS__),
#include "lingqu/Driver/LqccOptions.inc"
#undef OPTION
};

class LqccOptTable : public llvm::opt::GenericOptTable {
public:
  LqccOptTable()
      : GenericOptTable(OptionStrTable, OptionPrefixesTable, kInfoTable) {}
};

const LqccOptTable &optTable() {
  static const LqccOptTable table;
  return table;
}
} // namespace

static void error(const llvm::Twine &message) {
  llvm::errs() << "lqcc: error: " << message << "\n";
}

void lingqu::printHelp() {
  optTable().printHelp(
      llvm::outs(), "lqcc [options] <inputs: .cu .cpp .cc .c .o .a>",
      "lqcc - Lingqu's CUDA compiler driver (nvcc-compatible)\n\n"
      "  Options are written as nvcc writes them: -name or --long-name, a\n"
      "  value after a space or '='. @<file> reads options from <file>.");
}

void lingqu::printVersion() {
  // The second line is what CMake looks for to treat a CUDA compiler as
  // nvcc (its flags, its -v output); said as what it is.
  llvm::outs() << "lqcc: Lingqu's CUDA compiler driver, version "
               << LINGQU_VERSION_STRING << "\n"
               << "A drop-in for nvcc: NVIDIA (R) Cuda compiler driver; "
                  "not NVIDIA software\n"
               << "Implements the CUDA runtime and driver APIs of CUDA "
               << kCudaVersionMajor << "." << kCudaVersionMinor
               << " on CPUs (no NVIDIA software involved)\n"
               << "Cuda compilation tools, release " << kCudaVersionMajor
               << "." << kCudaVersionMinor << ", V" << kCudaVersionMajor
               << "." << kCudaVersionMinor << "." << kCudaVersionBuild
               << "\n";
}

static std::optional<bool> parseBool(StringRef value) {
  if (value == "true")
    return true;
  if (value == "false")
    return false;
  return std::nullopt;
}

/// The compute capabilities nvcc of the implemented release accepts.
static constexpr unsigned kKnownArchitectures[] = {
    50, 52, 53, 60, 61, 62, 70, 72, 75, 80, 86, 87, 89, 90, 100, 101, 120};

/// sm_80, compute_90a, lto_86 -> 80, 90, 86; nothing if unknown.
static std::optional<unsigned> parseArchitecture(StringRef name) {
  StringRef digits;
  if (!name.consume_front("sm_") && !name.consume_front("compute_") &&
      !name.consume_front("lto_"))
    return std::nullopt;
  digits = name;
  // Architecture-specific (90a) and family (100f) variants.
  if (digits.ends_with("a") || digits.ends_with("f"))
    digits = digits.drop_back();
  unsigned cc;
  if (digits.getAsInteger(10, cc) || !llvm::is_contained(kKnownArchitectures, cc))
    return std::nullopt;
  return cc;
}

namespace {
/// Reads the parsed arguments into LqccOptions, one kind of option at a
/// time; the first bad value ends it.
class Reader {
public:
  Reader(const llvm::opt::InputArgList &args, LqccOptions &options)
      : args(args), o(options) {}
  bool read();

private:
  /// The value of a single-valued option, or an error if it is given twice
  /// with different values.
  bool single(ID id, llvm::StringRef what, std::string &into);
  bool boolean(ID id, bool &into);
  bool architectures();
  bool targets();
  bool addArchitecture(StringRef name, StringRef flag);
  /// The option as the user spelled it (--gpu-architecture, not -arch).
  static std::string spelling(const llvm::opt::Arg *arg) {
    if (const llvm::opt::Arg *alias = arg->getAlias())
      arg = alias;
    return arg->getSpelling().rtrim('=').str();
  }

  const llvm::opt::InputArgList &args;
  LqccOptions &o;
};
} // namespace

bool Reader::single(ID id, StringRef what, std::string &into) {
  const llvm::opt::Arg *first = nullptr;
  for (const llvm::opt::Arg *arg : args.filtered(id)) {
    if (first && StringRef(first->getValue()) != arg->getValue()) {
      error("'" + spelling(arg) + "' given twice ('" + first->getValue() +
            "' and '" + arg->getValue() + "'): one " + what + " only");
      return false;
    }
    first = arg;
  }
  if (first)
    into = first->getValue();
  return true;
}

bool Reader::boolean(ID id, bool &into) {
  for (const llvm::opt::Arg *arg : args.filtered(id)) {
    std::optional<bool> on = parseBool(arg->getValue());
    if (!on) {
      error("invalid value '" + llvm::Twine(arg->getValue()) + "' for '" +
            spelling(arg) + "': expected true or false");
      return false;
    }
    into = *on;
  }
  return true;
}

bool Reader::addArchitecture(StringRef name, StringRef flag) {
  name = name.trim().trim("\"'[]");
  if (name.empty())
    return true;
  std::optional<unsigned> cc = parseArchitecture(name);
  if (!cc) {
    error("unsupported gpu architecture '" + name + "' in '" + flag +
          "' (expected sm_XX, compute_XX or lto_XX, XX one of 50 52 53 60 61 "
          "62 70 72 75 80 86 87 89 90 100 101 120)");
    return false;
  }
  if (!llvm::is_contained(o.architectures, *cc))
    o.architectures.push_back(*cc);
  return true;
}

bool Reader::architectures() {
  for (const llvm::opt::Arg *arg :
       args.filtered(OPT_gpu_architecture, OPT_gpu_code, OPT_generate_code)) {
    StringRef value = arg->getValue();
    std::string flag = spelling(arg) + " " + value.str();
    if (arg->getOption().matches(OPT_generate_code)) {
      // arch=compute_80,code=sm_80 or code=[sm_80,compute_80]
      llvm::SmallVector<StringRef, 4> groups;
      llvm::Regex form("^arch=([a-z_0-9]+),code=(.+)$");
      if (!form.match(value, &groups)) {
        error("invalid value '" + value + "' for '" + spelling(arg) +
              "': expected arch=<compute_XX>,code=<sm_XX>[,...]");
        return false;
      }
      if (!addArchitecture(groups[1], flag))
        return false;
      llvm::SmallVector<StringRef> codes;
      groups[2].split(codes, ',');
      for (StringRef code : codes)
        if (!addArchitecture(code, flag))
          return false;
      continue;
    }
    if (arg->getOption().matches(OPT_gpu_architecture) &&
        (value == "native" || value == "all" || value == "all-major")) {
      // The device is the host's CPU: no GPU to ask; every architecture
      // runs the same collapsed code.
      if (value != "native")
        for (unsigned cc : kKnownArchitectures)
          if (value == "all" || cc % 10 == 0)
            o.architectures.push_back(cc);
      continue;
    }
    llvm::SmallVector<StringRef> names;
    value.split(names, ',');
    for (StringRef name : names)
      if (!addArchitecture(name, flag))
        return false;
  }
  if (!o.architectures.empty())
    o.deviceArchitecture =
        "sm_" + std::to_string(*llvm::min_element(o.architectures));
  return true;
}

/// --offload-arch and --target, against the target registry.
bool Reader::targets() {
  o.listTargets = args.hasArg(OPT_list_targets);
  for (StringRef value : args.getAllArgValues(OPT_offload_arch_eq))
    for (StringRef arch : llvm::split(value, ',')) {
      const TargetDescription *target = offloadTarget(arch);
      if (!target) {
        error("unknown offload architecture '" + arch +
              "' (known: sm_50 to sm_121 for ptx, gfx90a and gfx942 for "
              "amdgpu, spirv64; see lqcc --list-targets)");
        return false;
      }
      if (!target->available) {
        error("offload architecture '" + arch + "' (" + target->name +
              ") is not supported yet");
        return false;
      }
      if (!llvm::is_contained(o.offloadArchs, arch))
        o.offloadArchs.push_back(arch.str());
    }
  if (o.emit == EmitStage::PTX && o.offloadArchs.empty()) {
    error("'--emit=ptx' needs an NVIDIA architecture: add "
          "--offload-arch=sm_XX");
    return false;
  }
  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_target_eq)) {
    StringRef triple = arg->getValue();
    const TargetDescription *target = cpuTarget(triple);
    if (!target) {
      error("unknown target '" + triple +
            "' (known: x86_64-linux-gnu, aarch64-linux-gnu, "
            "riscv64-linux-gnu, loongarch64-linux-gnu; see lqcc "
            "--list-targets)");
      return false;
    }
    if (!target->available) {
      error("target '" + triple + "' (" + target->name +
            ") is not supported yet");
      return false;
    }
    if (target != cpuTarget(llvm::sys::getDefaultTargetTriple()))
      o.targetTriple = triple.str();
  }
  // Checked against the ISA where the target machine is made (CPUCodegen).
  if (!single(OPT_target_cpu_eq, "target CPU", o.targetCPU) ||
      !single(OPT_target_features_eq, "target features", o.targetFeatures))
    return false;
  return true;
}

bool Reader::read() {
  for (const llvm::opt::Arg *arg : args.filtered(OPT_INPUT))
    o.inputs.push_back(arg->getValue());

  if (!single(OPT_output, "output file", o.output))
    return false;
  o.compileOnly = args.hasArg(OPT_compile, OPT_device_c);
  o.relocatableDeviceCode = args.hasArg(OPT_device_c);
  if (!boolean(OPT_rdc, o.relocatableDeviceCode))
    return false;
  o.deviceLink = args.hasArg(OPT_device_link);
  o.staticLibrary = args.hasArg(OPT_lib);
  o.sharedLibrary = args.hasArg(OPT_shared);
  o.preprocessOnly = args.hasArg(OPT_preprocess);
  o.fatbinOnly = args.hasArg(OPT_fatbin);
  o.verbose = args.hasArg(OPT_verbose);
  o.dryRun = args.hasArg(OPT_dryrun);
  o.noWarnings = args.hasArg(OPT_disable_warnings);
  o.hostDebugInfo = args.hasArg(OPT_debug);
  o.deviceDebugInfo = args.hasArg(OPT_device_debug);
  o.lineInfo = args.hasArg(OPT_line_info);
  o.help = args.hasArg(OPT_help);
  o.version = args.hasArg(OPT_version);
  o.keep = args.hasArg(OPT_keep);
  if (!single(OPT_keep_dir, "directory", o.keepDir))
    return false;

  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_language)) {
    auto language = llvm::StringSwitch<std::optional<InputLanguage>>(
                        arg->getValue())
                        .Case("cu", InputLanguage::Cuda)
                        .Case("c++", InputLanguage::Cxx)
                        .Case("c", InputLanguage::C)
                        .Default(std::nullopt);
    if (!language) {
      error("invalid value '" + llvm::Twine(arg->getValue()) + "' for '" +
            spelling(arg) + "': expected cu, c++ or c");
      return false;
    }
    o.language = *language;
  }

  o.includeDirs = args.getAllArgValues(OPT_include_path);
  o.systemIncludeDirs = args.getAllArgValues(OPT_system_include);
  o.defines = args.getAllArgValues(OPT_define_macro);
  o.undefines = args.getAllArgValues(OPT_undefine_macro);
  if (args.hasArg(OPT_deps, OPT_deps_nonsystem))
    o.dependencies = Dependencies::Only;
  else if (args.hasArg(OPT_deps_with_compile, OPT_deps_nonsystem_with_compile))
    o.dependencies = Dependencies::WithCompile;
  o.dependenciesWithoutSystem =
      args.hasArg(OPT_deps_nonsystem, OPT_deps_nonsystem_with_compile);
  if (!single(OPT_dep_file, "dependency file", o.dependencyFile) ||
      !single(OPT_dep_target, "dependency target", o.dependencyTarget))
    return false;

  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_std)) {
    StringRef std = arg->getValue();
    if (!llvm::is_contained({"c++03", "c++11", "c++14", "c++17", "c++20"},
                            std)) {
      error("invalid value '" + std + "' for '" + spelling(arg) +
            "': expected c++03, c++11, c++14, c++17 or c++20");
      return false;
    }
    o.languageStandard = std.str();
  }
  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_optimize)) {
    StringRef level = arg->getValue();
    if (level.empty())
      o.optLevel = 3;
    else if (level.size() == 1 && level[0] >= '0' && level[0] <= '3')
      o.optLevel = level[0] - '0';
    else {
      error("invalid value '" + level + "' for '" + spelling(arg) +
            "': expected 0, 1, 2 or 3");
      return false;
    }
  }
  if (!architectures())
    return false;

  o.relaxedConstexpr = args.hasArg(OPT_relaxed_constexpr);
  o.extendedLambda = args.hasArg(OPT_extended_lambda);
  if (args.hasArg(OPT_use_fast_math)) {
    o.fastMath = true;
    o.flushToZero = o.fusedMultiplyAdd = true;
  }
  bool precise = true; // -prec-div, -prec-sqrt: correctly rounded either way
  if (!boolean(OPT_ftz, o.flushToZero) ||
      !boolean(OPT_fmad, o.fusedMultiplyAdd) ||
      !boolean(OPT_prec_div, precise) || !boolean(OPT_prec_sqrt, precise))
    return false;

  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_machine)) {
    if (StringRef(arg->getValue()) != "64") {
      error("invalid value '" + llvm::Twine(arg->getValue()) + "' for '" +
            spelling(arg) + "': only 64-bit host code is supported");
      return false;
    }
  }
  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_default_stream)) {
    StringRef kind = arg->getValue();
    if (kind == "per-thread") {
      error("'" + spelling(arg) +
            " per-thread' is not supported yet: stream 0 is the legacy "
            "default stream (cudaStreamPerThread can be named explicitly)");
      return false;
    }
    if (kind != "legacy" && kind != "null") {
      error("invalid value '" + kind + "' for '" + spelling(arg) +
            "': expected legacy, null or per-thread");
      return false;
    }
  }
  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_werror)) {
    for (StringRef kind : llvm::split(StringRef(arg->getValue()), ','))
      if (kind == "all-warnings")
        o.warningsAreErrors = true;
      else if (!llvm::is_contained(
                   {"cross-execution-space-call", "reorder",
                    "default-stream-launch", "missing-launch-bounds",
                    "ext-lambda-captures-this", "deprecated-declarations"},
                   kind)) {
        error("invalid value '" + kind + "' for '" + spelling(arg) +
              "': expected all-warnings, cross-execution-space-call, "
              "reorder, default-stream-launch, missing-launch-bounds, "
              "ext-lambda-captures-this or deprecated-declarations");
        return false;
      }
  }
  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_cudart)) {
    StringRef kind = arg->getValue();
    if (kind == "static")
      o.ignored.push_back(spelling(arg) +
                          " static: Lingqu's libcudart is a shared library; "
                          "it is linked as such");
    else if (kind == "none")
      o.linkCudart = false;
    else if (kind != "shared") {
      error("invalid value '" + kind + "' for '" + spelling(arg) +
            "': expected shared, static or none");
      return false;
    }
  }
  for (const llvm::opt::Arg *arg : args.filtered(OPT_threads)) {
    unsigned n;
    if (StringRef(arg->getValue()).getAsInteger(10, n)) {
      error("invalid value '" + llvm::Twine(arg->getValue()) + "' for '" +
            spelling(arg) + "': expected a number");
      return false;
    }
    o.ignored.push_back(spelling(arg) + " " + arg->getValue() +
                        ": one device compilation serves every architecture");
  }
  for (const llvm::opt::Arg *arg : args.filtered(OPT_ptxas_options))
    o.ignored.push_back(spelling(arg) + " " + arg->getValue() +
                        ": there is no ptxas; device code is compiled for "
                        "the CPU");
  for (const llvm::opt::Arg *arg : args.filtered(OPT_maxrregcount))
    o.ignored.push_back(spelling(arg) + " " + arg->getValue() +
                        ": the CPU target has no register budget");

  // -Xcompiler a,b and -Xlinker a,b: comma-separated, as nvcc splits them.
  for (StringRef value : args.getAllArgValues(OPT_compiler_options))
    for (StringRef flag : llvm::split(value, ','))
      if (!flag.empty())
        o.hostCompilerFlags.push_back(flag.str());
  for (StringRef value : args.getAllArgValues(OPT_linker_options))
    for (StringRef flag : llvm::split(value, ','))
      if (!flag.empty())
        o.hostLinkerFlags.push_back(flag.str());
  if (!single(OPT_compiler_bindir, "host compiler", o.hostCompiler))
    return false;
  o.libraryDirs = args.getAllArgValues(OPT_library_path);
  o.libraries = args.getAllArgValues(OPT_library);

  if (const llvm::opt::Arg *arg = args.getLastArg(OPT_emit)) {
    StringRef stage = arg->getValue();
    auto parsed = llvm::StringSwitch<std::optional<EmitStage>>(stage)
                      .Case("device-llvm", EmitStage::DeviceLLVM)
                      .Case("mlir-imported", EmitStage::MLIRImported)
                      .Case("mlir-scf", EmitStage::MLIRSCF)
                      .Case("mlir-cpu", EmitStage::MLIRCPU)
                      .Case("cpu-llvm", EmitStage::CPULLVM)
                      .Case("ptx", EmitStage::PTX)
                      .Default(std::nullopt);
    if (!parsed) {
      error("invalid value '" + stage +
            "' in '--emit=': expected device-llvm, mlir-imported, "
            "mlir-scf, mlir-cpu, cpu-llvm or ptx");
      return false;
    }
    o.emit = *parsed;
  }
  if (!targets())
    return false;
  for (const llvm::opt::Arg *arg : args.filtered(
           OPT_rpass_eq, OPT_rpass_missed_eq, OPT_rpass_analysis_eq)) {
    StringRef pattern = arg->getValue();
    std::string why;
    if (!llvm::Regex(pattern).isValid(why)) {
      error("invalid regular expression '" + pattern + "' in '" +
            arg->getSpelling() + "': " + why);
      return false;
    }
    (arg->getOption().matches(OPT_rpass_eq)          ? o.remarksPassed
     : arg->getOption().matches(OPT_rpass_missed_eq) ? o.remarksMissed
                                                     : o.remarksAnalysis) =
        pattern.str();
  }
  return true;
}

/// nvcc's -optf <file> is @<file>.
static void rewriteOptionsFiles(llvm::SmallVectorImpl<const char *> &argv,
                                llvm::StringSaver &saver) {
  for (size_t i = 0; i < argv.size(); ++i) {
    StringRef arg = argv[i];
    for (StringRef flag : {"-optf", "--options-file"}) {
      if (arg == flag && i + 1 < argv.size()) {
        argv[i] = saver.save("@" + StringRef(argv[i + 1])).data();
        argv.erase(argv.begin() + i + 1);
      } else if (arg.starts_with((flag + "=").str())) {
        argv[i] = saver.save("@" + arg.substr(flag.size() + 1)).data();
      }
    }
  }
}

std::optional<LqccOptions>
lingqu::parseOptions(llvm::ArrayRef<const char *> rawArgs) {
  llvm::BumpPtrAllocator allocator;
  llvm::StringSaver saver(allocator);
  llvm::SmallVector<const char *> argv(rawArgs.begin(), rawArgs.end());
  rewriteOptionsFiles(argv, saver);
  // LLVM leaves a missing @file as an argument (GCC does); nvcc stops.
  for (StringRef arg : argv)
    if (arg.starts_with("@") && !llvm::sys::fs::exists(arg.drop_front())) {
      error("cannot open options file '" + arg.drop_front() + "'");
      return std::nullopt;
    }
  llvm::cl::ExpansionContext expansion(allocator,
                                       llvm::cl::TokenizeGNUCommandLine);
  if (llvm::Error e = expansion.expandResponseFiles(argv)) {
    error(llvm::toString(std::move(e)));
    return std::nullopt;
  }

  unsigned missingIndex = 0, missingCount = 0;
  llvm::opt::InputArgList args =
      optTable().ParseArgs(argv, missingIndex, missingCount);
  if (missingCount) {
    error("argument to '" + StringRef(args.getArgString(missingIndex)) +
          "' is missing (expected " + llvm::Twine(missingCount) + " value" +
          (missingCount > 1 ? "s" : "") + ")");
    return std::nullopt;
  }
  LqccOptions options;
  bool forwardCompiler = args.hasArg(OPT_forward_unknown_to_host_compiler);
  bool forwardLinker = args.hasArg(OPT_forward_unknown_to_host_linker);
  for (const llvm::opt::Arg *arg : args.filtered(OPT_UNKNOWN)) {
    if (forwardCompiler)
      options.hostCompilerFlags.push_back(arg->getAsString(args));
    else if (forwardLinker)
      options.hostLinkerFlags.push_back(arg->getAsString(args));
    else {
      error("unknown option '" + arg->getAsString(args) + "'");
      return std::nullopt;
    }
  }
  if (!Reader(args, options).read())
    return std::nullopt;

  if (options.help || options.version || options.listTargets)
    return options;
  if (options.inputs.empty()) {
    error("no input files");
    return std::nullopt;
  }
  if (options.staticLibrary && options.sharedLibrary) {
    error("'-lib' and '-shared' cannot be used together");
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
