//===- RelocatableDeviceCode.cpp - Inputs and output of the device link ---===//

#include "RelocatableDeviceCode.h"

#include "lingqu/ABI/FatBinary.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace lingqu;
using namespace llvm;

static constexpr StringRef kRegisterPrefix = "__cudaRegisterLinkedBinary_";
static constexpr const char *kNvidiaObject =
    "holds device code compiled by NVIDIA's nvcc (its fat binary is not "
    "Lingqu's); Lingqu cannot use it: compile its sources with lqcc";

namespace {
/// Reads one input; ids are gathered as defined/called across all inputs.
class Reader {
public:
  Error readFile(const std::string &path);
  RelocatableDeviceCode finish();

private:
  Error readObject(const object::ObjectFile &object, const std::string &origin);
  Error readImage(StringRef section, const std::string &origin);

  RelocatableDeviceCode code;
  StringSet<> called, defined;
  std::vector<std::string> calledInOrder;
};
} // namespace

static Error malformed(const std::string &origin, const Twine &why) {
  return createStringError("'" + origin + "': " + why);
}

Error Reader::readImage(StringRef section, const std::string &origin) {
  // A section may hold several images, one per object merged by `ld -r`.
  while (!section.empty()) {
    if (!section.starts_with(LINGQU_FATBIN_MAGIC))
      return malformed(origin, kNvidiaObject);
    lingqu_fatbin_header header;
    if (section.size() < sizeof header)
      return malformed(origin, "malformed Lingqu fat binary");
    std::memcpy(&header, section.data(), sizeof header);
    if (header.version != LINGQU_FATBIN_VERSION ||
        header.total_size > section.size() ||
        header.total_size < sizeof header +
                                header.num_entries * sizeof(lingqu_fatbin_entry))
      return malformed(origin, "malformed Lingqu fat binary");
    for (uint32_t i = 0; i < header.num_entries; ++i) {
      lingqu_fatbin_entry entry;
      std::memcpy(&entry,
                  section.data() + sizeof header + i * sizeof entry,
                  sizeof entry);
      if (entry.offset > header.total_size ||
          entry.size > header.total_size - entry.offset)
        return malformed(origin, "malformed Lingqu fat binary entry");
      if (entry.kind == LINGQU_FATBIN_KIND_LLVM_BITCODE)
        code.units.push_back(
            {origin, section.substr(entry.offset, entry.size).str()});
    }
    uint64_t next = alignTo(header.total_size, LINGQU_FATBIN_PAYLOAD_ALIGN);
    section = section.drop_front(std::min<uint64_t>(next, section.size()));
    // Padding between merged images.
    section = section.drop_while([](char c) { return c == 0; });
  }
  return Error::success();
}

Error Reader::readObject(const object::ObjectFile &object,
                         const std::string &origin) {
  for (const object::SectionRef &section : object.sections()) {
    Expected<StringRef> name = section.getName();
    if (!name)
      return name.takeError();
    if (*name != "__nv_relfatbin" && *name != ".nv_fatbin")
      continue;
    Expected<StringRef> contents = section.getContents();
    if (!contents)
      return contents.takeError();
    if (*name == ".nv_fatbin") {
      // Lingqu's own whole-program images need no device link; NVIDIA's
      // cannot be used at all.
      if (!contents->starts_with(LINGQU_FATBIN_MAGIC))
        return malformed(origin, kNvidiaObject);
      continue;
    }
    if (Error e = readImage(*contents, origin))
      return e;
  }
  for (const object::SymbolRef &symbol : object.symbols()) {
    Expected<StringRef> name = symbol.getName();
    Expected<uint32_t> flags = symbol.getFlags();
    if (!name || !flags) {
      consumeError(name.takeError());
      consumeError(flags.takeError());
      continue;
    }
    if (!name->starts_with(kRegisterPrefix))
      continue;
    if (*flags & object::SymbolRef::SF_Undefined) {
      if (called.insert(*name).second)
        calledInOrder.push_back(name->drop_front(kRegisterPrefix.size()).str());
    } else {
      defined.insert(*name);
    }
  }
  return Error::success();
}

