import Foundation

/// Effect sizes, multiple-testing adjustment and further tests used by the analysis tables.
extension Statistics {
    /// Cramér's V of a contingency table: √(χ² / (N·(min(r, c) − 1))) over its non-empty rows and
    /// columns; 0 when the table has a single non-empty row or column, nil when it is empty.
    public static func cramersV(_ table: [[Int]]) -> Double? {
        let total = table.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return nil }
        let rows = table.filter { $0.reduce(0, +) > 0 }.count
        let cols = (0..<(table.first?.count ?? 0)).filter { j in table.reduce(0) { $0 + $1[j] } > 0 }.count
        let k = min(rows, cols) - 1
        guard k > 0 else { return 0 }
        return (chiSquare(table).statistic / (Double(total) * Double(k))).squareRoot()
    }

    /// Holm's step-down adjustment of p-values (nil entries are skipped and stay nil).
    public static func holm(_ ps: [Double?]) -> [Double?] {
        let present = ps.enumerated().compactMap { k, p in p.map { (k, $0) } }
        let m = present.count
        let sorted = present.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var out = [Double?](repeating: nil, count: ps.count)
        var running = 0.0
        for (rank, (k, p)) in sorted.enumerated() {
            running = max(running, min(1, Double(m - rank) * p))
            out[k] = running
        }
        return out
    }

    /// Significance stars the way reports flag differences: `***` p < 0.001, `**` p < 0.01, `*` p < 0.05.
    public static func stars(_ p: Double?) -> String {
        guard let p else { return "" }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
    }

    /// Regularised incomplete beta function I_x(a, b) (continued fraction, modified Lentz).
    public static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let lbeta = lgamma(a + b) - lgamma(a) - lgamma(b)
        let front = exp(lbeta + a * log(x) + b * log(1 - x))
        if x > (a + 1) / (a + b + 2) { return 1 - front * betaFraction(1 - x, b, a) / b }
        return front * betaFraction(x, a, b) / a
    }

    private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let mm = Double(m)
            var aa = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d; h *= d * c
            aa = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// Two-sided p-value of Student's t with `df` degrees of freedom.
    public static func tTwoSided(_ t: Double, df: Double) -> Double {
        guard df > 0, t.isFinite else { return t.isFinite ? 1 : 0 }
        return min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5))
    }

    /// Result of Welch's unequal-variance t-test.
    public struct WelchResult: Sendable, Equatable {
        public var t: Double
        public var df: Double
        public var p: Double
    }

    /// Welch's t-test of two samples (as `scipy.stats.ttest_ind(equal_var=False)`); nil when either
    /// sample has fewer than 2 values or both variances are 0.
    public static func welch(_ x: [Double], _ y: [Double]) -> WelchResult? {
        guard x.count >= 2, y.count >= 2 else { return nil }
        func mv(_ v: [Double]) -> (Double, Double) {
            let m = v.reduce(0, +) / Double(v.count)
            return (m, v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1))
        }
        let (m1, v1) = mv(x), (m2, v2) = mv(y)
        let s1 = v1 / Double(x.count), s2 = v2 / Double(y.count)
        guard s1 + s2 > 0 else { return nil }
        let t = (m1 - m2) / (s1 + s2).squareRoot()
        let df = (s1 + s2) * (s1 + s2) / (s1 * s1 / Double(x.count - 1) + s2 * s2 / Double(y.count - 1))
        return WelchResult(t: t, df: df, p: tTwoSided(t, df: df))
    }

    /// Log-likelihood G² of a word's frequency `a` in a target corpus of `c` tokens against `b` in a
    /// reference of `d` tokens (Rayson & Garside 2000; 0·ln 0 = 0).
    public static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        let total = Double(c + d)
        guard total > 0, a + b > 0 else { return 0 }
        let e1 = Double(c) * Double(a + b) / total, e2 = Double(d) * Double(a + b) / total
        var g = 0.0
        if a > 0 { g += Double(a) * log(Double(a) / e1) }
        if b > 0 { g += Double(b) * log(Double(b) / e2) }
        return 2 * g
    }

    /// Hardie's log ratio: log₂ of the relative frequency in the target over that in the reference,
    /// a zero frequency counted as 0.5; positive when the word is relatively more frequent in the target.
    public static func logRatio(a: Int, b: Int, c: Int, d: Int) -> Double {
        guard c > 0, d > 0 else { return 0 }
        let aa = a > 0 ? Double(a) : 0.5, bb = b > 0 ? Double(b) : 0.5
        return log2((aa / Double(c)) / (bb / Double(d)))
    }

    /// Newcombe's hybrid score interval (method 10) for the difference of proportions k2/n2 − k1/n1,
    /// built from the two Wilson intervals.
    public static func newcombeDifference(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int, z: Double = z95) -> (difference: Double, low: Double, high: Double)? {
        guard n1 > 0, n2 > 0 else { return nil }
        let p1 = Double(k1) / Double(n1), p2 = Double(k2) / Double(n2)
        let w1 = wilson(k1, n1, z: z), w2 = wilson(k2, n2, z: z)
        let d = p2 - p1
        let low = d - ((p2 - w2.low) * (p2 - w2.low) + (w1.high - p1) * (w1.high - p1)).squareRoot()
        let high = d + ((w2.high - p2) * (w2.high - p2) + (p1 - w1.low) * (p1 - w1.low)).squareRoot()
        return (d, low, high)
    }

    /// Jaccard similarity |A ∩ B| / |A ∪ B| from the counts; nil when both are empty.
    public static func jaccard(both: Int, a: Int, b: Int) -> Double? {
        let union = a + b - both
        return union > 0 ? Double(both) / Double(union) : nil
    }
}
