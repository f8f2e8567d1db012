/// Small-cell suppression for theme × group tables (pure functions; p-values are left alone).
///
/// Primary: a group with fewer than `minCell` respondents hides its size and counts; a count under
/// `minCell` is hidden. Complementary: wherever a published sum (a margin row, a theme's total,
/// the number of answered respondents) would give a hidden count away by subtraction, more
/// members of that sum are hidden (`hide`).
public enum Suppression {
    /// Default threshold (`--min-cell`).
    public static let defaultMinCell = 5

    /// Text written in place of a hidden count: `<5`.
    public static func label(minCell: Int) -> String { "<\(minCell)" }
}


extension Suppression {
    /// One count in a table with margins: its theme, group values (`(alle)` in margin positions) and value.
    public struct Count: Sendable, Equatable {
        public var theme: String
        public var group: [String]
        public var value: Int
        /// Creates a count.
        public init(theme: String, group: [String], value: Int) { self.theme = theme; self.group = group; self.value = value }
    }

    /// Group sizes to hide (margin groups included), decided once for all themes: the same set hides
    /// group sizes in every table and the group values shown next to answers.
    public static func hiddenGroupSizes(_ sizes: [(group: [String], size: Int)], minCell: Int) -> Set<[String]> {
        let hidden = hide(sizes.map { Count(theme: "", group: $0.group, value: $0.size) }, minCell: minCell)
        return Set(zip(sizes, hidden).filter { $0.1 }.map { $0.0.group })
    }

    /// True when a respondent with these group values belongs to a hidden group (its own or a margin over it).
    public static func isHidden(_ values: [String], in hidden: Set<[String]>, margin: String = "(alle)") -> Bool {
        hidden.contains { g in g.count == values.count && zip(g, values).allSatisfy { $0 == margin || $0 == $1 } }
    }

    /// Which counts to hide: every count under `minCell`, then, until none is left, one more member of any
    /// sum that has exactly one hidden member, so no hidden count can be worked out by subtraction. The sums are
    /// each margin row (`(alle)`) over the detailed rows it adds up, and each theme's detailed rows over its
    /// published total (`themeTotalsPublished`).
    public static func hide(_ counts: [Count], minCell: Int, margin: String = "(alle)", themeTotalsPublished: Bool = true) -> [Bool] {
        var hidden = counts.map { minCell > 1 && $0.value < minCell }
        guard minCell > 1 else { return hidden }
        // Equations: indices of the members (a margin row and its detailed rows, or a theme's detailed rows).
        var equations: [[Int]] = []
        var byTheme: [String: [Int]] = [:]
        for (i, c) in counts.enumerated() { byTheme[c.theme, default: []].append(i) }
        for (_, idx) in byTheme {
            let detail = idx.filter { !counts[$0].group.contains(margin) }
            if themeTotalsPublished && !detail.isEmpty { equations.append(detail) }
            for m in idx where counts[m].group.contains(margin) {
                let g = counts[m].group
                let members = detail.filter { d in zip(g, counts[d].group).allSatisfy { $0 == margin || $0 == $1 } }
                if !members.isEmpty { equations.append([m] + members) }
            }
        }
        var changed = true
        while changed {
            changed = false
            for eq in equations {
                let hiddenCount = eq.filter { hidden[$0] }.count
                // A sum with an unpublished total (theme detail rows) leaks only when exactly one member is hidden.
                guard hiddenCount == 1 else { continue }
                let visible = eq.filter { !hidden[$0] }
                if let j = visible.min(by: { counts[$0].value != counts[$1].value ? counts[$0].value < counts[$1].value : $0 < $1 }) {
                    hidden[j] = true
                    changed = true
                }
            }
        }
        return hidden
    }
}
