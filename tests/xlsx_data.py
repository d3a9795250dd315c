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
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FROM = "lanjutan dari lembar"
ON = "lembar penuh: tabel berlanjut di lembar"
N_COLS = 14
problems = []


def sheets(path):
    """[(name, root of its XML)] in the workbook's order, and the shared strings."""
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
            strings.append("".join(t.text or "" for t in si.iter(M + "t")))
    out = []
    for s in book.iter(M + "sheet"):
        out.append((s.get("name"), ET.fromstring(z.read("xl/" + target[s.get(R + "id")]))))
    return out, strings


def rows_of(root, strings):
    """{row: {col: text}}, and the kinds of text cells ("s", "inlineStr")."""
    rows, kinds = {}, set()
    for c in root.iter(M + "c"):
        m = re.fullmatch(r"([A-Z]+)(\d+)", c.get("r"))
        col = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(m.group(1)))) - 1
        t, v = c.get("t"), c.find(M + "v")
        if t == "s":
            kinds.add(t)
            text = strings[int(v.text)]
        elif t == "inlineStr":
            kinds.add(t)
            text = "".join(x.text or "" for x in c.iter(M + "t"))
        else:
            text = v.text if v is not None else ""
        rows.setdefault(int(m.group(2)) - 1, {})[col] = text
    return rows, kinds


def data_name(k):
    return "Data" if k == 1 else f"Data {k}"


def table(path):
    """The Data sheets' rows ([(sheet, row values)]) and notes, in order."""
    found, strings = sheets(path)
    rows, notes = [], []
    for name, root in found:
        cells, kinds = rows_of(root, strings)
        data = re.fullmatch(r"Data( \d+)?", name) is not None
        if data and "s" in kinds:
            problems.append(f"{path}: {name}: shared strings on a Data sheet")
        if not data and "inlineStr" in kinds:
            problems.append(f"{path}: {name}: inline strings outside the Data sheets")
        if not data:
            continue
        if name != data_name(len(notes) + 1):
            problems.append(f"{path}: {name} where {data_name(len(notes) + 1)} was due")
        notes.append(cells.get(0, {}).get(N_COLS, ""))
        for r in sorted(k for k in cells if k > 0):
            rows.append((name, tuple(cells[r].get(c, "") for c in range(N_COLS))))
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
