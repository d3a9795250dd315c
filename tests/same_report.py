"""Whether two JSON reports of pk2d are the same report of the same data
read from other files: equal but for the plugins' times and the input files'
folders and extensions (a CSV file and the workbook made from it), and for
the members named after the files.

    python3 same_report.py A.json B.json [MEMBER...]

Exit status 0 when they are the same; 1 with the top-level members that
differ printed.
"""
import json
import re
import sys


def norm(x, ignore, key=""):
    if isinstance(x, dict):
        return {k: norm(v, ignore, k) for k, v in x.items() if k not in ignore}
    if isinstance(x, list):
        return [norm(v, ignore) for v in x]
    if isinstance(x, str) and key in ("path", "origin"):
        return re.sub(r"\.(csv|xlsx)(:.*)?$", "", x.rsplit("/", 1)[-1])
    return x


ignore = {"seconds", *sys.argv[3:]}
a, b = (norm(json.load(open(p, encoding="utf-8")), ignore) for p in sys.argv[1:3])
if a != b:
    for k in a:
        if a[k] != b.get(k):
            print("differs:", k, json.dumps(a[k])[:300], json.dumps(b.get(k))[:300])
    sys.exit(1)
