// The OpenCL host side of the PoCL variants: PoCL's CPU device through the
// ICD loader, the workload's .cl file built from BENCH_CL (a path the runner
// defines), and errors that name the call that failed.
#ifndef LINGQU_BENCH_COMMON_OCL_H
#define LINGQU_BENCH_COMMON_OCL_H

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ocl {

inline void check(cl_int err, const char *what) {
  if (err != CL_SUCCESS) {
    std::fprintf(stderr, "OpenCL error %d in %s\n", err, what);
    std::exit(1);
  }
}
#define OCL_CHECK(call) ::ocl::check((call), #call)

struct Runtime {
  cl_device_id device = nullptr;
  cl_context context = nullptr;
  cl_command_queue queue = nullptr;
  cl_program program = nullptr;
};

/// PoCL's platform (the first platform if its name is not found).
inline cl_platform_id pocl() {
  cl_uint n = 0;
  OCL_CHECK(clGetPlatformIDs(0, nullptr, &n));
  if (n == 0) {
    std::fprintf(stderr, "no OpenCL platform (is pocl-opencl-icd installed?)\n");
    std::exit(1);
  }
  std::vector<cl_platform_id> ids(n);
  OCL_CHECK(clGetPlatformIDs(n, ids.data(), nullptr));
  for (cl_platform_id id : ids) {
    char name[256] = {};
    clGetPlatformInfo(id, CL_PLATFORM_NAME, sizeof name - 1, name, nullptr);
    if (std::string(name).find("Portable Computing Language") !=
        std::string::npos)
      return id;
  }
  return ids[0];
}

/// A context and in-order queue on PoCL's CPU device, and the program built
/// from `path` (its build log on failure).
inline Runtime open(const char *path, const char *options = "") {
  Runtime rt;
  cl_platform_id platform = pocl();
  OCL_CHECK(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &rt.device,
                           nullptr));
  cl_int err;
  rt.context = clCreateContext(nullptr, 1, &rt.device, nullptr, nullptr, &err);
  check(err, "clCreateContext");
  rt.queue = clCreateCommandQueue(rt.context, rt.device, 0, &err);
  check(err, "clCreateCommandQueue");
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    std::exit(1);
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string source = text.str();
  const char *src = source.c_str();
  rt.program = clCreateProgramWithSource(rt.context, 1, &src, nullptr, &err);
  check(err, "clCreateProgramWithSource");
  if (clBuildProgram(rt.program, 1, &rt.device, options, nullptr, nullptr) !=
      CL_SUCCESS) {
    size_t len = 0;
    clGetProgramBuildInfo(rt.program, rt.device, CL_PROGRAM_BUILD_LOG, 0,
                          nullptr, &len);
    std::string log(len, '\0');
    clGetProgramBuildInfo(rt.program, rt.device, CL_PROGRAM_BUILD_LOG, len,
                          log.data(), nullptr);
    std::fprintf(stderr, "%s: build failed:\n%s\n", path, log.c_str());
    std::exit(1);
  }
  return rt;
}

inline cl_kernel kernel(const Runtime &rt, const char *name) {
  cl_int err;
  cl_kernel k = clCreateKernel(rt.program, name, &err);
  check(err, name);
  return k;
}

/// A device buffer of `bytes`, filled from `host` if given.
inline cl_mem buffer(const Runtime &rt, size_t bytes,
                     const void *host = nullptr) {
  cl_int err;
  cl_mem m = clCreateBuffer(
      rt.context, CL_MEM_READ_WRITE | (host ? CL_MEM_COPY_HOST_PTR : 0), bytes,
      const_cast<void *>(host), &err);
  check(err, "clCreateBuffer");
  return m;
}

inline void read(const Runtime &rt, cl_mem m, size_t bytes, void *host) {
  OCL_CHECK(clEnqueueReadBuffer(rt.queue, m, CL_TRUE, 0, bytes, host, 0,
                                nullptr, nullptr));
}

inline void write(const Runtime &rt, cl_mem m, size_t bytes,
                  const void *host) {
  OCL_CHECK(clEnqueueWriteBuffer(rt.queue, m, CL_TRUE, 0, bytes, host, 0,
                                 nullptr, nullptr));
}

/// Sets the kernel's arguments in order (cl_mem, scalars, or ocl::Local).
struct Local {
  size_t bytes;
};
inline void setArg(cl_kernel k, cl_uint i, Local l) {
  OCL_CHECK(clSetKernelArg(k, i, l.bytes, nullptr));
}
template <typename T> void setArg(cl_kernel k, cl_uint i, const T &v) {
  OCL_CHECK(clSetKernelArg(k, i, sizeof(T), &v));
}
template <typename... A> void args(cl_kernel k, const A &...a) {
  cl_uint i = 0;
  (setArg(k, i++, a), ...);
}

/// Enqueues k over `global` work-items in groups of `local` (dims 1 to 3);
/// global is rounded up to whole groups.
inline void run(const Runtime &rt, cl_kernel k, std::vector<size_t> global,
                std::vector<size_t> local) {
  for (size_t d = 0; d < global.size(); ++d)
    global[d] = (global[d] + local[d] - 1) / local[d] * local[d];
  OCL_CHECK(clEnqueueNDRangeKernel(rt.queue, k, cl_uint(global.size()),
                                   nullptr, global.data(), local.data(), 0,
                                   nullptr, nullptr));
}

inline void finish(const Runtime &rt) { OCL_CHECK(clFinish(rt.queue)); }

} // namespace ocl

#endif // LINGQU_BENCH_COMMON_OCL_H
