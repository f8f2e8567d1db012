/// One pair of themes: how many respondents mention each and both.
public struct CooccurrenceRow: Sendable, Equatable {
    public var themeA: String
    public var themeB: String
    /// Respondents mentioning A, B and both (among those with a non-empty answer).
    public var nA: Int
    public var nB: Int
    public var nBoth: Int
    /// |A ∩ B| / |A ∪ B|; nil when neither theme occurs.
    public var jaccard: Double?
}

/// One theme against one closed item: mean score of those who mention the theme vs those who do not.
public struct ThemeItemRow: Sendable, Equatable {
    public var theme: String
    public var item: String
    /// Respondents (answered, with a valid score) who mention the theme, and their mean score.
    public var nWith: Int
    public var meanWith: Double?
    /// Respondents (answered, with a valid score) who do not, and their mean score.
    public var nWithout: Int
    public var meanWithout: Double?
    /// meanWith − meanWithout.
    public var difference: Double?
    /// Welch's t-test.
    public var t: Double?
    public var df: Double?
    public var pValue: Double?
    /// Holm-adjusted p across all theme × item pairs, and its stars.
    public var pHolm: Double?
    public var flag: String
}

/// Relations between themes, and between themes and closed items.
public enum ThemeRelations {
    /// The co-occurrence matrix as rows for every ordered pair (A, B) with A before or equal to B in
    /// theme order (the diagonal gives each theme's count), over answered respondents.
    public static func cooccurrence(themes: [String], respondents: [CodedRespondent]) -> [CooccurrenceRow] {
        let answered = respondents.filter(\.answered)
        let n = themes.count
        var single = Array(repeating: 0, count: n)
        var both = Array(repeating: Array(repeating: 0, count: n), count: n)
        for r in answered {
            let on = r.themes.indices.filter { r.themes[$0] }
            for a in on {
                single[a] += r.weight
                for b in on where b >= a { both[a][b] += r.weight }
            }
        }
        var rows: [CooccurrenceRow] = []
        for a in 0..<n {
            for b in a..<n {
                rows.append(CooccurrenceRow(themeA: themes[a], themeB: themes[b], nA: single[a], nB: single[b], nBoth: both[a][b],
                                            jaccard: Statistics.jaccard(both: both[a][b], a: single[a], b: single[b])))
            }
        }
        return rows
    }

    /// Each theme against each closed item. `scores[i][r]` is respondent r's score on item i (nil
    /// when missing or not a number); only answered respondents count.
    public static func themeItems(themes: [String], items: [String], scores: [[Double?]],
                                  respondents: [CodedRespondent]) -> [ThemeItemRow] {
        var rows: [ThemeItemRow] = []
        for (t, theme) in themes.enumerated() {
            for (i, item) in items.enumerated() {
                var with: [Double] = [], without: [Double] = []
                for (r, resp) in respondents.enumerated() where resp.answered {
                    guard let s = scores[i][r] else { continue }
                    for _ in 0..<resp.weight { if resp.themes[t] { with.append(s) } else { without.append(s) } }
                }
                func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
                let mw = mean(with), mo = mean(without)
                let w = Statistics.welch(with, without)
                rows.append(ThemeItemRow(theme: theme, item: item, nWith: with.count, meanWith: mw, nWithout: without.count,
                                         meanWithout: mo, difference: mw.flatMap { a in mo.map { a - $0 } },
                                         t: w?.t, df: w?.df, pValue: w?.p, pHolm: nil, flag: ""))
            }
        }
        let adjusted = Statistics.holm(rows.map(\.pValue))
        for k in rows.indices {
            rows[k].pHolm = adjusted[k]
            rows[k].flag = Statistics.stars(adjusted[k])
        }
        return rows
    }
}
