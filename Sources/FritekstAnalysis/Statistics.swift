import Foundation
import FritekstCore

/// Statistical functions used by the crosstabs.
public enum Statistics {
    /// Two-sided 95 % normal quantile.
    public static let z95 = 1.959963984540054

    /// Wilson score interval for `k` successes out of `n` (fractions); (0, 0) when n is 0.
    public static func wilson(_ k: Int, _ n: Int, z: Double = z95) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 0) }
        let nn = Double(n), p = Double(k) / nn, z2 = z * z
        let denom = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denom
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denom
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Regularised upper incomplete gamma Q(a, x).
    public static func gammaQ(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        if x < a + 1 {
            // Series for P(a, x).
            var sum = 1 / a, term = sum, ap = a
            for _ in 0..<10_000 {
                ap += 1; term *= x / ap; sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(-x + a * log(x) - lgamma(a)))
        }
        // Continued fraction (modified Lentz) for Q(a, x).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }

    /// Upper tail probability of the χ² distribution with `df` degrees of freedom.
    public static func chiSquareSurvival(_ x: Double, df: Int) -> Double {
        gammaQ(Double(df) / 2, x / 2)
    }

    /// Pearson χ² statistic (no continuity correction) and expected counts of a table.
    public static func chiSquare(_ table: [[Int]]) -> (statistic: Double, df: Int, expected: [[Double]]) {
        let rows = table.count, cols = table.first?.count ?? 0
        let rowSums = table.map { $0.reduce(0, +) }
        var colSums = Array(repeating: 0, count: cols)
        for r in table { for (j, v) in r.enumerated() { colSums[j] += v } }
        let total = Double(rowSums.reduce(0, +))
        var stat = 0.0
        var expected = Array(repeating: Array(repeating: 0.0, count: cols), count: rows)
        for i in 0..<rows {
            for j in 0..<cols {
                let e = total > 0 ? Double(rowSums[i]) * Double(colSums[j]) / total : 0
                expected[i][j] = e
                if e > 0 { stat += (Double(table[i][j]) - e) * (Double(table[i][j]) - e) / e }
            }
        }
        let nonEmptyRows = rowSums.filter { $0 > 0 }.count, nonEmptyCols = colSums.filter { $0 > 0 }.count
        return (stat, max(0, (nonEmptyRows - 1) * (nonEmptyCols - 1)), expected)
    }

    /// Two-sided Fisher exact test p-value for a 2×2 table [[a, b], [c, d]] (as R's fisher.test).
    public static func fisherExact(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        let r1 = a + b, c1 = a + c, n = a + b + c + d
        let lo = max(0, r1 + c1 - n), hi = min(r1, c1)
        func logP(_ x: Int) -> Double {
            logChoose(c1, x) + logChoose(n - c1, r1 - x) - logChoose(n, r1)
        }
        let observed = logP(a)
        var p = 0.0
        let relErr = 1 + 1e-7
        for x in lo...hi {
            let lp = logP(x)
            if lp <= observed + log(relErr) { p += exp(lp) }
        }
        return min(1, p)
    }

    /// log of the binomial coefficient C(n, k).
    public static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }

    /// Monte Carlo p-value of the χ² statistic for a 2×G table with fixed margins (as R's
    /// `chisq.test(simulate.p.value = TRUE)`), with a fixed seed so results repeat.
    public static func chiSquareMonteCarlo(_ table: [[Int]], replicates: Int = 2_000, seed: UInt64 = 20_191_105) -> Double {
        let observed = chiSquare(table).statistic
        let cols = table[0].count
        let colSums = (0..<cols).map { j in table.reduce(0) { $0 + $1[j] } }
        let successes = table[0].reduce(0, +)
        let total = colSums.reduce(0, +)
        var rng = SplitMix64(seed: seed)
        var atLeast = 0
        let almost = observed * (1 - 1e-7)
        var sim = [[Int]](repeating: [Int](repeating: 0, count: cols), count: 2)
        for _ in 0..<replicates {
            // Draw the successes per column sequentially without replacement.
            var remainingS = successes, remainingN = total
            for j in 0..<cols {
                var s = 0
                for _ in 0..<colSums[j] {
                    if Int(rng.next() % UInt64(remainingN)) < remainingS { s += 1; remainingS -= 1 }
                    remainingN -= 1
                }
                sim[0][j] = s; sim[1][j] = colSums[j] - s
            }
            if chiSquare(sim).statistic >= almost { atLeast += 1 }
        }
        return Double(1 + atLeast) / Double(1 + replicates)
    }
}

