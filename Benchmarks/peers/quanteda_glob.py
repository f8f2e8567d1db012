#!/usr/bin/env python3
"""Peer for the benchmark: quanteda-style glob coding in plain Python (stdlib; PyYAML if present).

    quanteda_glob.py ANSWERS.csv DICTIONARY.yaml OUTDIR [--id-column id] [--text-column text] [--cache]

This is the script an analyst would write to apply a quanteda YAML dictionary without R:
read the CSV with `csv`, lower-case each answer, cut it into tokens with one regular expression
(a token is a maximal run of Unicode letters and numbers; a hyphen-minus stays only between two
letters, as `fritekst code` does in quanteda mode), compile every glob once to a regex matched
against the whole token (`*` any run of characters, `?` one character, the rest literal), then
for each token test the patterns of every category not yet found in that answer. A value with
spaces is a phrase: its globs must match consecutive tokens (one regex searched in the answer's
space-joined tokens). Nested categories are flattened to `parent.child`.
It writes OUTDIR/coded.csv: `id`, then one 0/1 column per category in dictionary order.

What it does NOT do, compared with `fritekst code` on the same dictionary:
- no evidence column, no crosstab.csv (groups, Wilson intervals, tests), no summary;
- no row accounting: no encoding or delimiter sniffing (UTF-8 only), a malformed row is not
  reported with its line, an empty answer is simply a row of zeros, no all-or-nothing output;
- no Unicode normalisation of tokens (NFC, soft hyphens and zero-width characters removed,
  typographic hyphens folded); Python's `str.lower()` rather than ICU lower-casing (locale nb),
  and `\\w` does not include combining marks, so a decomposed å would split a token;
- no morphology (lemmas, compound parts): it can only use the quanteda dictionary;
- no per-type memoisation: every token is matched against the patterns again (this is what makes
  the plain script slow; fritekst resolves every pattern once per distinct word type). `--cache`
  adds a dict from token to matching categories, a stronger peer shown for comparison only.
"""
import argparse
import csv
import os
import re
import sys

# A token: letters and numbers ([^\W_]), with a hyphen-minus kept only between two letters ([^\W\d_]).
TOKEN = re.compile(r"[^\W_]+(?:(?<=[^\W\d_])-(?=[^\W\d_])[^\W_]+)*")


def glob_to_regex(glob):
    """An anchored regex for one quanteda glob (`*` and `?`; everything else literal)."""
    parts = []
    for ch in glob:
        if ch == "*":
            parts.append(".*")
        elif ch == "?":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.DOTALL)


def phrase_glob(glob):
    """Regex text for one glob inside a phrase: `*` and `?` do not cross a token boundary (space)."""
    return "".join(r"\S*" if ch == "*" else r"\S" if ch == "?" else re.escape(ch) for ch in glob)


def load_yaml(path):
    """The dictionary as nested dicts and lists (PyYAML when importable, else a small parser)."""
    try:
        import yaml
    except ImportError:
        return parse_simple_yaml(path)
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f)


def parse_simple_yaml(path):
    """Just the shape of a quanteda dictionary: `key:` mappings nested by indentation, `- "value"` lists."""
    root = {}
    stack = [(-1, root)]            # (indent, container)
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            line = raw.rstrip("\n")
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(line.lstrip(" "))
            while stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1]
            if stripped.startswith("- "):
                parent.append(unquote(stripped[2:].strip()))
            else:
                key, _, rest = stripped.partition(":")
                key, rest = unquote(key.strip()), rest.strip()
                if rest and not rest.startswith("#"):
                    if rest.startswith("["):
                        parent[key] = [unquote(v.strip()) for v in rest.strip("[]").split(",") if v.strip()]
                    else:
                        parent[key] = [unquote(rest)]
                    continue
                # The next more-indented line decides whether this is a list or a mapping.
                child = ListOrDict()
                parent[key] = child
                stack.append((indent, child))
    return resolve(root)


class ListOrDict(dict):
    """A container that becomes a list when a `- item` is appended to it."""
    def append(self, item):
        self.setdefault(None, []).append(item)


def resolve(node):
    if isinstance(node, ListOrDict) and None in node:
        return node[None]
    if isinstance(node, dict):
        return {k: resolve(v) for k, v in node.items()}
    return node


def unquote(s):
    if " #" in s and not (s.startswith('"') or s.startswith("'")):
        s = s.split(" #", 1)[0].strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


def flatten(node, prefix=""):
    """(category, [pattern, ...]) in dictionary order; nested keys become parent.child."""
    out = []
    for key, value in node.items():
        name = prefix + str(key)
        if isinstance(value, dict):
            out.extend(flatten(value, name + "."))
        elif isinstance(value, list):
            out.append((name, [str(v) for v in value]))
        else:
            out.append((name, [str(value)]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("dictionary")
    ap.add_argument("outdir")
    ap.add_argument("--id-column", default="id")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--cache", action="store_true",
                    help="remember each distinct token's single-word matches (a stronger peer, for comparison)")
    args = ap.parse_args()

    categories = flatten(load_yaml(args.dictionary))
    names = [name for name, _ in categories]
    singles = []    # per category: compiled globs for one token
    phrases = []    # per category: compiled phrase regexes
    for _, patterns in categories:
        one, many = [], []
        for p in patterns:
            words = p.lower().split()
            if len(words) == 1:
                one.append(glob_to_regex(words[0]))
            elif words:
                # A phrase is searched in the space-joined tokens, each glob kept inside one token.
                many.append(re.compile(r"(?<!\S)" + r"\ ".join(phrase_glob(w) for w in words) + r"(?!\S)"))
        singles.append(one)
        phrases.append(many)
    k = len(categories)
    cache = {} if args.cache else None

    os.makedirs(args.outdir, exist_ok=True)
    with open(args.input, encoding="utf-8-sig", newline="") as fin, \
         open(os.path.join(args.outdir, "coded.csv"), "w", encoding="utf-8", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.writer(fout, lineterminator="\n")
        writer.writerow([args.id_column] + names)
        for row in reader:
            tokens = TOKEN.findall((row.get(args.text_column) or "").lower())
            hit = [0] * k
            if cache is None:
                for tok in tokens:
                    for j in range(k):
                        if hit[j]:
                            continue
                        for rx in singles[j]:
                            if rx.fullmatch(tok):
                                hit[j] = 1
                                break
            else:
                for tok in tokens:
                    found = cache.get(tok)
                    if found is None:
                        found = cache[tok] = [j for j in range(k) if any(rx.fullmatch(tok) for rx in singles[j])]
                    for j in found:
                        hit[j] = 1
            joined = " ".join(tokens)
            for j in range(k):
                if not hit[j] and any(rx.search(joined) for rx in phrases[j]):
                    hit[j] = 1
            writer.writerow([row.get(args.id_column, "")] + hit)


if __name__ == "__main__":
    sys.exit(main())
