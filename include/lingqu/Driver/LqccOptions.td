//===- LqccOptions.td - lqcc's command line, as nvcc spells it -----------===//
//
// nvcc writes every option with one dash (-arch) and, in its long form, two
// (--gpu-architecture); a value follows as the next argument or after '='.
// One-letter options (-I, -D, -L, -l, -o, -O, -x, -U) also take it attached.
// The multiclasses below define each spelling once; the driver reads only
// the primary option of each group (aliases resolve to it).
//
//===----------------------------------------------------------------------===//

include "llvm/Option/OptParser.td"

// A flag: -short and --long.
multiclass Flag2<string short, string long, string help> {
  def NAME : Flag<["-"], short>, HelpText<help>;
  if !ne(long, "") then
    def NAME # _long : Flag<["--"], long>, Alias<!cast<Flag>(NAME)>,
                       Flags<[HelpHidden]>;
}

// An option with a value: -short v, -short=v, --long v, --long=v.
multiclass Value2<string short, string long, string meta, string help> {
  def NAME : Separate<["-"], short>, MetaVarName<meta>, HelpText<help>;
  def NAME # _eq : Joined<["-"], short # "=">, Alias<!cast<Separate>(NAME)>,
                   Flags<[HelpHidden]>;
  if !ne(long, "") then {
    def NAME # _long : Separate<["--"], long>, Alias<!cast<Separate>(NAME)>,
                       Flags<[HelpHidden]>;
    def NAME # _long_eq : Joined<["--"], long # "=">,
                          Alias<!cast<Separate>(NAME)>, Flags<[HelpHidden]>;
  }
}

// A one-letter option whose value may also be attached: -Idir, -I dir,
// -I=dir, --include-path dir, --include-path=dir.
multiclass Letter<string letter, string long, string meta, string help> {
  def NAME : JoinedOrSeparate<["-"], letter>, MetaVarName<meta>,
             HelpText<help>;
  def NAME # _long : Separate<["--"], long>,
                     Alias<!cast<JoinedOrSeparate>(NAME)>, Flags<[HelpHidden]>;
  def NAME # _long_eq : Joined<["--"], long # "=">,
                        Alias<!cast<JoinedOrSeparate>(NAME)>,
                        Flags<[HelpHidden]>;
}

//===----------------------------------------------------------------------===//
// Inputs, outputs and phases
//===----------------------------------------------------------------------===//

defm output : Letter<"o", "output-file", "<file>",
  "Write the output to <file> (default a.out, or <input>.o with -c)">;
defm compile : Flag2<"c", "compile", "Compile each input to an object; do not link">;
defm device_c : Flag2<"dc", "device-c",
  "Compile to relocatable device code objects (-c -rdc=true)">;
defm device_link : Flag2<"dlink", "device-link",
  "Link the relocatable device code of the inputs into one object">;
defm lib : Flag2<"lib", "lib", "Archive the objects into a static library">;
defm shared : Flag2<"shared", "shared", "Link a shared library">;
defm preprocess : Flag2<"E", "preprocess",
  "Preprocess the inputs (host side) to standard output">;
defm fatbin : Flag2<"fatbin", "fatbin",
  "Write the device code's fat binary (<input>.fatbin), the image "
  "cuModuleLoad and cuModuleLoadData take">;
defm rdc : Value2<"rdc", "relocatable-device-code", "<true|false>",
  "Generate relocatable device code, linked across translation units">;
defm language : Letter<"x", "x", "<cu|c++|c>",
  "Treat the inputs as CUDA, C++ or C, whatever their extension">;
defm options_file : Value2<"optf", "options-file", "<file>",
  "Read more options from <file> (as @<file>)">;

//===----------------------------------------------------------------------===//
// Preprocessor and dependencies
//===----------------------------------------------------------------------===//

defm include_path : Letter<"I", "include-path", "<dir>",
  "Add <dir> to the include search path">;
defm system_include : Value2<"isystem", "system-include", "<dir>",
  "Add <dir> to the system include search path">;
defm define_macro : Letter<"D", "define-macro", "<name>[=<value>]",
  "Define a macro">;
defm undefine_macro : Letter<"U", "undefine-macro", "<name>",
  "Undefine a macro">;
defm deps : Flag2<"M", "generate-dependencies",
  "Print the make rule of each input's dependencies; do not compile">;