Error Reader::readFile(const std::string &path) {
  auto buffer = MemoryBuffer::getFile(path);
  if (!buffer)
    return createStringError("cannot read '" + path +
                             "': " + buffer.getError().message());
  Expected<std::unique_ptr<object::Binary>> binary =
      object::createBinary((*buffer)->getMemBufferRef());
  if (!binary) {
    // Not an object (a linker script, say): the linker will judge it.
    consumeError(binary.takeError());
    return Error::success();
  }
  if (auto *archive = dyn_cast<object::Archive>(binary->get())) {
    Error err = Error::success();
    for (const object::Archive::Child &child : archive->children(err)) {
      Expected<std::unique_ptr<object::Binary>> member = child.getAsBinary();
      if (!member) {
        consumeError(member.takeError());
        continue;
      }
      Expected<StringRef> name = child.getName();
      std::string origin =
          path + "(" + (name ? name->str() : std::string("?")) + ")";
      if (!name)
        consumeError(name.takeError());
      if (auto *object = dyn_cast<object::ObjectFile>(member->get()))
        if (Error e = readObject(*object, origin))
          return e;
    }
    return err;
  }
  if (auto *object = dyn_cast<object::ObjectFile>(binary->get()))
    return readObject(*object, path);
  return Error::success();
}

RelocatableDeviceCode Reader::finish() {
  for (const std::string &id : calledInOrder)
    if (!defined.contains((kRegisterPrefix + id).str()))
      code.unresolvedModuleIds.push_back(id);
  return std::move(code);
}

Expected<RelocatableDeviceCode>
lingqu::readRelocatableDeviceCode(ArrayRef<std::string> paths) {
  Reader reader;
  for (const std::string &path : paths)
    if (Error e = reader.readFile(path))
      return std::move(e);
  return reader.finish();
}

std::string lingqu::registrationSource(ArrayRef<std::string> moduleIds,
                                       StringRef imagePath) {
  std::string text;
  raw_string_ostream os(text);
  os << "/* Written by lqcc's device link: the linked device code, and the\n"
        "   registration every relocatable unit's constructor calls. */\n"
        "void **__cudaRegisterFatBinary(void *);\n"
        "void __cudaRegisterFatBinaryEnd(void **);\n"
        "void __cudaUnregisterFatBinary(void **);\n"
        "int atexit(void (*)(void));\n"
        "__asm__(\".section .nv_fatbin,\\\"a\\\"\\n\"\n"
        "        \".p2align 4\\n\"\n"
        "        \"__lingqu_linked_image:\\n\"\n"
        "        \".incbin \\\"";
  // The path inside a C string inside an assembler string.
  for (char c : imagePath) {
    if (c == '\\' || c == '"')
      os << "\\\\\\";
    os << c;
  }
  os << "\\\"\\n\"\n"
        "        \".text\\n\");\n"
        "extern const char __lingqu_linked_image[] "
        "__attribute__((visibility(\"hidden\")));\n"
        "static struct { unsigned magic, version; const void *data, *unused; }\n"
        "    wrapper = {0x466243B1u, 1, __lingqu_linked_image, 0};\n"
        "static void **handle;\n"
        "static void unregister(void) { __cudaUnregisterFatBinary(handle); }\n"
        "static void **linkedHandle(void) {\n"
        "  if (!handle) {\n"
        "    handle = __cudaRegisterFatBinary(&wrapper);\n"
        "    atexit(unregister);\n"
        "  }\n"
        "  return handle;\n"
        "}\n";
  for (const std::string &id : moduleIds)
    os << "void " << kRegisterPrefix << id
       << "(void (*registerGlobals)(void **), void *prelinked, void *moduleId,\n"
          "    void (*unused)(void *)) {\n"
          "  void **h = linkedHandle();\n"
          "  registerGlobals(h);\n"
          "  __cudaRegisterFatBinaryEnd(h);\n"
          "}\n";
  return text;
}
