@testable import FritekstAnalysis
import Testing

/// Reference values from an independent Python computation: κ from the item vectors
/// (observed vs chance agreement), α from the generic D_o/D_e formula over pairable values.
@Suite struct AgreementTests {
    func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-12) -> Bool { a.map { abs($0 - b) <= tol } ?? false }

    @Test func kappaAndAlphaMatchIndependentComputation() {
        let cases: [(Agreement.Counts, Double, Double)] = [
            (.init(tp: 34, fp: 2, fn: 6, tn: 128), 0.8645418326693226, 0.8648325358851674),
            (.init(tp: 2, fp: 2, fn: 4, tn: 162), 0.3825665859564161, 0.38363636363636366),
            (.init(tp: 0, fp: 0, fn: 2, tn: 105), 0.0, -0.004716981132075304),
            (.init(tp: 5, fp: 1, fn: 1, tn: 3), 0.5833333333333334, 0.6041666666666667),
        ]
        for (c, kappa, alpha) in cases {
            #expect(close(Agreement.cohensKappa(c), kappa), "κ \(c)")
            #expect(close(Agreement.krippendorffAlpha(c), alpha), "α \(c)")
        }
    }

    @Test func alphaWithThreeCategories() {
        let pairs = [(1, 1, 2), (2, 2, 1), (3, 3, 2), (1, 2, 1), (2, 3, 1), (2, 1, 1)]
        #expect(close(Agreement.krippendorffAlphaNominal(pairs: pairs), 0.47058823529411764))
    }

    @Test func undefinedMetricsAreNil() {
        let none = Agreement.Counts(tp: 0, fp: 0, fn: 0, tn: 20)
        #expect(Agreement.precision(none) == nil)
        #expect(Agreement.recall(none) == nil)
        #expect(Agreement.f1(none) == nil)
        #expect(Agreement.cohensKappa(none) == nil)
        #expect(Agreement.krippendorffAlpha(none) == nil)
        let perfect = Agreement.Counts(tp: 3, fp: 0, fn: 0, tn: 7)
        #expect(Agreement.cohensKappa(perfect) == 1 && Agreement.krippendorffAlpha(perfect) == 1)
    }

    @Test func microPoolsCountsAndMacroAveragesThemesWithGold() {
        let t = Agreement.table([
            ("samarbeid_nay", .init(tp: 8, fp: 2, fn: 2, tn: 88)),
            ("tiltak", .init(tp: 0, fp: 0, fn: 4, tn: 96)),       // nothing predicted: precision 0 in macro
            ("partnerskap", .init(tp: 0, fp: 3, fn: 0, tn: 97)),  // no gold: left out of macro
        ])
        #expect(t.micro.counts == .init(tp: 8, fp: 5, fn: 6, tn: 281))
        #expect(close(t.micro.precision, 8.0 / 13))
        #expect(close(t.micro.recall, 8.0 / 14))
        #expect(close(t.micro.f1, 16.0 / 27))
        #expect(close(t.macro.precision, (0.8 + 0) / 2))
        #expect(close(t.macro.recall, (0.8 + 0) / 2))
        #expect(close(t.macro.f1, (0.8 + 0) / 2))
        #expect(t.themes[2].precision == 0 && t.themes[2].recall == nil)
    }

    @Test func dottedChildrenAndParentChainsCountForTheirRoot() {
        let ids = ["samarbeid_nay", "digitalisering.systemer", "digitalisering.generelt", "digital", "modia"]
        #expect(ThemeTree.members(of: "digitalisering", in: ids) == [1, 2])
        #expect(ThemeTree.members(of: "digitalisering", in: ids, parents: ["modia": "digitalisering.systemer"]) == [1, 2, 4])
        #expect(ThemeTree.root("digitalisering.systemer") == "digitalisering")
        #expect(ThemeTree.labels(["digitalisering.generelt"], include: "digitalisering"))
        #expect(!ThemeTree.labels(["digitaliseringen"], include: "digitalisering"))
    }
}
