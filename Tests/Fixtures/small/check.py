#!/usr/bin/env python3
"""Independent check of the small end-to-end fixture.

Recomputes expected_coded.csv and expected_crosstab.csv from answers.csv and dict.yaml with
the matching rules written in README.md (quanteda tokens_lookup, glob, case-insensitive) and
compares them byte for byte with the committed files. Needs Python 3 and PyYAML.
Run: python3 Tests/Fixtures/small/check.py
"""
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def is_letter(c):
    return unicodedata.category(c).startswith("L")


def is_letter_or_number(c):
    return unicodedata.category(c)[0] in ("L", "N")


def tokenize(text):
    """Lower-case, then maximal runs of L*/N*; '-' kept only between two letters."""
    s = text.lower()
    tokens, cur = [], []
    for i, c in enumerate(s):
        if is_letter_or_number(c):
            cur.append(c)
        elif (c == "-" and 0 < i < len(s) - 1
              and is_letter(s[i - 1]) and is_letter(s[i + 1])):
            cur.append(c)
        else:
            if cur:
                tokens.append("".join(cur))
            cur = []
    if cur:
        tokens.append("".join(cur))
    return tokens


def glob_to_regex(glob):
    out = []
    for c in glob.lower():
        out.append(".*" if c == "*" else "." if c == "?" else re.escape(c))
    return re.compile("".join(out), re.DOTALL)


def compile_pattern(value):
    return [glob_to_regex(part) for part in value.split()]


def matches(pattern, tokens):
    n = len(pattern)
    for start in range(len(tokens) - n + 1):
        if all(p.fullmatch(tokens[start + k]) for k, p in enumerate(pattern)):
            return True
    return False


def flatten(d, prefix=""):
    """Categories in dictionary order; nested keys become parent.child."""
    out = []
    for key, value in d.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(flatten(value, name + "."))
        else:
            assert all(isinstance(v, str) for v in value), (name, value)
            out.append((name, value))
    return out


def main():
    # The loader must read bare nei/no as words: BaseLoader keeps every scalar a string.
    quoted = yaml.load((HERE / "dict.yaml").read_text("utf-8"), Loader=yaml.BaseLoader)
    unquoted = yaml.load((HERE / "dict-unquoted.yaml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert quoted == unquoted, "dict-unquoted.yaml must mean the same as dict.yaml"
    assert yaml.safe_load((HERE / "dict.yaml").read_text("utf-8")) == quoted
    trap = yaml.safe_load((HERE / "dict-unquoted.yaml").read_text("utf-8"))["avvisning"]
    assert False in trap, "expected YAML 1.1 to read the bare no as false (the trap under test)"

    categories = [(name, [compile_pattern(v) for v in values])
                  for name, values in flatten(quoted)]

    with open(HERE / "answers.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    coded = []
    for row in rows:
        tokens = tokenize(row["text"])
        coded.append([int(any(matches(p, tokens) for p in pats)) for _, pats in categories])

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id"] + [name for name, _ in categories])
    for row, flags in zip(rows, coded):
        w.writerow([row["id"]] + flags)
    got_coded = buf.getvalue()

    groups = {}
    for row, flags in zip(rows, coded):
        if row["text"].strip() == "":
            continue
        groups.setdefault((row["role"], row["employer"]), []).append(flags)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["theme", "role", "employer", "n_group", "n_coded", "share"])
    for j, (name, _) in enumerate(categories):
        for (role, employer) in sorted(groups):
            members = groups[(role, employer)]
            n_coded = sum(m[j] for m in members)
            w.writerow([name, role, employer, len(members), n_coded,
                        f"{n_coded / len(members):.6f}"])
    got_crosstab = buf.getvalue()

    ok = True
    for fname, got in (("expected_coded.csv", got_coded), ("expected_crosstab.csv", got_crosstab)):
        want = (HERE / fname).read_text("utf-8")
        if got != want:
            ok = False
            print(f"MISMATCH {fname}")
            for a, b in zip(want.splitlines(), got.splitlines()):
                if a != b:
                    print(f"  file:   {a}\n  script: {b}")
            if len(want.splitlines()) != len(got.splitlines()):
                print("  different number of lines")
        else:
            print(f"ok {fname}")
    if "-v" in sys.argv:
        for row in rows:
            print(row["id"], tokenize(row["text"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
