#!/usr/bin/env python3
"""Independent re-computation of the statistics Fritekst writes (scipy), asserting agreement to 1e-6.

Usage:
  scripts/check-stats.py OUTDIR INPUT.csv [--by role,employer] [--agreement AGREEMENT.csv]

OUTDIR holds the files of one `fritekst run` (or `fritekst code`): crosstab.csv and/or
themes_by_group.csv, coded.csv, and any of cooccurrence.csv, theme_items.csv, keyness.csv,
waves.csv, quotes.csv. INPUT.csv is the survey file the run read (for the answered flag, the
closed items, the waves and the manual_<theme> columns). --agreement is a table written by
`fritekst evaluate INPUT.csv --table AGREEMENT.csv` with the same codebook; its counts are
recomputed from coded.csv and the manual columns, and κ and α from the counts.

Checks: Wilson intervals (scipy binomtest), Pearson χ² without correction
(scipy chi2_contingency), Fisher exact (scipy fisher_exact), Cramér's V (scipy association),
Holm adjustment and star flags, n and Jaccard of co-occurrence, Welch t-tests (scipy
ttest_ind), G² and log ratio (scipy power_divergence), Newcombe differences between waves,
precision/recall/F1, Cohen's κ and Krippendorff's α (coincidence-free pairable-value formula).
Exits 1 with a list of mismatches, 0 when everything agrees.
"""
import argparse
import csv
import itertools
import math
import os
import subprocess
import sys

try:
    import scipy  # noqa: F401
except ImportError:  # CI images without scipy: install it once
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "scipy"])
    import importlib
    importlib.invalidate_caches()
from scipy import stats  # noqa: E402
from scipy.stats import contingency  # noqa: E402

TOL = 1e-6
errors = []
checked = {}


def note(kind):
    checked[kind] = checked.get(kind, 0) + 1


def close(kind, got, want, where, rel=False):
    note(kind)
    if got is None or want is None or (isinstance(want, float) and math.isnan(want)):
        if (got is None) != (want is None or (isinstance(want, float) and math.isnan(want))):
            errors.append(f"{where}: {kind} {got!r} vs {want!r}")
        return
    tol = TOL * max(1.0, abs(want)) if rel else TOL
    if abs(got - want) > tol:
        errors.append(f"{where}: {kind} {got!r} vs independent {want!r}")


def num(s):
    return None if s in ("", None) else float(s)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def stars(p):
    if p is None:
        return ""
    return "***" if p < 0.001 else "**" if p < 0.01 else "*" if p < 0.05 else ""


def holm(ps):
    idx = [i for i, p in enumerate(ps) if p is not None]
    order = sorted(idx, key=lambda i: (ps[i], i))
    m = len(order)
    out = [None] * len(ps)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        out[i] = running
    return out


def wilson(k, n):
    if n == 0:
        return 0.0, 0.0
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return max(0.0, ci.low), min(1.0, ci.high)


