"""xlsx_write.py OUT SHEET=FILE... - a workbook of the ';'-separated text
files given, one sheet each in order, as inline strings; a field written
'#n:DIGITS' becomes a number cell and '#b:0' or '#b:1' a boolean cell, as
Excel stores them. An empty field is no cell. Other tests import column()."""
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

NS = "http://schemas.openxmlformats.org/"
MAIN = NS + "spreadsheetml/2006/main"
REL = NS + "officeDocument/2006/relationships"


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref, v):
    if v.startswith("#n:"):
        return '<c r="%s"><v>%s</v></c>' % (ref, v[3:])
    if v.startswith("#b:"):
        return '<c r="%s" t="b"><v>%s</v></c>' % (ref, v[3:])
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v))


def sheet(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for r, line in enumerate(f.read().splitlines()):
            cells = "".join(cell(column(c) + str(r + 1), v)
                            for c, v in enumerate(line.split(";")) if v)
            if cells:
                rows.append('<row r="%d">%s</row>' % (r + 1, cells))
    return '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, "".join(rows))


def main(out, specs):
    sheets = [s.split("=", 1) for s in specs]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="%spackage/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>' % NS)
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="%spackage/2006/relationships"><Relationship Id="r1" '
                   'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (NS, REL))
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (
                       MAIN, REL, "".join('<sheet name=%s sheetId="%d" r:id="s%d"/>' % (
                           quoteattr(n), i + 1, i + 1) for i, (n, _) in enumerate(sheets))))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="%spackage/2006/relationships">%s</Relationships>' % (
                       NS, "".join('<Relationship Id="s%d" Type="%s/worksheet" '
                                   'Target="worksheets/sheet%d.xml"/>' % (i + 1, REL, i + 1)
                                   for i in range(len(sheets)))))
        for i, (_, path) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), sheet(path))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
