#!/usr/bin/python3
"""Writes Lingqu's CUDA type headers from the ABI facts of CUDA's headers.

A maintainer's tool, run once per CUDA release, like api-skeleton.py. A binary
built against CUDA must find the same layouts, so the facts are taken from
the reference headers: type names, enumerator values, field names, types,
order and alignment. They are read through libclang's AST (Debian's
python3-clang-22; run it with /usr/bin/python3) and printed in Lingqu's own
form: no comment or other text of the reference is carried over. The build
never runs it; test/abi checks the result against the reference headers.

  api-types.py <cuda include dir> <lingqu include dir>
"""
import os
import re
import sys

import clang.cindex as ci

ci.Config.set_library_file("/usr/lib/llvm-22/lib/libclang.so")

# Parsed with these so that CUDA's annotation macros expand to nothing.
STUB = """
#define __host__
#define __device__
#define __cudart_builtin__
#define __device_builtin__
#define __device_builtin_texture_type__
#define __device_builtin_surface_type__
#define CUDARTAPI
#define __dv(v)
#define CUDART_CB
#define __builtin_align__(a) __attribute__((aligned(a)))
#define __align__(a) __attribute__((aligned(a)))
"""

# The error enums come from Lingqu's .def files, which also carry the messages.
FROM_DEF = {
    "cudaError": ("LINGQU_CUDA_ERROR", "lingqu_cuda_errors.def"),
    "cudaError_enum": ("LINGQU_CU_RESULT", "lingqu_cu_results.def"),
}
# Hand-written in the including header.
SKIP_MACROS = {"CUDA_VERSION", "CUDART_VERSION", "CUDAAPI", "CUDA_CB", "CUDART_CB",
               "CUDARTAPI", "__CUDART_API_VERSION"}
# Both runtime and driver headers define the UUID; CUDA guards it by this macro.
GUARDED = {"CUuuid_st": "CU_UUID_HAS_BEEN_DEFINED"}

OUTPUTS = {
    "driver_types.h": ("driver_types.h", "the runtime API's types", ["lingqu_cuda_defines.h", "vector_types.h"]),
    "surface_types.h": ("surface_types.h", "surface object types", ["driver_types.h"]),
    "texture_types.h": ("texture_types.h", "texture object types", ["driver_types.h"]),
    "library_types.h": ("library_types.h", "data and library property types", []),
    "cuda.h": ("lingqu_cuda_types.h", "the driver API's types", []),
}


def declarator(spelling, name):
    """Puts `name` where C's declarator syntax wants it."""
    if "(*)" in spelling:
        return spelling.replace("(*)", f"(*{name})", 1)
    m = re.match(r"^(.*?)\s*((\[\d+\])+)$", spelling)
    if m:
        return f"{m.group(1)} {name}{m.group(2)}"
    sep = "" if spelling.endswith("*") else " "
    return f"{spelling}{sep}{name}"


def is_anonymous(c):
    return c.is_anonymous() or "(unnamed" in c.spelling or "(anonymous" in c.spelling or not c.spelling


def natural_align(c):
    aligns = [f.type.get_align() for f in c.get_children() if f.kind == ci.CursorKind.FIELD_DECL]
    return max(aligns) if aligns else 1


def record_body(c, indent):
    """The fields of struct/union `c`, nested unnamed records written inline."""
    lines, pending = [], {}
    pad = "  " * indent
    for ch in c.get_children():
        if ch.kind in (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL):
            if not ch.is_definition():
                continue
            inner = record(ch, indent)
            if ch.is_anonymous_record_decl() if hasattr(ch, "is_anonymous_record_decl") else False:
                lines.append(f"{pad}{inner};")
            else:
                pending[ch.type.get_canonical().spelling] = inner
        elif ch.kind == ci.CursorKind.FIELD_DECL:
            canon = ch.type.get_canonical().spelling
            base = re.sub(r"\s*(\[\d+\])+$", "", canon)
            suffix = canon[len(base):]
            if base in pending:
                text = f"{pad}{pending.pop(base)} {ch.spelling}{suffix}"
            else:
                text = pad + declarator(ch.type.spelling, ch.spelling)
            if ch.is_bitfield():
                text += f" : {ch.get_bitfield_width()}"
            lines.append(text + ";")
        elif ch.kind == ci.CursorKind.ENUM_DECL:
            raise SystemExit(f"nested enum in {c.spelling} is not handled")
    for inner in pending.values():  # an anonymous member without a field name
        lines.append(f"{pad}{inner};")
    return lines


