#!/usr/bin/env python3
"""Helper of tests/row_order.sh.

  row_order.py reorder DIR MODE SEED   rewrites every CSV file of DIR with
                                      the same rows in another order
  row_order.py dupes DIR               adds copies of some rows, identical
                                      and with other contents, to the files
                                      whose rows have an identifier
  row_order.py compare REF OTHER       compares two JSON reports, leaving out
                                      timings and the examples (their lines)
"""
import json
import os
import random
import sys


def rows_of(path):
    with open(path, newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    return lines[0], lines[1:]


def write(path, header, rows):
    with open(path, 'w', newline='') as f:
        f.write('\n'.join([header] + rows) + '\n')


def reorder(rows, mode, rng):
    """The orders real exports come in: shuffled, backwards, two halves
    interleaved (two exports appended, then mixed), sorted by the last
    column (by date of entry, by name)."""
    if mode == 'shuffle':
        rows = rows[:]
        rng.shuffle(rows)
        return rows
    if mode == 'reverse':
        return rows[::-1]
    if mode == 'interleave':
        half = (len(rows) + 1) // 2
        out = []
        for i in range(half):
            out.append(rows[i])
            if half + i < len(rows):
                out.append(rows[half + i])
        return out
    if mode == 'last-column':
        return sorted(rows, key=lambda r: r.rsplit(';', 1)[-1].rsplit(',', 1)[-1])
    raise SystemExit('unknown mode ' + mode)


def cmd_reorder(folder, mode, seed):
    rng = random.Random(int(seed))
    for name in sorted(os.listdir(folder)):
        if name.endswith('.csv'):
            path = os.path.join(folder, name)
            header, rows = rows_of(path)
            write(path, header, reorder(rows, mode, rng))


# Per file with an identifier: the column a differing copy changes.
CHANGED = {'keluarga.csv': 'L1', 'balita.csv': 'Berat', 'anak-sekolah.csv': 'status'}


def cmd_dupes(folder):
    """Every 40th row of the survey, children and pupils files gets an
    identical copy right after it, and every 97th one a copy whose value in
    one column is another row's (still a valid value): the files stay
    grouped by village."""
    for name, column in sorted(CHANGED.items()):
        path = os.path.join(folder, name)
        header, rows = rows_of(path)
        sep = ';' if header.count(';') >= header.count(',') else ','
        col = header.split(sep).index(column)
        out = []
        for i, row in enumerate(rows):
            out.append(row)
            if i % 40 == 7:
                out.append(row)
            elif i % 97 == 11:
                fields = row.split(sep)
                for other in rows[i + 1:i + 50]:
                    value = other.split(sep)[col]
                    if value and value != fields[col]:
                        fields[col] = value
                        out.append(sep.join(fields))
                        break
        write(path, header, out)


def normalise(x):
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            if k in ('seconds', 'examples', 'path'):
                continue
            out[k] = normalise(v)
        if 'problems' in out:
            out['problems'] = sorted(out['problems'],
                                     key=lambda p: (p.get('kind', ''), p.get('rejected')))
        return out
    if isinstance(x, list):
        return [normalise(v) for v in x]
    return x


def diff(a, b, where, out):
    if len(out) > 10:
        return
    if type(a) is not type(b):
        out.append('%s: %r != %r' % (where, a, b))
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append('%s.%s: only in one report' % (where, k))
            else:
                diff(a[k], b[k], where + '.' + k, out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append('%s: %d items != %d' % (where, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, '%s[%d]' % (where, i), out)
    elif a != b:
        out.append('%s: %r != %r' % (where, a, b))


def cmd_compare(ref, other):
    with open(ref) as f:
        a = normalise(json.load(f))
    with open(other) as f:
        b = normalise(json.load(f))
    out = []
    diff(a, b, '$', out)
    for line in out:
        print(line)
    return 1 if out else 0


def main(argv):
    if len(argv) == 5 and argv[1] == 'reorder':
        cmd_reorder(argv[2], argv[3], argv[4])
        return 0
    if len(argv) == 3 and argv[1] == 'dupes':
        cmd_dupes(argv[2])
        return 0
    if len(argv) == 4 and argv[1] == 'compare':
        return cmd_compare(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
