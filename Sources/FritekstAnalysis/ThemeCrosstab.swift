/// Which respondents a share is a share of.
public enum Denominator: String, Sendable, Codable, CaseIterable {
    /// Respondents with a non-empty open answer (the default; the `crosstab.csv` contract).
    case answered
    /// Every respondent, whether or not they answered the open question.
    case all
}

/// One row of the full theme × group table: counts, Wilson interval, test, effect size, adjusted p.
public struct ThemeGroupRow: Sendable, Equatable {
    public var theme: String
    /// Group values in `by` order; `(alle)` where the row is a margin over that variable.
    public var group: [String]
    public var nGroup: Int
    public var nCoded: Int
    public var share: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// Test of theme × grouping (the grouping of this row: all variables, or the kept ones of a margin).
    public var pValue: Double?
    public var test: String
    /// Cramér's V of the theme × grouping table.
    public var cramersV: Double?
    /// Holm-adjusted p across the themes (within the same grouping).
    public var pHolm: Double?
    /// Stars from the Holm-adjusted p (`*` < 0.05, `**` < 0.01, `***` < 0.001).
    public var flag: String
    public var denominator: Denominator
    /// True for margin rows (some variable is `(alle)`).
    public var isMargin: Bool
}

/// Theme × group tables with tests, effect sizes, Holm adjustment and optional margins.
public enum ThemeCrosstab {
    /// Group value of a variable a margin row sums over.
    public static let allValue = "(alle)"

    /// Builds the table. For each theme: the rows of the full grouping (sorted by value), then, with
    /// `margins`, the rows of every coarser grouping (variables left out shown as `(alle)`), the
    /// last being the overall row. Each grouping has its own test, Cramér's V and Holm family.
    public static func compute(themes: [String], respondents: [CodedRespondent], denominator: Denominator = .answered,
                               margins: Bool = false) -> [ThemeGroupRow] {
        let k = respondents.first?.groupValues.count ?? 0
        let included = respondents.filter { denominator == .all || $0.answered }
        var perGrouping: [[[ThemeGroupRow]]] = []   // grouping → theme → rows
        for kept in groupings(k, margins: margins) {
            var groups: [[String]: (n: Int, coded: [Int])] = [:]
            for r in included {
                let key = groupKey(r.groupValues, kept: kept)
                var g = groups[key] ?? (0, Array(repeating: 0, count: themes.count))
                g.n += r.weight
                for (t, c) in r.themes.enumerated() where c { g.coded[t] += r.weight }
                groups[key] = g
            }
            let keys = groups.keys.sorted { a, b in
                for (x, y) in zip(a, b) where x != y { return x < y }
                return false
            }
            var byTheme: [[ThemeGroupRow]] = []
            for (t, theme) in themes.enumerated() {
                let counts = keys.map { (groups[$0]!.n, groups[$0]!.coded[t]) }
                let (p, test) = Crosstab.independenceTest(counts)
                let used = counts.filter { $0.0 > 0 }
                let v = used.count >= 2 ? Statistics.cramersV([used.map { $0.1 }, used.map { $0.0 - $0.1 }]) : nil
                byTheme.append(keys.enumerated().map { j, key in
                    let (n, c) = counts[j]
                    let ci = Statistics.wilson(c, n)
                    return ThemeGroupRow(theme: theme, group: key, nGroup: n, nCoded: c, share: n > 0 ? Double(c) / Double(n) : 0,
                                         ciLow: ci.low, ciHigh: ci.high, pValue: p, test: test, cramersV: v, pHolm: nil, flag: "",
                                         denominator: denominator, isMargin: kept.count < k)
                })
            }
            let adjusted = Statistics.holm(byTheme.map { $0.first?.pValue })
            for t in byTheme.indices {
                for j in byTheme[t].indices {
                    byTheme[t][j].pHolm = adjusted[t]
                    byTheme[t][j].flag = Statistics.stars(adjusted[t])
                }
            }
            perGrouping.append(byTheme)
        }
        var rows: [ThemeGroupRow] = []
        for t in themes.indices { for g in perGrouping { rows += g[t] } }
        return rows
    }

    /// Respondents per group of every grouping the table shows (margin groups included), without
    /// theme counts or tests: what small-cell suppression of group sizes needs.
    public static func groupSizes(respondents: [CodedRespondent], denominator: Denominator = .answered,
                                  margins: Bool = false) -> [(group: [String], size: Int)] {
        let k = respondents.first?.groupValues.count ?? 0
        var out: [(group: [String], size: Int)] = []
        for kept in groupings(k, margins: margins) {
            var sizes: [[String]: Int] = [:]
            for r in respondents where denominator == .all || r.answered { sizes[groupKey(r.groupValues, kept: kept), default: 0] += r.weight }
            out += sizes.map { ($0.key, $0.value) }.sorted { $0.group.lexicographicallyPrecedes($1.group) }
        }
        return out
    }

    /// The full grouping of `k` variables first, then (with margins) every coarser one, the overall last.
    static func groupings(_ k: Int, margins: Bool) -> [[Int]] {
        var groupings: [[Int]] = [Array(0..<k)]
        if margins && k > 0 {
            for size in stride(from: k - 1, through: 0, by: -1) { groupings += combinations(Array(0..<k), size) }
        }
        return groupings
    }

    /// A respondent's group in a grouping: the kept variables' values, `(alle)` for the others.
    static func groupKey(_ values: [String], kept: [Int]) -> [String] {
        values.indices.map { kept.contains($0) ? values[$0] : allValue }
    }

    /// All subsets of `items` with `size` elements, in lexicographic order.
    static func combinations(_ items: [Int], _ size: Int) -> [[Int]] {
        if size == 0 { return [[]] }
        guard items.count >= size else { return [] }
        var out: [[Int]] = []
        for (i, x) in items.enumerated() {
            for rest in combinations(Array(items[(i + 1)...]), size - 1) { out.append([x] + rest) }
        }
        return out
    }

    /// Adds a theme for every dotted parent (`digitalisering` for `digitalisering.systemer` and
    /// `.generelt`), coded when any child is, placed before its first child; other themes unchanged.
    public static func withDottedParents(themes: [String], respondents: [CodedRespondent]) -> ([String], [CodedRespondent]) {
        var order: [(String, [Int])] = []
        var seenParents = Set<String>()
        let idSet = Set(themes)
        for (t, id) in themes.enumerated() {
            let parts = id.split(separator: ".").map(String.init)
            if parts.count > 1 {
                for depth in 1..<parts.count {
                    let parent = parts[..<depth].joined(separator: ".")
                    if !idSet.contains(parent) && seenParents.insert(parent).inserted {
                        order.append((parent, ThemeTree.members(of: parent, in: themes)))
                    }
                }
            }
            order.append((id, [t]))
        }
        let rs = respondents.map { r in
            CodedRespondent(groupValues: r.groupValues, answered: r.answered,
                            themes: order.map { $0.1.contains { r.themes[$0] } }, weight: r.weight)
        }
        return (order.map(\.0), rs)
    }
}
