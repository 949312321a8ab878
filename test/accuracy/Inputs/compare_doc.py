"""Compares docs/math-accuracy.md with what the accuracy test wrote.

Usage: compare_doc.py MEASURED COMMITTED

The scalar table must match exactly. The vectorised table's figures
depend on the CPU's vector instructions (SLEEF dispatches on them), so
where the committed file was measured with other instructions only the
columns that do not depend on the machine (function, type, bound,
inputs) must match; the test itself has checked every bound.
"""
import difflib
import re
import sys

MEASURED_WITH = re.compile(r"^Measured with (.*?)\. ", re.M)
VECTOR_HEADING = "## In vectorised kernels"


def machine_free(text):
    """The text with the vectorised table's measured columns blanked."""
    head, sep, tail = text.partition(VECTOR_HEADING)
    rows = []
    for line in tail.splitlines():
        cells = line.split(" | ")
        if line.startswith("| `") and len(cells) == 8:
            cells[3:6] = ["·"] * 3
            cells[7] = "· |"
        rows.append(" | ".join(cells))
    return head + sep + MEASURED_WITH.sub("Measured with · . ", "\n".join(rows))


def main():
    measured, committed = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
    isa = [m.group(1) if (m := MEASURED_WITH.search(t)) else None
           for t in (measured, committed)]
    if isa[0] != isa[1]:
        print(f"note: {sys.argv[2]} was measured with {isa[1]}, this machine "
              f"has {isa[0]}: comparing the vectorised rows without figures")
        measured, committed = machine_free(measured), machine_free(committed)
    if measured == committed:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        committed.splitlines(True), measured.splitlines(True),
        sys.argv[2], sys.argv[1]))
    print(f"error: {sys.argv[2]} differs from what the test measured; "
          f"regenerate it with the test's --markdown")
    return 1


if __name__ == "__main__":
    sys.exit(main())
