//===- API.td - The classes Lingqu's CUDA API table is written in ---------===//
//
// Every CUDA runtime (cuda*) and driver (cu*) entry point is one record, in
// runtime/api/runtime/<family>.td or runtime/api/driver/<family>.td. From
// these records scripts/gen-api.py generates the exported entry points (with
// argument checks and LINGQU_TRACE=api tracing), the declarations of the
// implementation functions, the per-thread-default-stream variants, the
// cuGetProcAddress table and docs/api-coverage.md.
//
// The skeleton of each record (name, parameters, family) was written by
// scripts/api-skeleton.py from CUDA 12.8's headers; what Lingqu does with
// the entry point is written here by hand.
//
//===----------------------------------------------------------------------===//

/// One parameter, as CUDA's header declares it. `Default` is the C++ default
/// argument the header gives it, if any.
class Param<string type, string name, string dflt = ""> {
  string Type = type;
  string Name = name;
  string Default = dflt;
}

/// A misuse the generated entry point rejects before the implementation
/// runs: when `Condition` (C++ over the parameter names) holds, the entry
/// point returns `Code`. Checks run in the order they are listed, which is
/// the order CUDA reports them in.
class Check<string err, string cond> {
  string Code = err;
  string Condition = cond;
}

class Function<string name, string family> {
  string Name = name;
  string Family = family;
  /// The exported symbol when CUDA's header maps the name to a versioned one
  /// (cuMemAlloc -> cuMemAlloc_v2).
  string Symbol = name;
  /// "ptds" or "ptsz": the header maps the name to <Symbol>_ptds/_ptsz under
  /// per-thread default streams; the library exports both.
  string PerThread = "";
  string Result = "";
  list<Param> Params = [];
  list<Check> Checks = [];
  /// One line on what Lingqu does; the docs show it.
  string Desc = "";
  /// 0: the entry point is exported, returns cudaErrorNotSupported /
  /// CUDA_ERROR_NOT_SUPPORTED and counts as missing.
  bit Implemented = 0;
  /// Declared __host__ __device__ by CUDA (callable from device code).
  bit HostDevice = 0;
}

/// A runtime API entry point. Unless `KeepsLastError` is set, a failure is
/// recorded as the calling thread's last error.
class RuntimeFunction<string name, string family> : Function<name, family> {
  let Result = "cudaError_t";
  /// Entry points that read the error state rather than report into it.
  bit KeepsLastError = 0;
}

/// A driver API entry point. Unless `BeforeInit` is set, it returns
/// CUDA_ERROR_NOT_INITIALIZED until cuInit has succeeded.
class DriverFunction<string name, string family> : Function<name, family> {
  let Result = "CUresult";
  bit BeforeInit = 0;
}