defm deps_nonsystem : Flag2<"MM", "generate-nonsystem-dependencies",
  "As -M, without system headers">;
defm deps_with_compile : Flag2<"MD", "generate-dependencies-with-compile",
  "Write a dependency file while compiling">;
defm deps_nonsystem_with_compile : Flag2<"MMD",
  "generate-nonsystem-dependencies-with-compile",
  "As -MD, without system headers">;
defm dep_file : Value2<"MF", "dependency-output", "<file>",
  "The dependency file of -M, -MM, -MD or -MMD">;
defm dep_target : Value2<"MT", "dependency-target-name", "<target>",
  "The target name of the dependency rule">;

//===----------------------------------------------------------------------===//
// Language and code generation
//===----------------------------------------------------------------------===//

defm std : Value2<"std", "std", "<c++11|c++14|c++17|c++20>",
  "Language standard (default c++17)">;
defm optimize : Letter<"O", "optimize", "<0-3>",
  "Optimisation level of host and device code (default 3)">;
defm debug : Flag2<"g", "debug", "Emit debug information for host code">;
defm device_debug : Flag2<"G", "device-debug",
  "Emit debug information for device code (and optimise it at -O0)">;
defm line_info : Flag2<"lineinfo", "generate-line-info",
  "Keep line tables for device code">;
defm gpu_architecture : Value2<"arch", "gpu-architecture",
  "<sm_XX|compute_XX|native|all|all-major>",
  "The GPU architecture the code is written for: sets __CUDA_ARCH__">;
defm gpu_code : Value2<"code", "gpu-code", "<sm_XX|compute_XX>[,...]",
  "The architectures to generate code for (with -arch)">;
defm generate_code : Value2<"gencode", "generate-code",
  "arch=<compute_XX>,code=<sm_XX>[,...]",
  "An -arch/-code pair; may be repeated">;
defm use_fast_math : Flag2<"use_fast_math", "use_fast_math",
  "As nvcc: -ftz=true -prec-div=false -prec-sqrt=false -fmad=true, and "
  "defines __USE_FAST_MATH__">;
defm ftz : Value2<"ftz", "ftz", "<true|false>",
  "Accepted; single-precision denormals are still computed exactly on the "
  "cpu target (a warning says so)">;
defm prec_div : Value2<"prec-div", "prec-div", "<true|false>",
  "Accepted; division stays correctly rounded">;
defm prec_sqrt : Value2<"prec-sqrt", "prec-sqrt", "<true|false>",
  "Accepted; square root stays correctly rounded">;
defm fmad : Value2<"fmad", "fmad", "<true|false>",
  "Contract multiplies and adds into fused multiply-adds in device code "
  "(default true)">;
defm relaxed_constexpr : Flag2<"expt-relaxed-constexpr",
  "expt-relaxed-constexpr",
  "Let device code call constexpr host functions (always so with Clang)">;
defm extended_lambda : Flag2<"extended-lambda", "extended-lambda",
  "Allow __device__ annotations on lambdas (always so with Clang)">;
def expt_extended_lambda : Flag<["-", "--"], "expt-extended-lambda">,
  Alias<extended_lambda>, Flags<[HelpHidden]>;
defm machine : Value2<"m", "machine", "<64>",
  "Host word size; 64 only">;
def m64 : Flag<["-"], "m64">, HelpText<"As --machine=64">;
defm default_stream : Value2<"default-stream", "default-stream",
  "<legacy|null|per-thread>", "The default stream's kind (default legacy)">;

//===----------------------------------------------------------------------===//
// Other tools' options
//===----------------------------------------------------------------------===//

defm compiler_options : Value2<"Xcompiler", "compiler-options",
  "<flag>[,...]", "Pass flags to the host compiler">;
defm linker_options : Value2<"Xlinker", "linker-options", "<flag>[,...]",
  "Pass flags to the host linker">;
defm ptxas_options : Value2<"Xptxas", "ptxas-options", "<flag>[,...]",
  "Accepted and ignored: there is no ptxas (-v says so)">;
defm maxrregcount : Value2<"maxrregcount", "maxrregcount", "<n>",
  "Accepted and ignored: the cpu target has no register budget (-v says "
  "so)">;
defm compiler_bindir : Value2<"ccbin", "compiler-bindir", "<path>",
  "The host compiler for .c and .cpp inputs and the link">;