def record(c, indent=0):
    kw = "union" if c.kind == ci.CursorKind.UNION_DECL else "struct"
    name = "" if is_anonymous(c) else f" {c.spelling}"
    attr = ""
    if c.type.get_align() > natural_align(c):
        attr = f" __attribute__((aligned({c.type.get_align()})))"
    body = "\n".join(record_body(c, indent + 1))
    return f"{kw}{attr}{name} {{\n{body}\n{'  ' * indent}}}"


def enum(c):
    name = "" if is_anonymous(c) else f" {c.spelling}"
    if c.spelling in FROM_DEF:
        macro, deffile = FROM_DEF[c.spelling]
        body = (f"#define {macro}(name, value, message) name = value,\n"
                f"#include \"{deffile}\"\n#undef {macro}")
        if c.spelling == "cudaError":
            body += "\n  cudaErrorApiFailureBase = 10000"
        return f"enum{name} {{\n{body}\n}}"
    items = [f"  {e.spelling} = {e.enum_value}," for e in c.get_children()
             if e.kind == ci.CursorKind.ENUM_CONSTANT_DECL]
    return f"enum{name} {{\n" + "\n".join(items) + "\n}"


def in_targets(c, files):
    return c.location.file is not None and os.path.basename(c.location.file.name) in files


def macro_text(c, function_names):
    toks = list(c.get_tokens())
    tokens = [t.spelling for t in toks]
    if len(tokens) < 2 or c.spelling in SKIP_MACROS or c.spelling.startswith("__"):
        return None
    if c.spelling.endswith("_H_") or c.spelling.endswith("_H"):
        return None
    value = tokens[1:]
    if any(t in function_names or t.startswith("__CUDA_API") for t in value):
        return None
    if tokens[1] == "(" and toks[1].extent.start.column == toks[0].extent.end.column:
        return None  # function-like
    text = ""
    for t in value:  # C tokens, rejoined with the spacing a reader expects
        if text and (re.match(r"\w", t) and re.search(r"\w$", text)):
            text += " "
        text += t
    return f"#define {c.spelling} {text}"


def layout_lines(name, c):
    """C statements printing the size, alignment and field offsets of `c`."""
    lines = [f'  P("sizeof({name})", sizeof({name}));',
             f'  P("alignof({name})", _Alignof({name}));']
    def fields(r):
        for ch in r.get_children():
            if ch.kind == ci.CursorKind.FIELD_DECL and ch.spelling and not ch.is_bitfield():
                yield ch.spelling
            elif ch.kind in (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL) and ch.is_anonymous_record_decl():
                yield from fields(ch)
    for f in fields(c):
        lines.append(f'  P("offsetof({name}, {f})", offsetof({name}, {f}));')
    return lines


LAYOUT = []


