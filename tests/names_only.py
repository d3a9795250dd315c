"""The sample's CSV files with their areas given by name only, as the
agencies' exports give them: each area code column (kode_wilayah, Kode Desa)
replaced by the columns Prov, Kab/Kota, Kec and Desa/Kel holding the region
table's names. Files without a code column are copied as they are.

    python3 names_only.py REGION_TABLE SRC_DIR OUT_DIR
"""
import csv
import os
import sys

table, src, out = sys.argv[1:4]
names = {r["kode"]: r["nama"] for r in csv.DictReader(open(table, encoding="utf-8"))}
heads = ["Prov", "Kab/Kota", "Kec", "Desa/Kel"]


def chain(code):
    p = code.split(".")
    return [names[".".join(p[:i + 1])] for i in range(len(p))]


for name in os.listdir(src):
    if not name.endswith(".csv"):
        continue
    lines = open(os.path.join(src, name), encoding="utf-8").read().splitlines()
    sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=sep))
    codes = [i for i, h in enumerate(rows[0]) if h in ("kode_wilayah", "Kode Desa")]
    if codes:
        drop = {codes[0]} | {i for i, h in enumerate(rows[0]) if h in heads}
        rows = [[v for i, v in enumerate(rows[0]) if i not in drop] + heads] + \
               [[v for i, v in enumerate(r) if i not in drop] + chain(r[codes[0]])
                for r in rows[1:]]
    csv.writer(open(os.path.join(out, name), "w", encoding="utf-8", newline=""),
               delimiter=sep, lineterminator="\n").writerows(rows)
