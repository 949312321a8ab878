#!/usr/bin/env python3
"""Prints the entries of a Lingqu fat binary (docs/fatbinary.md), one line
each: target, kind, size. For lit tests of what lqcc puts in it.
  fatbin_entries.py FATBIN [--extract KIND OUTPUT]
--extract writes the payload of the first entry of KIND (say, spirv) to
OUTPUT."""
import struct
import sys

KINDS = {1: "shared-object", 2: "ptx", 3: "code-object", 4: "spirv",
         5: "llvm-bitcode"}

data = open(sys.argv[1], "rb").read()
magic, version, count, total = struct.unpack_from("<8sIIQ", data, 0)
if magic != b"LQFATBIN" or version != 1 or total > len(data):
    sys.exit("not a Lingqu fat binary v1")
extract = sys.argv[3:5] if len(sys.argv) >= 5 and sys.argv[2] == "--extract" else None
for i in range(count):
    target, kind, _flags, offset, size = struct.unpack_from(
        "<48sIIQQ", data, 24 + i * 72)
    print(target.rstrip(b"\0").decode(), KINDS.get(kind, kind), size)
    if extract and KINDS.get(kind) == extract[0]:
        open(extract[1], "wb").write(data[offset:offset + size])
        extract = None
