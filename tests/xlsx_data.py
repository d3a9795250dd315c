#!/usr/bin/env python3
"""Checks the Data table of an XLSX report spread over sheets against the
same report's table on one sheet: the rows of "Data", "Data 2", ... read in
order are the rows of the whole table, value for value; each sheet but the
last is full (ROWS rows, its header counted); each says beside its header
where the table comes from and where it goes on (both on a middle sheet).
In both workbooks the Data sheets' text is inline (libxlsxwriter wrote them
row by row, in its constant_memory mode) and every other sheet's text is
shared (those sheets were kept in memory). Prints what is wrong, exit 1.

Usage: xlsx_data.py WHOLE.xlsx PARTS.xlsx ROWS
       xlsx_data.py --rows WHOLE.xlsx   (prints the rows of its Data table)
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

# The layout check's readers, imported without leaving a __pycache__ in
# the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_layout import NS, cells_of, sheets_of, shared_strings  # noqa: E402

FROM = "lanjutan dari lembar"
ON = "lembar penuh: tabel berlanjut di lembar"
N_COLS = 14
problems = []


def data_name(k):
    return "Data" if k == 1 else f"Data {k}"


def table(path):
    """The Data sheets' rows ([(sheet, row values)]) and notes, in order."""
    z = zipfile.ZipFile(path)
    strings = shared_strings(z)
    rows, notes = [], []
    for name, _, root in sheets_of(z, ET.fromstring(z.read("xl/workbook.xml"))):
        kinds = {c.get("t") for c in root.iter(f"{{{NS['m']}}}c")}
        data = re.fullmatch(r"Data( \d+)?", name) is not None
        if data and "s" in kinds:
            problems.append(f"{path}: {name}: shared strings on a Data sheet")
        if not data and "inlineStr" in kinds:
            problems.append(f"{path}: {name}: inline strings outside the Data sheets")
        if not data:
            continue
        if name != data_name(len(notes) + 1):
            problems.append(f"{path}: {name} where {data_name(len(notes) + 1)} was due")
        cells = cells_of(root, strings)
        notes.append(cells.get((N_COLS, 0), ("",))[0])
        for r in sorted({r for (_, r) in cells if r > 0}):
            rows.append((name, tuple(cells.get((c, r), ("",))[0] for c in range(N_COLS))))
    return rows, notes


def main():
    if sys.argv[1] == "--rows":
        print(len(table(sys.argv[2])[0]))
        return 0
    whole, parts, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    w_rows, w_notes = table(whole)
    p_rows, p_notes = table(parts)
    if w_notes != [""]:
        problems.append(f"{whole}: Data sheets and notes {w_notes}, not one sheet without a note")
    if [r for _, r in w_rows] != [r for _, r in p_rows]:
        problems.append(f"{parts}: the Data sheets' {len(p_rows)} rows are not the whole table's {len(w_rows)}")
    n = len(p_notes)
    if n != max(1, -(-len(w_rows) // (limit - 1))):
        problems.append(f"{parts}: {n} Data sheets for {len(w_rows)} rows of {limit - 1} a sheet")
    for k in range(1, n + 1):
        held = sum(1 for name, _ in p_rows if name == data_name(k))
        if k < n and held != limit - 1:
            problems.append(f"{parts}: {data_name(k)} holds {held} rows, not {limit - 1}")
        said = []
        if k > 1:
            said.append(f"{FROM} '{data_name(k - 1)}'")
        if k < n:
            said.append(f"{ON} '{data_name(k + 1)}'")
        if p_notes[k - 1] != "; ".join(said):
            problems.append(f"{parts}: {data_name(k)} says {p_notes[k - 1]!r}, not {'; '.join(said)!r}")
    for p in problems:
        print("FAIL:", p)
    print(f"{parts}: {n} Data sheets, {len(p_rows)} rows checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
