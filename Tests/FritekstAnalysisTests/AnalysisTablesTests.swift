@testable import FritekstAnalysis
import Testing

/// Reference values from scipy 1.17 (contingency.association, ttest_ind(equal_var=False), t.sf,
/// beta.cdf, power_divergence(lambda_="log-likelihood"), binomtest(...).proportion_ci("wilson")).
@Suite struct AnalysisTablesTests {
    func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool { a.map { abs($0 - b) <= tol * max(1, abs(b)) } ?? false }

    @Test func cramersVAndHolm() {
        #expect(close(Statistics.cramersV([[12, 30, 7], [40, 35, 50]]), 0.3231618967348729))
        #expect(Statistics.cramersV([[0, 0], [3, 4]]) == 0)
        let h = Statistics.holm([0.01, 0.04, 0.03, nil, 0.005])
        #expect(h.count == 5 && h[3] == nil)
        for (got, want) in zip([h[0], h[1], h[2], h[4]], [0.03, 0.06, 0.06, 0.02]) { #expect(close(got, want, 1e-12)) }
        #expect(Statistics.stars(0.0009) == "***" && Statistics.stars(0.009) == "**" && Statistics.stars(0.049) == "*")
        #expect(Statistics.stars(0.05) == "" && Statistics.stars(nil) == "")
    }

    @Test func welchAndStudentT() {
        let w = Statistics.welch([1, 2, 2, 3, 1, 2, 1], [3, 4, 3, 5, 4, 4, 2, 5])
        #expect(close(w?.t, -4.384615384615384) && close(w?.df, 12.650671785028791) && close(w?.p, 0.0007862852382243394, 1e-8))
        #expect(close(Statistics.tTwoSided(2.1, df: 7.5), 0.07123707145807809, 1e-9))
        #expect(close(Statistics.incompleteBeta(0.3, 2.5, 4.0), 0.3521975859067672, 1e-10))
        #expect(Statistics.welch([3], [1, 2]) == nil)
        #expect(Statistics.welch([2, 2], [2, 2, 2]) == nil)
    }

    @Test func logLikelihoodAndLogRatio() {
        #expect(close(Statistics.logLikelihood(a: 30, b: 5, c: 1000, d: 2000), 41.2632461209796))
        #expect(close(Statistics.chiSquareSurvival(41.2632461209796, df: 1), 1.3304717447331208e-10, 1e-6))
        #expect(close(Statistics.logRatio(a: 30, b: 5, c: 1000, d: 2000), 3.584962500721156))
        #expect(close(Statistics.logRatio(a: 4, b: 0, c: 100, d: 100), 3))  // zero counted as 0.5
        #expect(Statistics.logLikelihood(a: 0, b: 0, c: 10, d: 10) == 0)
    }

    @Test func newcombeDifference() {
        let d = Statistics.newcombeDifference(20, 90, 35, 100)
        #expect(close(d?.difference, 0.12777777777777777) && close(d?.low, -0.0015352264655951464) && close(d?.high, 0.24984800815523867))
    }

    func respondent(_ g: [String], _ answered: Bool, _ t: [Bool]) -> CodedRespondent {
        CodedRespondent(groupValues: g, answered: answered, themes: t)
    }

    @Test func marginsDenominatorAndDottedParents() {
        var rs: [CodedRespondent] = []
        for k in 0..<12 { rs.append(respondent(["veileder", k % 2 == 0 ? "statlig" : "kommunal"], true, [k % 3 == 0, k % 4 == 0])) }
        for _ in 0..<4 { rs.append(respondent(["merkantil", "statlig"], true, [true, false])) }
        rs.append(respondent(["merkantil", "kommunal"], false, [false, false]))
        let rows = ThemeCrosstab.compute(themes: ["digitalisering.systemer", "digitalisering.generelt"], respondents: rs, margins: true)
        let first = rows.filter { $0.theme == "digitalisering.systemer" }
        // 3 full groups, 2 roles, 2 employers, 1 overall.
        #expect(first.map { $0.group.joined(separator: "/") } == [
            "merkantil/statlig", "veileder/kommunal", "veileder/statlig",
            "merkantil/(alle)", "veileder/(alle)", "(alle)/kommunal", "(alle)/statlig", "(alle)/(alle)"])
        #expect(first.last?.nGroup == 16 && first.last?.nCoded == 8 && first.last?.test == "none")
        #expect(first.filter { !$0.isMargin }.count == 3)
        let all = ThemeCrosstab.compute(themes: ["a", "b"], respondents: rs, denominator: .all, margins: true)
        #expect(all.first { $0.theme == "a" && $0.group == ["(alle)", "(alle)"] }?.nGroup == 17)
        let (ids, rolled) = ThemeCrosstab.withDottedParents(themes: ["x", "digitalisering.systemer", "digitalisering.generelt"],
                                                             respondents: [respondent(["a"], true, [false, false, true])])
        #expect(ids == ["x", "digitalisering", "digitalisering.systemer", "digitalisering.generelt"])
        #expect(rolled[0].themes == [false, true, false, true])
    }

    @Test func cooccurrenceAndThemeItems() {
        let rs = [respondent([], true, [true, true]), respondent([], true, [true, false]), respondent([], true, [false, true]),
                  respondent([], false, [false, false]), respondent([], true, [false, false])]
        let co = ThemeRelations.cooccurrence(themes: ["a", "b"], respondents: rs)
        #expect(co.map { "\($0.themeA)-\($0.themeB) \($0.nA) \($0.nB) \($0.nBoth)" } == ["a-a 2 2 2", "a-b 2 2 1", "b-b 2 2 2"])
        #expect(close(co[1].jaccard, 1.0 / 3))
        let items = ThemeRelations.themeItems(themes: ["a"], items: ["q"], scores: [[1, 2, 4, 5, nil]], respondents: rs)
        // Respondent 4 did not answer and respondent 5 has no score: 2 with (1, 2) vs 1 without (4).
        #expect(items[0].nWith == 2 && items[0].nWithout == 1 && close(items[0].difference, -2.5) && items[0].pValue == nil)
    }

    @Test func keynessKeepsBothDirectionsWithRawCounts() {
        let docs = [["modia", "er", "tregt"], ["modia", "og", "gosys"], ["modia", "igjen"], ["tiltak", "er", "bra"], ["tiltak", "og", "kurs"], ["tiltak"]]
        let rows = Keyness.compare(comparison: "employer: kommunal vs statlig", target: "kommunal", reference: "statlig", unit: "word",
                                   documents: docs, inTarget: [true, true, true, false, false, false], minFrequency: 2, top: 1)
        #expect(rows.map(\.term).sorted() == ["modia", "tiltak"])
        let modia = rows.first { $0.term == "modia" }!
        #expect(modia.a == 3 && modia.b == 0 && modia.c == 8 && modia.d == 7 && modia.nTarget == 3 && modia.logRatio > 0)
        #expect(close(modia.g2, Statistics.logLikelihood(a: 3, b: 0, c: 8, d: 7)))
    }

    func source(_ id: String, _ group: String, _ label: String, _ text: String, coded: Bool, matched: Int, tokens: Int, types: Set<Int32>) -> QuoteSource {
        QuoteSource(id: id, text: text, answered: true, group: [group], labels: [label], tokenCount: tokens, types: types,
                    matched: [coded ? matched : 0], coded: [coded], evidence: coded ? [0: "t[word:x «x»]"] : [:])
    }

    @Test func quotesAreDenseDiverseAndNeverFromSmallGroups() {
        let long = "Tiltakene er for få, og ventetida på tiltaksplass er lang for mange brukere."
        var s: [QuoteSource] = []
        // Group A: 6 coded; two near-identical dense answers and a less dense different one.
        s.append(source("a1", "A", "veileder", long, coded: true, matched: 4, tokens: 10, types: [1, 2, 3, 4]))
        s.append(source("a2", "A", "veileder", long, coded: true, matched: 4, tokens: 10, types: [1, 2, 3, 4]))
        s.append(source("a3", "A", "veileder", long, coded: true, matched: 3, tokens: 10, types: [5, 6, 7, 8]))
        for k in 4...6 { s.append(source("a\(k)", "A", "veileder", long, coded: true, matched: 1, tokens: 10, types: [9])) }
        s.append(source("a7", "A", "veileder", "For kort.", coded: true, matched: 2, tokens: 2, types: [1]))
        // Group B: 4 respondents only (below 5): never quoted, not even in the overall quotes.
        for k in 1...4 { s.append(source("b\(k)", "B", "merkantil", long, coded: true, matched: 9, tokens: 10, types: [20 + Int32(k)])) }
        let rows = Quotes.select(themes: ["tiltak"], sources: s, options: QuoteOptions(perGroup: 2, minCell: 5))
        #expect(!rows.contains { $0.id.hasPrefix("b") })
        #expect(!rows.contains { $0.id == "a7" })  // under the length bound
        let overall = rows.filter { $0.group == ["(alle)"] }
        #expect(overall.map(\.id) == ["a1", "a3"])  // a2 repeats a1: diversity picks a3
        #expect(overall.first?.groupN == 11 && overall.first?.cellN == 11)
        #expect(rows.filter { $0.group == ["A"] }.map(\.id) == ["a1", "a3"])
        #expect(rows.allSatisfy { $0.groupN >= 5 && $0.cellN >= 5 })
    }
}
