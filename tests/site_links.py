#!/usr/bin/env python3
"""The links of a report site (pk2d report --site DIR), for report_site.sh
and report_site_national.sh: site_links.py DIR TOP, TOP the run area's code
("all" for the country).

Every link is relative and its target exists; every page under TOP links up
to its parent (rel="up") and to TOP; every page links down to each page of
an area one level under it; each page above a village opens with the
summary (the parts ranked), each village page has its IKK. Prints the
number of pages at each level under TOP ("pages by level: 1 5 20"); exits
1 after the first 20 faults."""
import os
import re
import sys


def parent(code):
    return code.rsplit(".", 1)[0] if "." in code else "all"


def depth(code):
    """0 the country, 1 a province, ... 4 a village."""
    return 0 if code == "all" else code.count(".") + 1


site, top = sys.argv[1], sys.argv[2]
pages = {f[:-5]: open(os.path.join(site, f), encoding="utf-8").read()
         for f in os.listdir(site) if f.endswith(".html") and f != "index.html"}
bad = []
if top not in pages:
    bad.append(f"no page of the run area {top}")
for code, text in pages.items():
    for h in re.findall(r'href="([^"]*)"', text):
        target = h.split("#")[0]
        if re.match(r"^[a-z]+:|^/", h):
            bad.append(f"{code}: absolute link {h}")
        elif target and not os.path.exists(os.path.join(site, target)):
            bad.append(f"{code}: link to a missing page {h}")
    if code != top:
        if f'rel="up" href="{parent(code)}.html"' not in text:
            bad.append(f"{code}: no link up to {parent(code)}")
        if f'rel="up" href="{top}.html"' not in text:
            bad.append(f"{code}: no link up to the run area")
    for c in pages:
        if c != code and parent(c) == code and f'href="{c}.html"' not in text:
            bad.append(f"{code}: no link down to {c}")
    if depth(code) < 4 and "<h2>Peringkat wilayah</h2>" not in text:
        bad.append(f"{code}: no summary (the parts ranked)")
    if depth(code) == 4 and 'class="ikk"' not in text:
        bad.append(f"{code}: the village page has no IKK")
levels = [sum(1 for c in pages if depth(c) == d) for d in range(depth(top), 5)]
print("pages by level:", " ".join(map(str, levels)))
for b in bad[:20]:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
