//===- Module.cpp - A shared-object entry loaded into the process ---------===//

#include "core/Module.h"

#include <cerrno>
#include <string>
#include <vector>
#include <cstring>

#include <dlfcn.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "core/Status.h"

using namespace lingqu::rt;

namespace {
absl::Status initFailed(absl::string_view what) {
  return makeError(cudaErrorSharedObjectInitFailed, what);
}

absl::Status writeAll(int fd, absl::Span<const uint8_t> bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return initFailed(
          absl::StrCat("writing the module to memory failed: ",
                       n < 0 ? std::strerror(errno) : "no progress"));
    done += size_t(n);
  }
  return absl::OkStatus();
}
} // namespace

absl::StatusOr<std::unique_ptr<Module>>
Module::loadSharedObject(absl::Span<const uint8_t> bytes) {
  // 1. An anonymous, close-on-exec memory file holding the bytes.
  // 2. dlopen it through /proc/self/fd: RTLD_NOW so a missing symbol fails
  //    here rather than in the middle of a kernel, RTLD_LOCAL so that two
  //    modules defining the same kernel do not interpose on each other.
  int fd = ::memfd_create("lingqu-module", MFD_CLOEXEC);
  if (fd < 0)
    return initFailed(
        absl::StrCat("memfd_create failed: ", std::strerror(errno)));
  if (absl::Status written = writeAll(fd, bytes); !written.ok()) {
    ::close(fd);
    return written;
  }

  std::string path = absl::StrFormat("/proc/self/fd/%d", fd);
  ::dlerror(); // clear a stale message
  void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char *why = ::dlerror();
    ::close(fd);
    return initFailed(
        absl::StrCat("dlopen of the module failed: ", why ? why : "unknown"));
  }
  auto module = std::unique_ptr<Module>(new Module(handle, fd));
  module->kernelNames_ = kernelNamesIn(bytes);
  return module;
}

std::vector<std::string>
Module::kernelNamesIn(absl::Span<const uint8_t> bytes) {
  // The dynamic symbol table names every kernel's descriptor. The loader
  // has validated the image, but read defensively all the same.
  std::vector<std::string> names;
  auto fits = [&](uint64_t offset, uint64_t size) {
    return offset <= bytes.size() && size <= bytes.size() - offset;
  };
  ElfW(Ehdr) header;
  if (!fits(0, sizeof header))
    return names;
  std::memcpy(&header, bytes.data(), sizeof header);
  if (header.e_shentsize != sizeof(ElfW(Shdr)) ||
      !fits(header.e_shoff, uint64_t(header.e_shnum) * sizeof(ElfW(Shdr))))
    return names;
  auto section = [&](unsigned i) {
    ElfW(Shdr) s;
    std::memcpy(&s, bytes.data() + header.e_shoff + i * sizeof s, sizeof s);
    return s;
  };
  absl::string_view prefix = LINGQU_KERNEL_INFO_PREFIX;
  for (unsigned i = 0; i < header.e_shnum; ++i) {
    ElfW(Shdr) symtab = section(i);
    if (symtab.sh_type != SHT_DYNSYM || symtab.sh_link >= header.e_shnum)
      continue;
    ElfW(Shdr) strtab = section(symtab.sh_link);
    if (!fits(symtab.sh_offset, symtab.sh_size) ||
        !fits(strtab.sh_offset, strtab.sh_size))
      continue;
    const char *strings =
        reinterpret_cast<const char *>(bytes.data() + strtab.sh_offset);
    for (uint64_t at = 0; at + sizeof(ElfW(Sym)) <= symtab.sh_size;
         at += sizeof(ElfW(Sym))) {
      ElfW(Sym) sym;
      std::memcpy(&sym, bytes.data() + symtab.sh_offset + at, sizeof sym);
      if (sym.st_name >= strtab.sh_size || sym.st_shndx == SHN_UNDEF)
        continue;
      absl::string_view name(strings + sym.st_name,
                             strnlen(strings + sym.st_name,
                                     strtab.sh_size - sym.st_name));
      if (absl::ConsumePrefix(&name, prefix))
        names.emplace_back(name);
    }
  }
  return names;
}

Module::~Module() {
  ::dlclose(handle_);
  ::close(fd_);
}

void *Module::symbol(const char *name) const { return ::dlsym(handle_, name); }

absl::StatusOr<const lingqu_kernel_info *>
Module::kernel(absl::string_view name) {
  absl::MutexLock lock(&mu_);
  if (auto it = kernels_.find(name); it != kernels_.end())
    return it->second;

  std::string symbolName = absl::StrCat(LINGQU_KERNEL_INFO_PREFIX, name);
  const auto *info =
      static_cast<const lingqu_kernel_info *>(symbol(symbolName.c_str()));
  if (info == nullptr)
    return initFailed(absl::StrCat("kernel '", name, "': symbol ", symbolName,
                                   " not found in the module"));
  if (info->abi_version != LINGQU_LAUNCH_ABI_VERSION)
    return makeError(cudaErrorInvalidKernelImage,
                     absl::StrFormat("kernel '%s': launch ABI version %u, this "
                                     "runtime expects %u",
                                     name, info->abi_version,
                                     LINGQU_LAUNCH_ABI_VERSION));
  if (info->thread_fn == nullptr)
    return makeError(cudaErrorInvalidKernelImage,
                     absl::StrCat("kernel '", name, "': null thread function"));
  if (info->block_fn == nullptr && !(info->flags & LINGQU_KERNEL_FIBER_ONLY))
    return makeError(cudaErrorInvalidKernelImage,
                     absl::StrCat("kernel '", name, "': null block function"));
  kernels_.emplace(name, info);
  return info;
}

absl::StatusOr<std::unique_ptr<Module>>
Module::loadFromImage(const FatBinaryImage &image) {
  const FatBinaryEntry *entry =
      image.findEntry(LINGQU_FATBIN_KIND_SHARED_OBJECT, hostTriple());
  if (entry == nullptr) {
    std::vector<std::string> targets;
    for (const FatBinaryEntry &e : image.entries())
      targets.push_back(absl::StrCat(e.target, " (kind ", e.kind, ")"));
    std::string found =
        targets.empty() ? "nothing" : absl::StrJoin(targets, ", ");
    return makeError(cudaErrorNoKernelImageForDevice,
                     absl::StrCat("no shared-object entry for ", hostTriple(),
                                  " in the fat binary; it has: ", found));
  }
  absl::StatusOr<std::unique_ptr<Module>> module =
      loadSharedObject(entry->bytes);
  if (!module.ok())
    return module;
  for (const FatBinaryEntry &e : image.entries())
    if (e.kind == LINGQU_FATBIN_KIND_PTX ||
        e.kind == LINGQU_FATBIN_KIND_CODE_OBJECT ||
        e.kind == LINGQU_FATBIN_KIND_SPIRV)
      (*module)->deviceImages_.push_back(
          {e.kind, std::string(e.target),
           std::string(e.bytes.begin(), e.bytes.end())});
  return module;
}

size_t Module::objectSize(const void *address) {
  Dl_info info;
  void *entry = nullptr;
  if (dladdr1(address, &info, &entry, RTLD_DL_SYMENT) == 0 || entry == nullptr)
    return 0;
  return static_cast<const ElfW(Sym) *>(entry)->st_size;
}
