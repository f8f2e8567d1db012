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

        // Group sizes (the same for every theme).
        var sizes: [[String]: Int] = [:]
        for r in rows { sizes[r.group] = r.nGroup }
        var hiddenGroups = Set(sizes.filter { $0.value < minCell }.keys)
        if hiddenGroups.count == 1, sizes.count > 1 {
            let next = sizes.filter { !hiddenGroups.contains($0.key) }.min { a, b in
                a.value != b.value ? a.value < b.value : a.key.lexicographicallyPrecedes(b.key)
            }
            if let next { hiddenGroups.insert(next.key) }
        }

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

    /// Groups with fewer than `minCell` respondents: no answer text is shown with their values.
    public static func smallGroups(_ rows: [CrosstabRow], minCell: Int) -> Set<[String]> {
        guard minCell > 1 else { return [] }
        return Set(rows.filter { $0.nGroup < minCell }.map(\.group))
    }
}
