@testable import FritekstAnalysis
import Testing

@Suite struct SuppressionTests {
    func row(_ theme: String, _ group: String, _ n: Int, _ c: Int) -> CrosstabRow {
        CrosstabRow(theme: theme, group: [group], nGroup: n, nCoded: c, share: Double(c) / Double(n),
                    ciLow: 0, ciHigh: 1, pValue: 0.5, test: "chi2")
    }

    @Test func smallGroupAndItsComplementAreHidden() {
        // One merkantil answered: role × theme must not show that person.
        let rows = [row("tiltak", "merkantil", 1, 1), row("tiltak", "kontorleder", 20, 8), row("tiltak", "veileder", 30, 12),
                    row("nay", "merkantil", 1, 0), row("nay", "kontorleder", 20, 9), row("nay", "veileder", 30, 3)]
        let cells = Suppression.apply(rows, minCell: 5)
        // Group sizes: merkantil (1) hidden, and kontorleder (next smallest) so that the total cannot reveal it.
        #expect(cells.map(\.nGroup) == [nil, nil, 30, nil, nil, 30])
        // tiltak: merkantil hidden, plus the smallest other count (8).
        #expect(cells[0].nCoded == nil && cells[1].nCoded == nil && cells[2].nCoded == 12)
        // nay: merkantil and veileder (3) are both under 5: two hidden, no third needed.
        #expect(cells[3].nCoded == nil && cells[4].nCoded == 9 && cells[5].nCoded == nil)
        #expect(!cells[4].showsShare && cells[2].showsShare)
        #expect(Suppression.label(minCell: 5) == "<5")
        #expect(Suppression.hiddenGroups(rows, minCell: 5) == [["merkantil"], ["kontorleder"]])
        #expect(Suppression.hiddenGroups(rows, minCell: 0).isEmpty)
    }

    @Test func nothingHiddenWhenCellsAreLargeOrSuppressionIsOff() {
        let rows = [row("a", "x", 10, 5), row("a", "y", 12, 7)]
        #expect(Suppression.apply(rows, minCell: 5) == rows.map { DisplayCell(nGroup: $0.nGroup, nCoded: $0.nCoded) })
        let small = [row("a", "x", 2, 1), row("a", "y", 12, 0)]
        #expect(Suppression.apply(small, minCell: 0).allSatisfy { $0.showsShare })
        #expect(Suppression.apply(small, minCell: 1).allSatisfy { $0.showsShare })
        #expect(Suppression.apply([], minCell: 5).isEmpty)
    }

    @Test func noSingleHiddenCellCanBeRecoveredFromTheTotals() {
        // Random tables: after suppression no theme hides exactly one count and at most one
        // group size is never hidden alone, unless there is nothing else to hide.
        var seed: UInt64 = 2019
        func next(_ m: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(m)) }
        for _ in 0..<300 {
            let groups = 2 + next(6)
            let sizes = (0..<groups).map { _ in 1 + next(40) }
            var rows: [CrosstabRow] = []
            for t in 0..<4 {
                for g in 0..<groups { rows.append(row("t\(t)", "g\(g)", sizes[g], next(sizes[g] + 1))) }
            }
            let min = 2 + next(5)
            let cells = Suppression.apply(rows, minCell: min)
            for t in 0..<4 {
                let part = Array(cells[(t * groups)..<((t + 1) * groups)])
                let rowsPart = Array(rows[(t * groups)..<((t + 1) * groups)])
                #expect(part.filter { $0.nCoded == nil }.count != 1)
                for (c, r) in zip(part, rowsPart) {
                    if r.nCoded < min || r.nGroup < min { #expect(c.nCoded == nil) }
                    if r.nGroup < min { #expect(c.nGroup == nil) }
                }
                #expect(part.filter { $0.nGroup == nil }.count != 1)
            }
        }
    }
}
