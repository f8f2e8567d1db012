@testable import FritekstAnalysis
import Testing

@Suite struct SuppressionTests {
    @Test func smallGroupAndItsComplementAreHidden() {
        // One merkantil answered: the role sizes must not show that person, nor let the total give it away.
        let sizes: [(group: [String], size: Int)] = [(["kontorleder"], 20), (["merkantil"], 1), (["veileder"], 30)]
        #expect(Suppression.hiddenGroupSizes(sizes, minCell: 5) == [["merkantil"], ["kontorleder"]])
        #expect(Suppression.hiddenGroupSizes(sizes, minCell: 0).isEmpty)
        #expect(Suppression.label(minCell: 5) == "<5")
        // Coded counts per theme: tiltak hides merkantil (1) and the smallest other (8); nay has two under 5 already.
        let coded: [Suppression.Count] = [
            .init(theme: "tiltak", group: ["merkantil"], value: 1), .init(theme: "tiltak", group: ["kontorleder"], value: 8),
            .init(theme: "tiltak", group: ["veileder"], value: 12),
            .init(theme: "nay", group: ["merkantil"], value: 0), .init(theme: "nay", group: ["kontorleder"], value: 9),
            .init(theme: "nay", group: ["veileder"], value: 3),
        ]
        #expect(Suppression.hide(coded, minCell: 5) == [true, true, false, true, false, true])
    }

    @Test func answersOfAHiddenGroupOrMarginAreRecognised() {
        let hidden: Set<[String]> = [["merkantil", "kommunal"], ["veileder", "(alle)"]]
        #expect(Suppression.isHidden(["merkantil", "kommunal"], in: hidden))
        #expect(Suppression.isHidden(["veileder", "statlig"], in: hidden))      // under a hidden margin
        #expect(!Suppression.isHidden(["merkantil", "statlig"], in: hidden))
        #expect(!Suppression.isHidden(["veileder"], in: hidden))
    }

    @Test func nothingHiddenWhenCellsAreLargeOrSuppressionIsOff() {
        let big: [Suppression.Count] = [.init(theme: "a", group: ["x"], value: 10), .init(theme: "a", group: ["y"], value: 12)]
        #expect(Suppression.hide(big, minCell: 5) == [false, false])
        let small: [Suppression.Count] = [.init(theme: "a", group: ["x"], value: 2), .init(theme: "a", group: ["y"], value: 0)]
        #expect(Suppression.hide(small, minCell: 0) == [false, false])
        #expect(Suppression.hide(small, minCell: 1) == [false, false])
        #expect(Suppression.hide([], minCell: 5).isEmpty)
    }

    @Test func noSingleHiddenCellCanBeRecoveredFromTheTotals() {
        // Random role × employer tables with margins: every count under the threshold is hidden, and no
        // sum (a theme's detailed cells, or a margin row with its cells) has exactly one hidden member.
        var seed: UInt64 = 2019
        func next(_ m: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(m)) }
        for _ in 0..<200 {
            let roles = 2 + next(4), min = 2 + next(5)
            var counts: [Suppression.Count] = []
            for t in 0..<3 {
                var detail: [[Int]] = []
                for r in 0..<roles {
                    let row = [next(30), next(30)]
                    detail.append(row)
                    counts.append(.init(theme: "t\(t)", group: ["r\(r)", "stat"], value: row[0]))
                    counts.append(.init(theme: "t\(t)", group: ["r\(r)", "kommune"], value: row[1]))
                }
                for r in 0..<roles { counts.append(.init(theme: "t\(t)", group: ["r\(r)", "(alle)"], value: detail[r][0] + detail[r][1])) }
                counts.append(.init(theme: "t\(t)", group: ["(alle)", "(alle)"], value: detail.flatMap { $0 }.reduce(0, +)))
            }
            let hidden = Suppression.hide(counts, minCell: min)
            for (c, h) in zip(counts, hidden) where c.value < min { #expect(h) }
            for t in 0..<3 {
                let idx = counts.indices.filter { counts[$0].theme == "t\(t)" }
                let detail = idx.filter { !counts[$0].group.contains("(alle)") }
                var sums = [detail]
                for m in idx where counts[m].group.contains("(alle)") {
                    let g = counts[m].group
                    sums.append([m] + detail.filter { d in zip(g, counts[d].group).allSatisfy { $0 == "(alle)" || $0 == $1 } })
                }
                for sum in sums { #expect(sum.filter { hidden[$0] }.count != 1, "theme t\(t): \(sum.map { (counts[$0].value, hidden[$0]) })") }
            }
        }
    }
}
