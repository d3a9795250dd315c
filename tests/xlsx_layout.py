#!/usr/bin/env python3
"""Checks an XLSX report's layout in the workbook's own XML (the parts of
the zip): every sheet with a table has its header frozen, an autofilter
over it, a width for every column it uses, and a print set-up; status cells
are coloured by conditional formats keyed on a column of status keys; the
IKK sheet carries the dimensions' radar and the indicators against the
attention line, the score history sheet a line per score, each series
pointing at numbers of its own table. Prints what is wrong, exit 1.

Usage: xlsx_layout.py FILE.xlsx [--no-history]
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
FORMS = {"Profil Wilayah", "Area Profile"}
# The note after a full Data sheet's header saying where its table goes on
# (or comes from): beside the header, not part of it.
CONTINUED = re.compile(r"lanjutan dari lembar|lembar penuh|continued from sheet|the sheet is full")
STATUS_HEADERS = {"Kunci status", "Status key", "status"}
KEYS = ("good", "off_target", "attention")
problems = []


def bad(sheet, what):
    problems.append(f"{sheet}: {what}")


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def split_ref(ref):
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    return col_index(m.group(1)), int(m.group(2)) - 1


def rels_of(z, part):
    folder, name = part.rsplit("/", 1)
    path = f"{folder}/_rels/{name}.rels"
    if path not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(path)).findall("rel:Relationship", NS):
        target = r.get("Target")
        if not target.startswith("/"):
            parts = folder.split("/")
            for piece in target.split("/"):
                if piece == "..":
                    parts.pop()
                else:
                    parts.append(piece)
            target = "/".join(parts)
        out[r.get("Id")] = target.lstrip("/")
    return out


def cells_of(root, strings):
    """{(col, row): (text, is_number)} of a sheet."""
    cells = {}
    for c in root.iter(f"{{{NS['m']}}}c"):
        col, row = split_ref(c.get("r"))
        v = c.find("m:v", NS)
        t = c.get("t")
        if t == "s" and v is not None:
            cells[(col, row)] = (strings[int(v.text)], False)
        elif t == "inlineStr":
            # The text of <is>: one <t>, or the <t> of each run.
            cells[(col, row)] = ("".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t")), False)
        elif t == "str":
            cells[(col, row)] = (v.text if v is not None else "", False)
        elif v is not None:
            cells[(col, row)] = (v.text, True)
        else:
            cells[(col, row)] = ("", False)
    return cells


def shared_strings(z):
    """The shared strings of a workbook's zip, in order."""
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    return ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]


def sheets_of(z, wb):
    """[(name, part, root of the part's XML)] of the sheets in the workbook's order."""
    wb_rels = rels_of(z, "xl/workbook.xml")
    parts = [(sh.get("name"), wb_rels[sh.get(f"{{{NS['r']}}}id")]) for sh in wb.find("m:sheets", NS)]
    return [(name, part, ET.fromstring(z.read(part))) for name, part in parts]


def check_series_refs(z, sheet_cells, chart_part, sheet_name, expect):
    root = ET.fromstring(z.read(chart_part))
    kinds = [k for k in ("radarChart", "lineChart", "barChart") if root.find(f".//c:{k}", NS) is not None]
    if expect not in kinds:
        bad(sheet_name, f"{chart_part} is {kinds}, not a {expect}")
    series = root.findall(".//c:ser", NS)
    if not series:
        bad(sheet_name, f"{chart_part} has no series")
    for ser in series:
        for part, numeric in (("c:cat", False), ("c:val", True)):
            f = ser.find(f"{part}//c:f", NS)
            if f is None:
                bad(sheet_name, f"{chart_part}: a series without {part}")
                continue
            m = re.fullmatch(r"'?(.+?)'?!(\$[A-Z]+\$\d+)(?::(\$[A-Z]+\$\d+))?", f.text)
            if not m or m.group(1) != sheet_name:
                bad(sheet_name, f"{chart_part}: {f.text} is not on this sheet")
                continue
            (c0, r0), (c1, r1) = split_ref(m.group(2)), split_ref(m.group(3) or m.group(2))
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    cell = sheet_cells.get((c, r))
                    # An empty cell is a gap (an indicator without data).
                    if numeric and cell is not None and not cell[1]:
                        bad(sheet_name, f"{chart_part}: {f.text} holds a non-number at row {r + 1}")
                    if not numeric and (cell is None or not cell[0]):
                        bad(sheet_name, f"{chart_part}: {f.text} has an empty label at row {r + 1}")
    return len(series)


