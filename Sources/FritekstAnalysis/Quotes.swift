/// One answer as a possible quote.
public struct QuoteSource: Sendable {
    public var id: String
    public var text: String
    /// True when the answer is non-empty.
    public var answered: Bool
    /// Values of the grouping variables (`by` order).
    public var group: [String]
    /// Values of the label variables (e.g. role, employer) shown beside the quote.
    public var labels: [String]
    /// Number of tokens in the answer.
    public var tokenCount: Int
    /// Distinct word types of the answer (for the diversity term).
    public var types: Set<Int32>
    /// Per theme: tokens matched by the theme's evidence; 0 when the theme is not coded.
    public var matched: [Int]
    /// Per theme: coded or not.
    public var coded: [Bool]
    /// Evidence per coded theme index.
    public var evidence: [Int: String]

    /// Creates a quote source.
    public init(id: String, text: String, answered: Bool, group: [String], labels: [String], tokenCount: Int, types: Set<Int32>,
                matched: [Int], coded: [Bool], evidence: [Int: String]) {
        self.id = id; self.text = text; self.answered = answered; self.group = group; self.labels = labels
        self.tokenCount = tokenCount; self.types = types; self.matched = matched; self.coded = coded; self.evidence = evidence
    }
}

/// A selected quote.
public struct QuoteRow: Sendable, Equatable {
    public var theme: String
    /// The group the quote represents (`(alle)` for every variable in the per-theme quotes).
    public var group: [String]
    /// Answered respondents in the group, and those of them coded for the theme.
    public var groupN: Int
    public var cellN: Int
    /// 1 = chosen first.
    public var rank: Int
    public var id: String
    public var labels: [String]
    public var chars: Int
    /// Share of the answer's tokens that are evidence for the theme.
    public var density: Double
    /// The maximal-marginal-relevance score at selection.
    public var score: Double
    public var evidence: String
    public var text: String
}

/// Options of quote selection.
public struct QuoteOptions: Sendable {
    /// Quotes per theme (and per theme × group).
    public var perGroup = 3
    /// Groups, cells and label groups with fewer respondents than this give no quotes.
    public var minCell = 5
    /// Length bounds in characters.
    public var minChars = 30
    public var maxChars = 400
    /// Weight of relevance against redundancy (1 = relevance only).
    public var lambda = 0.7
    /// Also select per theme × group.
    public var byGroup = true
    /// Creates options.
    public init(perGroup: Int = 3, minCell: Int = 5, minChars: Int = 30, maxChars: Int = 400, lambda: Double = 0.7, byGroup: Bool = true) {
        self.perGroup = perGroup; self.minCell = minCell; self.minChars = minChars; self.maxChars = maxChars
        self.lambda = lambda; self.byGroup = byGroup
    }
}

/// Chooses representative answers per theme: dense evidence, diverse (maximal marginal relevance), bounded length.
public enum Quotes {
    /// Selects quotes per theme (group `(alle)`) and, with `byGroup`, per theme × group. Relevance is
    /// the evidence density (matched tokens / tokens); redundancy is the largest Jaccard similarity of
    /// word types with a quote already chosen; score = λ·relevance − (1 − λ)·redundancy. A group, a
    /// theme × group cell or a label group (the combination of label values) with fewer than `minCell`
    /// respondents never gives a quote. Ties go to the earlier answer.
    public static func select(themes: [String], sources: [QuoteSource], options: QuoteOptions = QuoteOptions()) -> [QuoteRow] {
        let answered = sources.indices.filter { sources[$0].answered }
        var labelGroupN: [[String]: Int] = [:]
        for i in answered { labelGroupN[sources[i].labels, default: 0] += 1 }
        var groupN: [[String]: Int] = [:]
        for i in answered { groupN[sources[i].group, default: 0] += 1 }
        let width = sources.first?.group.count ?? 0
        let all = Array(repeating: ThemeCrosstab.allValue, count: width)
        let groups = groupN.keys.sorted { a, b in
            for (x, y) in zip(a, b) where x != y { return x < y }
            return false
        }
        var rows: [QuoteRow] = []
        for (t, theme) in themes.enumerated() {
            var targets: [([String], [Int])] = [(all, answered)]
            if options.byGroup && width > 0 {
                for g in groups { targets.append((g, answered.filter { sources[$0].group == g })) }
            }
            for (g, members) in targets {
                let n = members.count
                let cell = members.filter { sources[$0].coded[t] }
                guard n >= options.minCell, cell.count >= options.minCell else { continue }
                let candidates = cell.filter { i in
                    let s = sources[i]
                    let chars = s.text.count
                    return chars >= options.minChars && chars <= options.maxChars && s.tokenCount > 0
                        && (labelGroupN[s.labels] ?? 0) >= options.minCell
                }
                for (rank, (i, score)) in mmr(candidates, theme: t, sources: sources, k: options.perGroup, lambda: options.lambda).enumerated() {
                    let s = sources[i]
                    rows.append(QuoteRow(theme: theme, group: g, groupN: n, cellN: cell.count, rank: rank + 1, id: s.id, labels: s.labels,
                                         chars: s.text.count, density: density(s, t), score: score,
                                         evidence: s.evidence[t] ?? "", text: s.text))
                }
            }
        }
        return rows
    }

    /// Evidence density of source `s` for theme `t`.
    public static func density(_ s: QuoteSource, _ t: Int) -> Double {
        s.tokenCount > 0 ? min(1, Double(s.matched[t]) / Double(s.tokenCount)) : 0
    }

    /// Greedy maximal-marginal-relevance selection of `k` of `candidates`; returns (index, score).
    static func mmr(_ candidates: [Int], theme t: Int, sources: [QuoteSource], k: Int, lambda: Double) -> [(Int, Double)] {
        var chosen: [(Int, Double)] = []
        var left = candidates
        while chosen.count < k && !left.isEmpty {
            var best = -Double.infinity, bestAt = 0
            for (j, i) in left.enumerated() {
                let rel = density(sources[i], t)
                var red = 0.0
                for (c, _) in chosen { red = max(red, similarity(sources[i].types, sources[c].types)) }
                let score = lambda * rel - (1 - lambda) * red
                if score > best + 1e-12 { best = score; bestAt = j }
            }
            chosen.append((left[bestAt], best))
            left.remove(at: bestAt)
        }
        return chosen
    }

    /// Jaccard similarity of two type sets (0 when both are empty).
    public static func similarity(_ a: Set<Int32>, _ b: Set<Int32>) -> Double {
        let union = a.union(b).count
        return union > 0 ? Double(a.intersection(b).count) / Double(union) : 0
    }
}
