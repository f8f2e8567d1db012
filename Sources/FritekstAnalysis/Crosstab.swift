import FritekstCore

/// Respondent-level input to the crosstabs: group values, whether answered, and the coded themes.
public struct CodedRespondent: Sendable {
    /// Values of the grouping variables, in `by` order.
    public var groupValues: [String]
    /// True when the open answer is non-empty.
    public var answered: Bool
    /// Coded flag per theme (codebook order).
    public var themes: [Bool]
    /// How many respondents this record stands for (identical records of a streamed run are counted once, with their number).
    public var weight: Int

    /// Creates a record.
    public init(groupValues: [String], answered: Bool, themes: [Bool], weight: Int = 1) {
        self.groupValues = groupValues
        self.answered = answered
        self.themes = themes
        self.weight = weight
    }
}

/// The test of a theme against a grouping, chosen by the expected counts.
public enum Crosstab {
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

