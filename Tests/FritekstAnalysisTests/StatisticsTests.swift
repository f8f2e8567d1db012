@testable import FritekstAnalysis
import Testing

/// Reference values computed with scipy 1.17 (stats.chi2_contingency(correction=False),
/// stats.fisher_exact, stats.chi2.sf) and the Wilson formula with z = norm.ppf(0.975).
@Suite struct StatisticsTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test func wilsonIntervals() {
        let a = Statistics.wilson(3, 10)
        #expect(close(a.low, 0.10779126740630099) && close(a.high, 0.6032218525388546))
        let b = Statistics.wilson(0, 4)
        #expect(b.low == 0 && close(b.high, 0.4898908364545973))
        let c = Statistics.wilson(45, 450)
        #expect(close(c.low, 0.07557832118145835) && close(c.high, 0.13119313390891818))
        #expect(Statistics.wilson(0, 0) == (0, 0))
    }

    @Test func chiSquareSurvival() {
        #expect(close(Statistics.chiSquareSurvival(3.84, df: 1), 0.05004352124870519))
        #expect(close(Statistics.chiSquareSurvival(50.0, df: 4), 3.610865404890647e-10, 1e-7))
        #expect(close(Statistics.chiSquareSurvival(0.5, df: 10), 0.999993388289439))
    }

    @Test func pearsonChiSquareOnAThemeByRoleTable() {
        let (stat, df, _) = Statistics.chiSquare([[12, 30, 7], [40, 35, 50]])
        #expect(close(stat, 18.171448401222833))
        #expect(df == 2)
        #expect(close(Statistics.chiSquareSurvival(stat, df: df), 0.00011327136017021102, 1e-7))
    }

    @Test func fisherExactTwoSided() {
        #expect(close(Statistics.fisherExact(3, 1, 1, 7), 0.06666666666666667))
        #expect(close(Statistics.fisherExact(0, 5, 9, 2), 0.004807692307692308))
    }

    @Test func testChoiceFollowsExpectedCounts() {
        // 2 groups, large counts: chi2; small expected counts: fisher; sparse 2×3: Monte Carlo.
        #expect(Crosstab.independenceTest([(100, 30), (120, 60)]).1 == "chi2")
        #expect(Crosstab.independenceTest([(8, 1), (10, 6)]).1 == "fisher")
        #expect(Crosstab.independenceTest([(3, 1), (4, 0), (30, 2)]).1 == "chi2_mc")
        #expect(Crosstab.independenceTest([(30, 2)]).1 == "none")
        let mc1 = Crosstab.independenceTest([(3, 1), (4, 0), (30, 2)]).0
        let mc2 = Crosstab.independenceTest([(3, 1), (4, 0), (30, 2)]).0
        #expect(mc1 == mc2)
    }

    @Test func crosstabCountsAnsweredRespondentsOnly() {
        let rs = [
            CodedRespondent(groupValues: ["veileder"], answered: true, themes: [true, false]),
            CodedRespondent(groupValues: ["veileder"], answered: true, themes: [false, false]),
            CodedRespondent(groupValues: ["veileder"], answered: false, themes: [false, false]),
            CodedRespondent(groupValues: ["merkantil"], answered: true, themes: [true, true]),
        ]
        let rows = ThemeCrosstab.compute(themes: ["a", "b"], respondents: rs)
        #expect(rows.map { "\($0.theme) \($0.group[0]) \($0.nGroup) \($0.nCoded)" }
                == ["a merkantil 1 1", "a veileder 2 1", "b merkantil 1 1", "b veileder 2 0"])
        #expect(rows[1].share == 0.5)
        // The group sizes suppression works on are the same counts, margins included.
        let sizes = ThemeCrosstab.groupSizes(respondents: rs, margins: true)
        #expect(sizes.map { "\($0.group[0]) \($0.size)" } == ["merkantil 1", "veileder 2", "(alle) 3"])
        #expect(ThemeCrosstab.groupSizes(respondents: rs, denominator: .all).map(\.size) == [1, 3])
    }
}

@Suite struct MarginSuppressionTests {
    @Test func aHiddenCellCannotBeRecoveredFromItsMargin() {
        // tiltak by role × employer with role margins: veileder/kommunal has 3 coded.
        let counts: [Suppression.Count] = [
            .init(theme: "tiltak", group: ["veileder", "kommunal"], value: 3),
            .init(theme: "tiltak", group: ["veileder", "statlig"], value: 20),
            .init(theme: "tiltak", group: ["merkantil", "statlig"], value: 9),
            .init(theme: "tiltak", group: ["merkantil", "kommunal"], value: 12),
            .init(theme: "tiltak", group: ["veileder", "(alle)"], value: 23),
            .init(theme: "tiltak", group: ["merkantil", "(alle)"], value: 21),
            .init(theme: "tiltak", group: ["(alle)", "(alle)"], value: 44),
        ]
        let hidden = Suppression.hide(counts, minCell: 5)
        #expect(hidden[0])
        // Every sum (a margin and its cells, or all cells) has none or at least two hidden members.
        let sums: [[Int]] = [[4, 0, 1], [5, 2, 3], [6, 0, 1, 2, 3], [0, 1, 2, 3]]
        for s in sums { #expect(s.filter { hidden[$0] }.count != 1, "sum \(s) leaks: \(hidden)") }
        #expect(Suppression.hide(counts, minCell: 0) == Array(repeating: false, count: counts.count))
    }
}