def emit(tu, header, function_names):
    out, seen_records = [], set()
    for c in tu.cursor.get_children():
        if not in_targets(c, {header}):
            continue
        k = c.kind
        if k == ci.CursorKind.ENUM_DECL and c.is_definition():
            for e in c.get_children():
                LAYOUT.append(f'  P("{e.spelling}", {e.spelling});')
            if not is_anonymous(c):
                out.append(enum(c) + ";")
        elif k in (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL):
            if c.is_definition() and not is_anonymous(c) and c.spelling not in seen_records:
                seen_records.add(c.spelling)
                kw = "union" if k == ci.CursorKind.UNION_DECL else "struct"
                LAYOUT.extend(layout_lines(f"{kw} {c.spelling}", c))
                text = record(c) + ";"
                if c.spelling in GUARDED:
                    g = GUARDED[c.spelling]
                    text = f"#ifndef {g}\n#define {g}\n{text}\n#endif"
                out.append(text)
        elif k == ci.CursorKind.TYPEDEF_DECL:
            under = c.underlying_typedef_type
            decl = under.get_declaration()
            if (decl.kind in (ci.CursorKind.ENUM_DECL, ci.CursorKind.STRUCT_DECL,
                              ci.CursorKind.UNION_DECL) and is_anonymous(decl)
                    and decl.is_definition()):
                body = enum(decl) if decl.kind == ci.CursorKind.ENUM_DECL else record(decl)
                if decl.kind != ci.CursorKind.ENUM_DECL:
                    LAYOUT.extend(layout_lines(c.spelling, decl))
                out.append(f"typedef {body} {c.spelling};")
            else:
                out.append(f"typedef {declarator(under.spelling, c.spelling)};")
    macros = []
    for c in tu.cursor.get_children():
        if c.kind == ci.CursorKind.MACRO_DEFINITION and in_targets(c, {header}):
            text = macro_text(c, function_names)
            if text:
                macros.append(text)
    return macros, out


def main():
    cuda_inc, out_dir = sys.argv[1], sys.argv[2]
    stub_dir = "/tmp/lingqu-api-types-stub"
    os.makedirs(f"{stub_dir}/crt", exist_ok=True)
    with open(f"{stub_dir}/crt/host_defines.h", "w") as f:
        f.write(STUB)
    index = ci.Index.create()
    opts = ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD
    function_names = set()
    for header in ("cuda_runtime_api.h", "cuda.h"):
        text = open(os.path.join(cuda_inc, header)).read()
        function_names |= set(re.findall(r"\b(cu\w+)\s*\(", text))
    for header, (outname, what, includes) in OUTPUTS.items():
        tu = index.parse(os.path.join(cuda_inc, header), args=["-x", "c", f"-I{stub_dir}", f"-I{cuda_inc}"],
                         options=opts)
        errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
        if errors:
            raise SystemExit(f"{header}: {errors[0]}")
        macros, decls = emit(tu, header, function_names)
        guard = "LINGQU_" + re.sub(r"\W", "_", outname).upper()
        lines = [f"/*===- {outname} - {what} (generated) ".ljust(76, "-") + "===*",
                 " * Generated by scripts/api-types.py from the ABI of CUDA 12.8: names,",
                 " * values and layouts, so that code built against CUDA's headers and",
                 " * code built against Lingqu's agree. Do not edit; regenerate.",
                 " *===" + "-" * 70 + "===*/",
                 f"#ifndef {guard}", f"#define {guard}", "",
                 "#include <stddef.h>", "#include <stdint.h>"]
        lines += [f'#include "{i}"' for i in includes]
        lines += ["", "#ifdef __cplusplus", 'extern "C" {', "#endif", ""]
        lines += macros + [""] + [d + "\n" for d in decls]
        lines += ["#ifdef __cplusplus", '} /* extern "C" */', "#endif", "", f"#endif /* {guard} */", ""]
        with open(os.path.join(out_dir, outname), "w") as f:
            f.write("\n".join(lines))
    if len(sys.argv) > 3:
        write_layout_program(sys.argv[3])


def write_layout_program(path):
    """test/abi's program: prints every layout fact, to diff with CUDA's."""
    with open(path, "w") as f:
        f.write("/* Generated by scripts/api-types.py: prints the size, alignment and\n"
                " * field offsets of every CUDA type and the value of every enumerator. */\n"
                "#include <stdio.h>\n#include <stddef.h>\n"
                "#include <driver_types.h>\n#include <surface_types.h>\n"
                "#include <texture_types.h>\n#include <library_types.h>\n"
                "#define LINGQU_CUDA_TYPES_ONLY 1\n#include <cuda.h>\n\n"
                "#define P(what, value) printf(\"%s %lld\\n\", what, (long long)(value))\n\n"
                "int main(void) {\n" + "\n".join(LAYOUT) + "\n  return 0;\n}\n")


if __name__ == "__main__":
    main()
