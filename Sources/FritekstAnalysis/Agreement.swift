/// Agreement between automatic codes and manual (gold) codes, per theme and averaged.
///
/// Each theme is a binary decision per item. Per theme: the confusion counts, precision, recall,
/// F1, Cohen's κ and Krippendorff's α (two coders, nominal, no missing values). A metric whose
/// denominator is zero is `nil` (undefined). Averages:
/// - micro: precision, recall and F1 from the summed TP/FP/FN over the themes; κ and α over the
///   pooled item × theme decisions;
/// - macro: the plain mean over the themes with at least one gold-positive item, an undefined
///   precision counted as 0 (as scikit-learn's `zero_division=0`); κ and α averaged over the
///   themes where they are defined.
public enum Agreement {
    /// The confusion counts of one binary decision.
    public struct Counts: Sendable, Equatable {
        public var tp = 0, fp = 0, fn = 0, tn = 0
        /// Creates counts.
        public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn; self.tn = tn }
        /// Number of items.
        public var n: Int { tp + fp + fn + tn }
        /// Items the gold marks positive.
        public var nGold: Int { tp + fn }
        /// Items the coder marks positive.
        public var nPredicted: Int { tp + fp }
        /// Adds one decision.
        public mutating func add(gold: Bool, predicted: Bool) {
            switch (gold, predicted) {
            case (true, true): tp += 1
            case (false, true): fp += 1
            case (true, false): fn += 1
            case (false, false): tn += 1
            }
        }
        /// Sum of two sets of counts.
        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn)
        }
    }

    /// Agreement figures for one theme (or an average row).
    public struct Row: Sendable, Equatable {
        public var theme: String
        public var counts: Counts
        public var precision: Double?
        public var recall: Double?
        public var f1: Double?
        public var kappa: Double?
        public var alpha: Double?
    }

    /// Precision TP/(TP+FP), nil when nothing was predicted.
    public static func precision(_ c: Counts) -> Double? { c.tp + c.fp > 0 ? Double(c.tp) / Double(c.tp + c.fp) : nil }
    /// Recall TP/(TP+FN), nil when the gold has no positive.
    public static func recall(_ c: Counts) -> Double? { c.tp + c.fn > 0 ? Double(c.tp) / Double(c.tp + c.fn) : nil }
    /// F1 = 2TP/(2TP+FP+FN), nil when both coders are all-negative.
    public static func f1(_ c: Counts) -> Double? {
        let d = 2 * c.tp + c.fp + c.fn
        return d > 0 ? Double(2 * c.tp) / Double(d) : nil
    }

    /// Cohen's κ for two binary coders; nil when the expected agreement is 1 (both constant and equal).
    public static func cohensKappa(_ c: Counts) -> Double? {
        let n = Double(c.n)
        guard n > 0 else { return nil }
        let po = Double(c.tp + c.tn) / n
        let g1 = Double(c.tp + c.fn) / n, p1 = Double(c.tp + c.fp) / n
        let pe = g1 * p1 + (1 - g1) * (1 - p1)
        guard pe < 1 else { return nil }
        return (po - pe) / (1 - pe)
    }

    /// Krippendorff's α for two binary coders, nominal data, no missing values (coincidence matrix).
    public static func krippendorffAlpha(_ c: Counts) -> Double? {
        krippendorffAlphaNominal(pairs: [(0, 0, c.tn), (1, 1, c.tp), (1, 0, c.fn), (0, 1, c.fp)])
    }

    /// Krippendorff's α for nominal values from two coders: `pairs` are (value of coder 1, value of
    /// coder 2, number of items). Each item adds both ordered pairs to the coincidence matrix
    /// (weight 1/(m−1) = 1); α = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. Nil when only one value occurs.
    public static func krippendorffAlphaNominal(pairs: [(Int, Int, Int)]) -> Double? {
        var o: [Int: [Int: Double]] = [:]
        for (a, b, count) in pairs where count > 0 {
            o[a, default: [:]][b, default: 0] += Double(count)
            o[b, default: [:]][a, default: 0] += Double(count)
        }
        let values = o.keys.sorted()
        var nc: [Int: Double] = [:]
        for c in values { nc[c] = o[c]!.values.reduce(0, +) }
        let n = nc.values.reduce(0, +)
        guard n > 1 else { return nil }
        var observed = 0.0, expected = 0.0
        for c in values {
            for k in values where k != c {
                observed += o[c]![k] ?? 0
                expected += nc[c]! * nc[k]!
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    /// One row with every metric computed from `counts`.
    public static func row(_ theme: String, _ counts: Counts) -> Row {
        Row(theme: theme, counts: counts, precision: precision(counts), recall: recall(counts), f1: f1(counts),
            kappa: cohensKappa(counts), alpha: krippendorffAlpha(counts))
    }

    /// The result of an evaluation: per theme, then the micro and macro averages.
    public struct Table: Sendable, Equatable {
        public var themes: [Row]
        public var micro: Row
        public var macro: Row
    }

    /// Per-theme rows plus micro and macro averages (see the type's documentation).
    public static func table(_ perTheme: [(String, Counts)]) -> Table {
        let rows = perTheme.map { row($0.0, $0.1) }
        let pooled = perTheme.reduce(Counts()) { $0 + $1.1 }
        let micro = row("(micro)", pooled)
        let evaluated = rows.filter { $0.counts.nGold > 0 }
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        let macro = Row(theme: "(macro)", counts: pooled,
                        precision: mean(evaluated.map { $0.precision ?? 0 }),
                        recall: mean(evaluated.map { $0.recall ?? 0 }),
                        f1: mean(evaluated.map { $0.f1 ?? 0 }),
                        kappa: mean(evaluated.compactMap(\.kappa)),
                        alpha: mean(evaluated.compactMap(\.alpha)))
        return Table(themes: rows, micro: micro, macro: macro)
    }
}

/// Maps theme ids between a codebook and a gold standard, treating dotted ids as parent.child.
public enum ThemeTree {
    /// The root of a dotted id (`digitalisering.systemer` → `digitalisering`).
    public static func root(_ id: String) -> String {
        id.firstIndex(of: ".").map { String(id[..<$0]) } ?? id
    }

    /// True when `id` is `theme` itself or one of its dotted descendants.
    public static func isSelfOrDescendant(_ id: String, of theme: String) -> Bool {
        id == theme || id.hasPrefix(theme + ".")
    }

    /// Indices of `ids` that count for `theme`: itself, its dotted descendants, and its codebook
    /// descendants given by `parents` (id → parent id).
    public static func members(of theme: String, in ids: [String], parents: [String: String] = [:]) -> [Int] {
        ids.indices.filter { k in
            var id: String? = ids[k]
            var guardCount = 0
            while let cur = id, guardCount < 64 {
                if isSelfOrDescendant(cur, of: theme) { return true }
                id = parents[cur]
                guardCount += 1
            }
            return false
        }
    }

    /// Whether a set of gold labels marks `theme`: the theme itself or any dotted descendant.
    public static func labels(_ labels: Set<String>, include theme: String) -> Bool {
        labels.contains { isSelfOrDescendant($0, of: theme) }
    }
}