def check_crosstab(path, by):
    rows = read(path)
    groups = {}
    for r in rows:
        kept = tuple(v for v in by if r[v] != "(alle)")
        groups.setdefault((r["theme"], kept), []).append(r)
    family = {}
    for (theme, kept), rs in groups.items():
        where = f"{os.path.basename(path)} {theme} by {','.join(kept) or '(alle)'}"
        for r in rs:
            if r["n_group"] == "<5" or r["n_coded"] == "<5":
                continue
            n, k = int(r["n_group"]), int(r["n_coded"])
            lo, hi = wilson(k, n)
            close("wilson", num(r["ci_low"]), lo, where)
            close("wilson", num(r["ci_high"]), hi, where)
            close("share", num(r["share"]), k / n if n else 0.0, where)
        if any(r["n_group"] == "<5" or r["n_coded"] == "<5" for r in rs):
            continue
        used = [(int(r["n_group"]), int(r["n_coded"])) for r in rs if int(r["n_group"]) > 0]
        test, p = rs[0]["test"], num(rs[0]["p_value"])
        independent = p  # replaced by scipy's value below, so Holm is checked against unrounded p-values
        for r in rs:
            if r["test"] != test or r["p_value"] != rs[0]["p_value"]:
                errors.append(f"{where}: p_value/test differ between rows of one theme")
        table = [[k for n, k in used], [n - k for n, k in used]]
        if len(used) >= 2 and "cramers_v" in rs[0]:
            if min(sum(table[0]), sum(table[1])) == 0:
                close("cramers_v", num(rs[0]["cramers_v"]), 0.0, where)
            else:
                close("cramers_v", num(rs[0]["cramers_v"]),
                      contingency.association(table, method="cramer", correction=False), where)
        if test == "chi2":
            if min(sum(table[0]), sum(table[1])) == 0:
                close("chi2", p, 1.0, where)
                independent = 1.0
            else:
                res = stats.chi2_contingency(table, correction=False)
                close("chi2", p, res.pvalue, where, rel=True)
                independent = float(res.pvalue)
                expected = res.expected_freq.flatten()
                if len(used) == 2 and min(expected) < 5:
                    errors.append(f"{where}: chi2 on a 2x2 table with an expected count under 5 (Fisher expected)")
                small = sum(1 for e in expected if e < 5)
                if min(expected) < 1 or small > 0.2 * len(expected):
                    errors.append(f"{where}: chi2 where the expected counts make it invalid")
        elif test == "fisher":
            independent = float(stats.fisher_exact(table).pvalue)
            close("fisher", p, independent, where, rel=True)
            expected = stats.contingency.expected_freq(table).flatten()
            if len(used) != 2 or min(expected) >= 5:
                errors.append(f"{where}: fisher used where chi2 is valid")
        elif test == "chi2_mc":
            note("chi2_mc")
            if not (0 < p <= 1):
                errors.append(f"{where}: Monte Carlo p outside (0, 1]")
            independent = round(p * 2001) / 2001  # (1 + hits) / (1 + 2 000 replicates), unrounded
        elif test == "none":
            note("none")
        if "p_holm" in rs[0]:
            family.setdefault(kept, []).append((theme, independent, num(rs[0]["p_holm"]), rs[0]["flag"]))
    for kept, items in family.items():
        adjusted = holm([p for _, p, _, _ in items])
        for (theme, p, got, flag), want in zip(items, adjusted):
            where = f"{os.path.basename(path)} {theme} by {','.join(kept) or '(alle)'}"
            close("holm", got, want, where, rel=True)
            note("flag")
            if flag != stars(want):
                errors.append(f"{where}: flag {flag!r}, expected {stars(want)!r}")


def answered_rows(input_rows):
    return [bool(r["text"].strip()) for r in input_rows]


def theme_flags(coded, themes):
    """Per theme (dotted parents rolled up) the 0/1 column over the rows of coded.csv."""
    cols = [c for c in coded[0].keys() if c not in ("id", "evidence")]
    out = {}
    for t in themes:
        members = [c for c in cols if c == t or c.startswith(t + ".")]
        out[t] = [any(r[c] == "1" for c in members) for r in coded]
    return out


def check_cooccurrence(path, coded, answered):
    rows = read(path)
    themes = list(dict.fromkeys([r["theme_a"] for r in rows]))
    flags = theme_flags(coded, themes)
    for r in rows:
        a, b = flags[r["theme_a"]], flags[r["theme_b"]]
        na = sum(x and s for x, s in zip(a, answered))
        nb = sum(x and s for x, s in zip(b, answered))
        both = sum(x and y and s for x, y, s in zip(a, b, answered))
        where = f"cooccurrence {r['theme_a']} × {r['theme_b']}"
        note("cooccurrence counts")
        if (int(r["n_a"]), int(r["n_b"]), int(r["n_both"])) != (na, nb, both):
            errors.append(f"{where}: counts {r['n_a']},{r['n_b']},{r['n_both']} vs {na},{nb},{both}")
        union = na + nb - both
        close("jaccard", num(r["jaccard"]), both / union if union else None, where)


