/// A theme's share in one survey wave, and the change from the previous wave.
public struct WaveRow: Sendable, Equatable {
    public var theme: String
    public var wave: String
    public var nGroup: Int
    public var nCoded: Int
    public var share: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// The wave compared with (the previous one in sort order); nil for the first wave.
    public var previousWave: String?
    /// share − previous share, with Newcombe's hybrid score 95 % interval.
    public var difference: Double?
    public var diffLow: Double?
    public var diffHigh: Double?
    /// Test of the 2×2 table (this wave vs the previous, coded vs not): `chi2` or `fisher`.
    public var pValue: Double?
    public var test: String
}

/// Theme shares per survey wave and the differences between consecutive waves.
public enum Waves {
    /// Rows per theme and wave (waves sorted by value), among answered respondents; `waves[r]` is
    /// respondent r's wave.
    public static func compare(themes: [String], respondents: [CodedRespondent], waves: [String],
                               denominator: Denominator = .answered) -> [WaveRow] {
        var n: [String: Int] = [:]
        var coded: [String: [Int]] = [:]
        for (r, resp) in respondents.enumerated() where denominator == .all || resp.answered {
            let w = waves[r]
            n[w, default: 0] += resp.weight
            var c = coded[w] ?? Array(repeating: 0, count: themes.count)
            for (t, on) in resp.themes.enumerated() where on { c[t] += resp.weight }
            coded[w] = c
        }
        let order = n.keys.sorted()
        var rows: [WaveRow] = []
        for (t, theme) in themes.enumerated() {
            for (k, w) in order.enumerated() {
                let nn = n[w]!, kk = coded[w]![t]
                let ci = Statistics.wilson(kk, nn)
                var row = WaveRow(theme: theme, wave: w, nGroup: nn, nCoded: kk, share: Double(kk) / Double(nn),
                                  ciLow: ci.low, ciHigh: ci.high, previousWave: nil, difference: nil, diffLow: nil, diffHigh: nil,
                                  pValue: nil, test: "none")
                if k > 0 {
                    let pw = order[k - 1], pn = n[pw]!, pk = coded[pw]![t]
                    row.previousWave = pw
                    if let d = Statistics.newcombeDifference(pk, pn, kk, nn) {
                        row.difference = d.difference; row.diffLow = d.low; row.diffHigh = d.high
                    }
                    let (p, test) = Crosstab.independenceTest([(pn, pk), (nn, kk)])
                    row.pValue = p; row.test = test
                }
                rows.append(row)
            }
        }
        return rows
    }
}