def main():
    path = sys.argv[1]
    want_history = "--no-history" not in sys.argv
    z = zipfile.ZipFile(path)
    strings = shared_strings(z)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    names = {}
    for d in wb.iter(f"{{{NS['m']}}}definedName"):
        names.setdefault(d.get("localSheetId"), {})[d.get("name")] = d.text
    dxfs = ET.fromstring(z.read("xl/styles.xml")).find("m:dxfs", NS)
    n_dxf = len(dxfs) if dxfs is not None else 0
    seen = set()
    for index, (name, part, root) in enumerate(sheets_of(z, wb)):
        seen.add(name)
        cells = cells_of(root, strings)
        setup = root.find("m:pageSetup", NS)
        if setup is None or setup.get("orientation") != "landscape" or setup.get("paperSize") != "9":
            bad(name, "no A4 landscape print set-up")
        # A form, or a sheet holding a note alone (no store), has no table.
        if name in FORMS or len({r for (c, r) in cells}) < 2:
            continue
        fit = root.find("m:sheetPr/m:pageSetUpPr", NS)
        if fit is None or fit.get("fitToPage") != "1" or setup.get("fitToHeight") != "0":
            bad(name, "not printed one page wide")
        footer = root.find("m:headerFooter/m:oddFooter", NS)
        if footer is None or "&P" not in footer.text:
            bad(name, "no page number in the footer")
        pane = root.find(".//m:pane", NS)
        flt = root.find("m:autoFilter", NS)
        if pane is None or pane.get("state") != "frozen" or flt is None:
            bad(name, "no frozen header or no autofilter")
            continue
        head = int(float(pane.get("ySplit"))) - 1
        first, last = flt.get("ref").split(":")
        (fc0, fr0), (fc1, fr1) = split_ref(first), split_ref(last)
        if fr0 != head or fc0 != 0:
            bad(name, f"the filter {flt.get('ref')} does not start at the frozen header row {head + 1}")
        header = {c: cells[(c, head)][0] for (c, r) in cells
                  if r == head and not CONTINUED.match(cells[(c, head)][0])}
        if not header or max(header) > fc1:
            bad(name, f"the filter {flt.get('ref')} does not cover the header {sorted(header)}")
        local = names.get(str(index), {})
        if "_xlnm._FilterDatabase" not in local:
            bad(name, "no filter database name")
        titles = local.get("_xlnm.Print_Titles", "")
        if not titles.endswith(f"!${head + 1}:${head + 1}"):
            bad(name, f"print titles {titles!r} are not the header row {head + 1}")
        widths = {}
        for col in root.iter(f"{{{NS['m']}}}col"):
            for c in range(int(col.get("min")) - 1, int(col.get("max"))):
                widths[c] = col
        for c in sorted({c for (c, r) in cells}):
            col = widths.get(c)
            if col is None or col.get("customWidth") != "1" or float(col.get("width")) < 8:
                bad(name, f"column {c + 1} has no width of its own")
        # Status cells: coloured by conditional formats keyed on a status
        # key column, one rule per status, each with a fill.
        key_cols = [c for c, text in header.items() if text in STATUS_HEADERS or text.startswith("Kunci status:") or text.startswith("Status key:")]
        cfs = root.findall("m:conditionalFormatting", NS)
        keyed_rows = [r for (c, r) in cells if c in key_cols and r > head]
        if keyed_rows and not cfs:
            bad(name, "status keys but no conditional format")
        for cf in cfs:
            rules = cf.findall("m:cfRule", NS)
            formulas = [r.find("m:formula", NS).text for r in rules]
            if sorted(f.split('"')[1] for f in formulas) != sorted(KEYS) or any(r.get("type") != "expression" for r in rules):
                bad(name, f"conditional format {cf.get('sqref')}: {formulas}")
                continue
            if any(int(r.get("dxfId")) >= n_dxf for r in rules):
                bad(name, f"conditional format {cf.get('sqref')}: no such format")
            key_col = split_ref(formulas[0].split("=")[0])[0]
            if key_col not in key_cols:
                bad(name, f"conditional format {cf.get('sqref')} keyed on column {key_col + 1}, not a status key column")
            for r in range(head + 1, max(rr for (cc, rr) in cells) + 1):
                text = cells.get((key_col, r), ("", False))[0]
                if text and text not in KEYS + ("no_data",):
                    bad(name, f"row {r + 1}: '{text}' is not a status key")
        # Charts.
        charts = []
        drawing = root.find("m:drawing", NS)
        if drawing is not None:
            dpart = rels_of(z, part)[drawing.get(f"{{{NS['r']}}}id")]
            charts = sorted(rels_of(z, dpart).values())
        if name == "IKK":
            if len(charts) != 2:
                bad(name, f"{len(charts)} charts, not the dimensions and the indicators")
            else:
                check_series_refs(z, cells, charts[0], name, "radarChart")
                if check_series_refs(z, cells, charts[1], name, "lineChart") != 2:
                    bad(name, "the indicators' chart is not the scores and the attention line")
        elif name in ("Riwayat Skor", "Score History"):
            if len(charts) != 1:
                bad(name, "no chart of the scores over the periods")
            else:
                blocks = len({cells[(0, r)][0] for (c, r) in cells if c == 0 and r > head})
                if check_series_refs(z, cells, charts[0], name, "lineChart") != blocks:
                    bad(name, "not one line per score")
        elif charts:
            bad(name, f"unexpected charts {charts}")
    for must in (("IKK",), ("Riwayat Skor", "Score History") if want_history else ()):
        if must and not seen & set(must):
            bad(path, f"no sheet {must[0]}")
    for p in problems:
        print("FAIL:", p)
    print(f"{path}: {len(seen)} sheets checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