defm library_path : Letter<"L", "library-path", "<dir>",
  "Add <dir> to the library search path">;
defm library : Letter<"l", "library", "<lib>", "Link with lib<lib>">;

//===----------------------------------------------------------------------===//
// The driver itself
//===----------------------------------------------------------------------===//

defm keep : Flag2<"keep", "keep", "Keep the intermediate files">;
defm keep_dir : Value2<"keep-dir", "keep-dir", "<dir>",
  "Where -keep puts them (default the current directory)">;
defm threads : Value2<"t", "threads", "<n>",
  "Accepted: one device compilation serves every architecture">;
defm verbose : Flag2<"v", "verbose", "Show each step and its time">;
defm dryrun : Flag2<"dryrun", "dryrun", "Show the steps; do not run them">;
defm disable_warnings : Flag2<"w", "disable-warnings",
  "No warnings or remarks">;
defm werror : Value2<"Werror", "Werror", "<all-warnings>",
  "Make warnings errors">;
defm version : Flag2<"V", "version",
  "Print the version of lqcc and of the CUDA it implements">;
defm help : Flag2<"h", "help", "Show this text">;
def emit : Joined<["--"], "emit=">, MetaVarName<"<stage>">,
  HelpText<"Print one stage of a .cu file's device compilation and stop: "
           "device-llvm, mlir-imported, mlir-scf, mlir-cpu, cpu-llvm, ptx "
           "(with --offload-arch=sm_XX)">;
def rpass_eq : Joined<["-"], "Rpass=">, MetaVarName<"<regex>">,
  HelpText<"Print the optimisation remarks of matching LLVM passes on "
           "device code (-Rpass=loop-vectorize: which thread loops "
           "vectorised)">;
def rpass_missed_eq : Joined<["-"], "Rpass-missed=">, MetaVarName<"<regex>">,
  HelpText<"As -Rpass, for missed optimisations">;
def rpass_analysis_eq : Joined<["-"], "Rpass-analysis=">,
  MetaVarName<"<regex>">, HelpText<"As -Rpass, for the analyses' reasons">;

//===----------------------------------------------------------------------===//
// What build systems pass (CMake's NVIDIA rules among them)
//===----------------------------------------------------------------------===//

defm forward_unknown_to_host_compiler : Flag2<
  "forward-unknown-to-host-compiler", "forward-unknown-to-host-compiler",
  "Pass unknown options to the host compiler instead of failing">;
defm forward_unknown_to_host_linker : Flag2<
  "forward-unknown-to-host-linker", "forward-unknown-to-host-linker",
  "Pass unknown options to the host linker instead of failing">;
defm cudart : Value2<"cudart", "cudart", "<shared|static|none>",
  "The CUDA runtime to link: Lingqu's is a shared library either way">;
def no_deprecated_gpu_targets : Flag<["-", "--"], "Wno-deprecated-gpu-targets">,
  HelpText<"Accepted: no architecture is deprecated here">;

//===----------------------------------------------------------------------===//
// Targets (lib/Target/TargetRegistry.cpp)
//===----------------------------------------------------------------------===//

def offload_arch_eq : Joined<["--"], "offload-arch=">,
  MetaVarName<"<arch>[,...]">,
  HelpText<"Add an entry for a GPU-like target to the fat binary, next to "
           "the CPU's: sm_XX (PTX); may be repeated">;
def target_eq : Joined<["--"], "target=">, MetaVarName<"<triple>">,
  HelpText<"The CPU the program is built for (default: the host)">;
def target_cpu_eq : Joined<["--"], "target-cpu=">, MetaVarName<"<cpu>">,
  HelpText<"The CPU the kernels (the fat binary's CPU entry) are built for: "
           "an LLVM CPU name of the target's ISA, e.g. tsv110 (Kunpeng 920); "
           "default: the host's CPU, or another ISA's baseline">;
def target_features_eq : Joined<["--"], "target-features=">,
  MetaVarName<"<+f,-g,...>">,
  HelpText<"ISA extensions to add to or take from the kernels' CPU, as "
           "LLVM names them: +v for RISC-V's vector extension">;
def list_targets : Flag<["--"], "list-targets">,
  HelpText<"List the targets lqcc knows, how each is selected and whether "
           "it is there yet">;
