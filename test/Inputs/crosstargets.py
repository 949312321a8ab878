"""The CPU ISAs `make check-cross` runs the end-to-end suite for, and the
qemu-user command that runs a program built for each (lit.cfg.py's %exec)."""
import os

TARGETS = ("aarch64-linux-gnu", "riscv64-linux-gnu")


# The qemu CPU that has the ISA extensions a --target-features list asks
# for; qemu's default CPU lacks RISC-V's vector extension (an RVV
# instruction is SIGILL there, which is how the tests see it is used).
QEMU_CPUS = {("riscv64-linux-gnu", "+v"): "rv64,v=true,vlen=256,vext_spec=v1.0"}


def emulator(triple, features=""):
    """qemu-user, the CPU for FEATURES and the -L prefix for TRIPLE, or None
    if it is not one (or FEATURES is not one it knows)."""
    if triple not in TARGETS:
        return None
    arch = triple.split("-")[0]
    cpu = []
    if features:
        if (triple, features) not in QEMU_CPUS:
            return None
        cpu = ["-cpu", QEMU_CPUS[(triple, features)]]
    # The prefix holds the dynamic loader and the C library. Debian's cross
    # sysroot (/usr/<triple>) has both, but where the arm64 multiarch C
    # library is installed (make cross-runtime needs it for abseil and
    # oneTBB), the loader's search finds that libc.so.6 in
    # /lib/<triple> first; the cross sysroot's ld.so with the multiarch
    # libc.so.6 (another Debian revision of glibc 2.36) spins forever in
    # pthread_create. So there the multiarch loader is the one to use.
    root = "/usr/" + triple
    if os.path.exists("/lib/%s/libc.so.6" % triple):
        root = "/"
    return ["qemu-" + arch] + cpu + ["-L", root]
