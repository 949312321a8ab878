# Lit configuration for Lingqu: dialect and pass tests (.mlir), and lqcc
# compile-and-run tests (.cu).
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))

import crosstargets
import lit.formats

config.name = "Lingqu"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".ll", ".cu", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lingqu_obj_root, "test")
# projects/: sample CUDA projects that the .test files there build.
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "unit", "Inputs",
                   "cmake", "cmake-package", "make"]

config.environment["PATH"] = os.pathsep.join(
    [config.lingqu_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
# Runs must not depend on the ccache or locale of whoever runs the tests.
config.environment["LC_ALL"] = "C"

# make check-cross: `lit --param cross=<triple>` builds the end-to-end
# programs for another CPU ISA and runs them under qemu-user (%exec).
cross = lit_config.params.get("cross")
lqcc = os.path.join(config.lingqu_tools_dir, "lqcc")
exec_prefix = ""
# --param cross_features=+v adds ISA extensions (RISC-V's vector one).
cross_features = lit_config.params.get("cross_features", "")
if cross:
    emulator = crosstargets.emulator(cross, cross_features)
    if emulator is None:
        lit_config.fatal("lit --param cross=%s --param cross_features=%s: no such "
                         "cross target (known: %s; features: %s)"
                         % (cross, cross_features, ", ".join(crosstargets.TARGETS),
                            ", ".join("%s %s" % k for k in crosstargets.QEMU_CPUS)))
    lqcc += " --target=" + cross
    if cross_features:
        lqcc += " --target-features=" + cross_features
    exec_prefix = " ".join(emulator) + " "
    config.available_features.add("cross")
config.substitutions.append(("%lqcc", lqcc))
# Runs a program built by %lqcc: directly, or under qemu-user.
config.substitutions.append(("%exec", exec_prefix))
config.substitutions.append(("%lingqu_src", config.lingqu_src_root))
config.substitutions.append(("%lingqu_obj", config.lingqu_obj_root))
# lqcc's LLVM passes, loaded into opt.
config.substitutions.append(
    ("%lingqu_llvm_plugin", os.path.join(config.lingqu_obj_root, "lib", "LingquLLVMPlugin.so")))
# %clangxx before %clang, which is its prefix.
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%lingqu_lib", os.path.join(config.lingqu_obj_root, "lib")))
# End-to-end programs run under both executors, which must agree.
run_executors = "python3 " + os.path.join(config.lingqu_src_root, "test", "Inputs",
                                          "run_executors.py")
# Before %run, its prefix: programs whose blocks print, in no fixed order.
config.substitutions.append(("%run-unordered", run_executors + " --unordered " + exec_prefix))
config.substitutions.append(("%run", run_executors + " " + exec_prefix))
config.substitutions.append(
    ("%expect-exit", "python3 " + os.path.join(config.lingqu_src_root, "test", "Inputs", "expect_exit.py")))

# Where lqcc vectorises math calls into SLEEF.
import platform
if platform.machine() == "x86_64" and platform.system() == "Linux" and not cross:
    config.available_features.add("x86_64-linux")

# lqcc builds for the host's CPU: what it makes of AVX-512 is tested where
# the host has it.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        if " avx512f" in cpuinfo.read() and not cross:
            config.available_features.add("avx512f")
except OSError:
    pass

# NVIDIA's toolkit is optional: reference tests mark `REQUIRES: nvcc`.
# Debian's cross sysroots, for lqcc --target.
for triple, feature in [("aarch64-linux-gnu", "aarch64-sysroot"),
                        ("riscv64-linux-gnu", "riscv64-sysroot")]:
    if os.path.isdir("/usr/%s/include" % triple):
        config.available_features.add(feature)

# Lingqu's runtime built for another ISA (make cross-runtime):
# aarch64-runtime, riscv64-runtime.
# %emulate-<arch> runs a program built for it under qemu-user.
for triple in crosstargets.TARGETS:
    arch = triple.split("-")[0]
    if os.path.exists(os.path.join(config.lingqu_obj_root, "lib", triple, "libcudart.so")):
        config.available_features.add(arch + "-runtime")
    config.substitutions.append(("%emulate-" + arch, " ".join(crosstargets.emulator(triple))))
config.substitutions.append(("%emulate-rvv", " ".join(
    crosstargets.emulator("riscv64-linux-gnu", "+v"))))

# An NVIDIA GPU and its driver, where the cuda plugin's tests run the PTX.
if os.path.exists("/dev/nvidia0") and any(
        os.path.exists(p) for p in ("/usr/lib/x86_64-linux-gnu/libcuda.so.1",
                                    "/usr/lib64/libcuda.so.1")):
    config.available_features.add("nvidia-gpu")

# spirv-val validates the SPIR-V entries (Debian's spirv-tools).
if shutil.which("spirv-val"):
    config.available_features.add("spirv-tools")

# ptxas validates the PTX entries (REQUIRES: ptxas).
ptxas = shutil.which("ptxas") or "/usr/local/cuda/bin/ptxas"
if os.path.exists(ptxas):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
nvcc = shutil.which("nvcc") or "/usr/local/cuda/bin/nvcc"
if os.path.exists(nvcc):
    config.available_features.add("nvcc")
    config.substitutions.append(("%nvcc", nvcc))
