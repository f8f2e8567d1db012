import FritekstCore

/// Respondent-level input to the crosstabs: group values, whether answered, and the coded themes.
public struct CodedRespondent: Sendable {
    /// Values of the grouping variables, in `by` order.
    public var groupValues: [String]
    /// True when the open answer is non-empty.
    public var answered: Bool
    /// Coded flag per theme (codebook order).
    public var themes: [Bool]

    /// Creates a record.
    public init(groupValues: [String], answered: Bool, themes: [Bool]) {
        self.groupValues = groupValues
        self.answered = answered
        self.themes = themes
    }
}

/// One row of a theme × group crosstab.
public struct CrosstabRow: Sendable, Equatable {
    public var theme: String
    public var group: [String]
    public var nGroup: Int
    public var nCoded: Int
    public var share: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// Test of theme × group independence (same for all rows of a theme); nil when there is one group.
    public var pValue: Double?
    public var test: String
}

/// Counts of respondents per theme and group, with Wilson intervals and a test per theme.
public enum Crosstab {
    /// Builds the crosstab; denominator is respondents with a non-empty answer. Groups are sorted by value.
    public static func compute(themes: [String], respondents: [CodedRespondent], withTests: Bool = true) -> [CrosstabRow] {
        var groups: [[String]: (n: Int, coded: [Int])] = [:]
        for r in respondents where r.answered {
            var g = groups[r.groupValues] ?? (0, Array(repeating: 0, count: themes.count))
            g.n += 1
            for (t, c) in r.themes.enumerated() where c { g.coded[t] += 1 }
            groups[r.groupValues] = g
        }
        let keys = groups.keys.sorted { a, b in
            for (x, y) in zip(a, b) where x != y { return x < y }
            return a.count < b.count
        }
        var rows: [CrosstabRow] = []
        for (t, theme) in themes.enumerated() {
            let counts = keys.map { (groups[$0]!.n, groups[$0]!.coded[t]) }
            let (p, test) = withTests ? independenceTest(counts) : (nil, "none")
            for (k, key) in keys.enumerated() {
                let (n, c) = counts[k]
                let ci = Statistics.wilson(c, n)
                rows.append(CrosstabRow(theme: theme, group: key, nGroup: n, nCoded: c,
                                        share: n > 0 ? Double(c) / Double(n) : 0, ciLow: ci.low, ciHigh: ci.high,
                                        pValue: p, test: test))
            }
        }
        return rows
    }

    /// Test of independence over groups given (n, coded) per group: `chi2`, `fisher` (2×2 with an
    /// expected count under 5), `chi2_mc` (larger table where χ² is not valid), or `none`.
    public static func independenceTest(_ counts: [(Int, Int)]) -> (Double?, String) {
        let used = counts.filter { $0.0 > 0 }
        guard used.count >= 2 else { return (nil, "none") }
        let table = [used.map { $0.1 }, used.map { $0.0 - $0.1 }]
        let totalCoded = table[0].reduce(0, +), totalNot = table[1].reduce(0, +)
        if totalCoded == 0 || totalNot == 0 { return (1, "chi2") }
        let (stat, df, expected) = Statistics.chiSquare(table)
        let cells = expected.flatMap { $0 }
        let small = cells.filter { $0 < 5 }.count
        if used.count == 2 {
            if small > 0 { return (Statistics.fisherExact(table[0][0], table[0][1], table[1][0], table[1][1]), "fisher") }
            return (Statistics.chiSquareSurvival(stat, df: df), "chi2")
        }
        // Cochran: χ² is valid when no expected count is under 1 and at most 20 % are under 5.
        if cells.contains(where: { $0 < 1 }) || Double(small) > 0.2 * Double(cells.count) {
            return (Statistics.chiSquareMonteCarlo(table), "chi2_mc")
        }
        return (Statistics.chiSquareSurvival(stat, df: df), "chi2")
    }
}