def check_theme_items(path, coded, input_rows, answered):
    rows = read(path)
    themes = list(dict.fromkeys([r["theme"] for r in rows]))
    flags = theme_flags(coded, themes)
    ps = []
    for r in rows:
        item, f = r["item"], flags[r["theme"]]
        with_, without = [], []
        for k, inp in enumerate(input_rows):
            v = inp[item].strip()
            if not answered[k] or not v:
                continue
            (with_ if f[k] else without).append(float(v.replace(",", ".")))
        where = f"theme_items {r['theme']} × {item}"
        note("theme_items n")
        if (int(r["n_with"]), int(r["n_without"])) != (len(with_), len(without)):
            errors.append(f"{where}: n {r['n_with']},{r['n_without']} vs {len(with_)},{len(without)}")
        if with_:
            close("mean", num(r["mean_with"]), sum(with_) / len(with_), where)
        if without:
            close("mean", num(r["mean_without"]), sum(without) / len(without), where)
        if len(with_) >= 2 and len(without) >= 2 and (stats.tvar(with_) > 0 or stats.tvar(without) > 0):
            res = stats.ttest_ind(with_, without, equal_var=False)
            close("welch t", num(r["t"]), float(res.statistic), where)
            close("welch p", num(r["p_value"]), float(res.pvalue), where, rel=True)
            ps.append(float(res.pvalue))
        else:
            ps.append(None)
    for r, want in zip(rows, holm(ps)):
        close("holm", num(r["p_holm"]), want, f"theme_items {r['theme']} × {r['item']}", rel=True)
        note("flag")
        if r["flag"] != stars(want):
            errors.append(f"theme_items {r['theme']} × {r['item']}: flag {r['flag']!r} vs {stars(want)!r}")


def check_keyness(path):
    for r in read(path):
        if "<5" in (r["a"], r["b"]):
            continue
        a, b, c, d = (int(r[k]) for k in "abcd")
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        obs, exp = [x for x in (a, b)], [e1, e2]
        g2 = stats.power_divergence(obs, exp, lambda_="log-likelihood").statistic if min(a, b) > 0 else \
            2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)
        where = f"keyness {r['comparison']} {r['term']}"
        close("g2", num(r["g2"]), float(g2), where)
        close("g2 p", num(r["p_value"]), float(stats.chi2.sf(g2, 1)), where, rel=True)
        lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        close("log ratio", num(r["log_ratio"]), lr, where)


def check_waves(path):
    rows = read(path)
    by = {}
    for r in rows:
        by[(r["theme"], r["wave"])] = r
    for r in rows:
        if r["n_group"] == "<5" or r["n_coded"] == "<5":
            continue
        n, k = int(r["n_group"]), int(r["n_coded"])
        lo, hi = wilson(k, n)
        where = f"waves {r['theme']} {r['wave']}"
        close("wilson", num(r["ci_low"]), lo, where)
        close("wilson", num(r["ci_high"]), hi, where)
        if r["previous_wave"]:
            prev = by[(r["theme"], r["previous_wave"])]
            n1, k1 = int(prev["n_group"]), int(prev["n_coded"])
            p1, p2 = k1 / n1, k / n
            l1, u1 = wilson(k1, n1)
            l2, u2 = lo, hi
            d = p2 - p1
            close("newcombe", num(r["difference"]), d, where)
            close("newcombe", num(r["diff_ci_low"]), d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), where)
            close("newcombe", num(r["diff_ci_high"]), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2), where)
            table = [[k1, k], [n1 - k1, n - k]]
            if r["test"] == "chi2":
                want = 1.0 if min(sum(table[0]), sum(table[1])) == 0 else \
                    stats.chi2_contingency(table, correction=False).pvalue
                close("chi2", num(r["p_value"]), want, where, rel=True)
            elif r["test"] == "fisher":
                close("fisher", num(r["p_value"]), stats.fisher_exact(table).pvalue, where, rel=True)


def kappa(g, p):
    n = len(g)
    po = sum(a == b for a, b in zip(g, p)) / n
    pe = sum((g.count(c) / n) * (p.count(c) / n) for c in (0, 1))
    return None if pe >= 1 else (po - pe) / (1 - pe)


def alpha(units):
    """Krippendorff's α, nominal, from pairable values: 1 − D_o / D_e."""
    values = [v for u in units if len(u) > 1 for v in u]
    n = len(values)
    d_o = sum(sum(1 for a, b in itertools.permutations(u, 2) if a != b) / (len(u) - 1) for u in units if len(u) > 1) / n
    counts = {v: values.count(v) for v in set(values)}
    d_e = sum(counts[a] * counts[b] for a in counts for b in counts if a != b) / (n * (n - 1))
    return None if d_e == 0 else 1 - d_o / d_e


