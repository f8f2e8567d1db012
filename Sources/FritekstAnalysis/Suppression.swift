/// How one crosstab row is shown after small-cell suppression: a nil count is hidden.
public struct DisplayCell: Sendable, Equatable {
    /// Respondents in the group, or nil when hidden.
    public var nGroup: Int?
    /// Respondents coded with the theme, or nil when hidden.
    public var nCoded: Int?

    /// Creates a display cell.
    public init(nGroup: Int?, nCoded: Int?) {
        self.nGroup = nGroup
        self.nCoded = nCoded
    }

    /// Share and interval may be shown only when both counts are (either one reveals the other).
    public var showsShare: Bool { nGroup != nil && nCoded != nil }
}

/// Small-cell suppression for theme × group tables (pure functions; p-values are left alone).
///
/// Primary: a group with fewer than `minCell` respondents hides its size and counts; a count of
/// coded respondents under `minCell` is hidden. Complementary: the totals are published (answered
/// respondents, coded per theme), so when exactly one group size, or exactly one count within a
/// theme, is hidden, the next smallest visible one is hidden too and the total cannot give it away.
public enum Suppression {
    /// Default threshold (`--min-cell`).
    public static let defaultMinCell = 5

    /// Text written in place of a hidden count: `<5`.
    public static func label(minCell: Int) -> String { "<\(minCell)" }

    /// Display cells for `rows` (same order). `minCell` 0 or 1 shows everything.
    public static func apply(_ rows: [CrosstabRow], minCell: Int) -> [DisplayCell] {
        var cells = rows.map { DisplayCell(nGroup: $0.nGroup, nCoded: $0.nCoded) }
        guard minCell > 1, !rows.isEmpty else { return cells }

        let hiddenGroups = hiddenGroups(rows, minCell: minCell)

        // Per theme, in the order rows come.
        var byTheme: [String: [Int]] = [:]
        var order: [String] = []
        for (i, r) in rows.enumerated() {
            if byTheme[r.theme] == nil { order.append(r.theme) }
            byTheme[r.theme, default: []].append(i)
        }
        for theme in order {
            let idx = byTheme[theme]!
            var hidden = 0
            for i in idx {
                if hiddenGroups.contains(rows[i].group) { cells[i].nGroup = nil }
                if rows[i].nGroup < minCell || rows[i].nCoded < minCell {
                    cells[i].nCoded = nil
                    hidden += 1
                }
            }
            if hidden == 1 {
                let candidates = idx.filter { cells[$0].nCoded != nil }
                if let j = candidates.min(by: { rows[$0].nCoded != rows[$1].nCoded ? rows[$0].nCoded < rows[$1].nCoded : $0 < $1 }) {
                    cells[j].nCoded = nil
                }
            }
        }
        return cells
    }

    /// Groups whose size is hidden: those under `minCell`, and the next smallest when only one is.
    /// Answers from these groups are shown without their group values, so that counting answer
    /// rows cannot single out one small group either.
    public static func hiddenGroups(_ rows: [CrosstabRow], minCell: Int) -> Set<[String]> {
        guard minCell > 1 else { return [] }
        var sizes: [[String]: Int] = [:]
        for r in rows { sizes[r.group] = r.nGroup }
        var hidden = Set(sizes.filter { $0.value < minCell }.keys)
        if hidden.count == 1, sizes.count > 1 {
            let next = sizes.filter { !hidden.contains($0.key) }.min { a, b in
                a.value != b.value ? a.value < b.value : a.key.lexicographicallyPrecedes(b.key)
            }
            if let next { hidden.insert(next.key) }
        }
        return hidden
    }
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