def check_agreement(path, coded, input_rows):
    rows = read(path)
    manual = [c[len("manual_"):] for c in input_rows[0].keys() if c.startswith("manual_")]
    gold_rows = [k for k, r in enumerate(input_rows) if any(r["manual_" + m].strip() for m in manual)]
    flags = theme_flags(coded, manual)
    pooled_g, pooled_p = [], []
    macro = {"precision": [], "recall": [], "f1": [], "kappa": [], "alpha": []}
    for r in rows:
        t = r["theme"]
        if t.startswith("("):
            continue
        g = [1 if input_rows[k]["manual_" + t].strip() == "1" else 0 for k in gold_rows]
        p = [1 if flags[t][k] else 0 for k in gold_rows]
        pooled_g += g
        pooled_p += p
        tp = sum(a and b for a, b in zip(g, p))
        fp = sum((not a) and b for a, b in zip(g, p))
        fn = sum(a and not b for a, b in zip(g, p))
        tn = len(g) - tp - fp - fn
        where = f"agreement {t}"
        note("agreement counts")
        if (int(r["tp"]), int(r["fp"]), int(r["fn"]), int(r["tn"])) != (tp, fp, fn, tn):
            errors.append(f"{where}: counts {r['tp']},{r['fp']},{r['fn']},{r['tn']} vs {tp},{fp},{fn},{tn}")
        prec = tp / (tp + fp) if tp + fp else None
        rec = tp / (tp + fn) if tp + fn else None
        f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
        k, a = kappa(g, p), alpha([[x, y] for x, y in zip(g, p)])
        for name, want in (("precision", prec), ("recall", rec), ("f1", f1), ("kappa", k), ("alpha", a)):
            close(name, num(r[name]), want, where)
        if tp + fn > 0:
            macro["precision"].append(prec or 0.0)
            macro["recall"].append(rec or 0.0)
            macro["f1"].append(f1 or 0.0)
            if k is not None:
                macro["kappa"].append(k)
            if a is not None:
                macro["alpha"].append(a)
    micro = next(r for r in rows if r["theme"] == "(micro)")
    tp = sum(a and b for a, b in zip(pooled_g, pooled_p))
    fp = sum((not a) and b for a, b in zip(pooled_g, pooled_p))
    fn = sum(a and not b for a, b in zip(pooled_g, pooled_p))
    close("precision", num(micro["precision"]), tp / (tp + fp), "agreement (micro)")
    close("recall", num(micro["recall"]), tp / (tp + fn), "agreement (micro)")
    close("f1", num(micro["f1"]), 2 * tp / (2 * tp + fp + fn), "agreement (micro)")
    close("kappa", num(micro["kappa"]), kappa(pooled_g, pooled_p), "agreement (micro)")
    close("alpha", num(micro["alpha"]), alpha([[x, y] for x, y in zip(pooled_g, pooled_p)]), "agreement (micro)")
    mac = next(r for r in rows if r["theme"] == "(macro)")
    for name, xs in macro.items():
        close(name, num(mac[name]), sum(xs) / len(xs) if xs else None, "agreement (macro)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("input")
    ap.add_argument("--by", default="role,employer")
    ap.add_argument("--agreement")
    args = ap.parse_args()
    by = [b for b in args.by.split(",") if b]
    input_rows = read(args.input)
    answered = answered_rows(input_rows)
    coded = read(os.path.join(args.outdir, "coded.csv"))
    if [r["id"] for r in coded] != [r["id"] for r in input_rows]:
        errors.append("coded.csv rows do not follow the input rows")
    for name in ("crosstab.csv", "themes_by_group.csv"):
        p = os.path.join(args.outdir, name)
        if os.path.exists(p):
            check_crosstab(p, by)
    p = os.path.join(args.outdir, "cooccurrence.csv")
    if os.path.exists(p):
        check_cooccurrence(p, coded, answered)
    p = os.path.join(args.outdir, "theme_items.csv")
    if os.path.exists(p):
        check_theme_items(p, coded, input_rows, answered)
    p = os.path.join(args.outdir, "keyness.csv")
    if os.path.exists(p):
        check_keyness(p)
    p = os.path.join(args.outdir, "waves.csv")
    if os.path.exists(p):
        check_waves(p)
    if args.agreement:
        check_agreement(args.agreement, coded, input_rows)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(checked.items()))
    if errors:
        print(f"check-stats: {len(errors)} mismatch(es)", file=sys.stderr)
        for e in errors[:50]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print(f"check-stats: all agree to {TOL:g} ({summary})")


main()
