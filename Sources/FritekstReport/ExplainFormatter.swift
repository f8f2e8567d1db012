import FritekstCoding
import FritekstCore
import FritekstLexicon

/// Renders `fritekst explain` output: the answer with matches marked, then per theme what fired and what was blocked.
public enum ExplainFormatter {
    /// Text for one answer; `ansi` uses terminal colours instead of brackets.
    public static func render(response: Response, groups: [String], coded: CodedAnswer, traces: [ThemeTrace],
                              compiled: CompiledCodebook, ansi: Bool) -> String {
        let bytes = Array(response.text.utf8)
        let themes = compiled.codebook.themes
        func text(_ m: Match) -> String { matched(m, in: bytes) }
        var out = "\(response.id)"
        let meta = groups.compactMap { g in response.fields[g].map { "\(g)=\($0)" } }
        if !meta.isEmpty { out += " (" + meta.joined(separator: ", ") + ")" }
        out += "\n\n"

        // Mark every counted match of a coded, visible theme; overlapping marks of different themes merge.
        var spans: [(Int, Int, Set<String>)] = []
        for hit in coded.hits where !hit.viaChildren && !themes[hit.theme].hidden {
            for m in hit.matches { spans.append((Int(m.start), Int(m.end), [themes[hit.theme].id])) }
        }
        spans.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
        var merged: [(Int, Int, Set<String>)] = []
        for s in spans {
            if let last = merged.last, s.0 < last.1 {
                merged[merged.count - 1] = (last.0, max(last.1, s.1), last.2.union(s.2))
            } else { merged.append(s) }
        }
        var pos = 0
        for (s, e, ids) in merged {
            out += String(decoding: bytes[pos..<s], as: UTF8.self)
            let word = String(decoding: bytes[s..<e], as: UTF8.self)
            let tag = ids.sorted().joined(separator: ",")
            out += ansi ? "\u{1B}[1;33m\(word)\u{1B}[0m\u{1B}[2m{\(tag)}\u{1B}[0m" : "[\(word)]{\(tag)}"
            pos = e
        }
        out += String(decoding: bytes[pos...], as: UTF8.self)
        out += "\n\n"

        if traces.isEmpty { out += "No entry or rule of the codebook matched.\n" }
        let width = max(12, traces.map { themes[$0.theme].id.count }.max() ?? 12)
        for tr in traces {
            let theme = themes[tr.theme]
            let verdict = tr.coded ? (ansi ? "\u{1B}[32mcoded\u{1B}[0m" : "coded") : "not coded"
            let cmp = tr.coded ? "≥" : "<"
            out += theme.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(verdict)  score \(fmt(tr.score)) \(cmp) min \(fmt(tr.minScore))\(theme.hidden ? "  (helper theme)" : "")\n"
            for m in tr.kept {
                out += "    + \(compiled.label(ofSource: m.entry)) «\(text(m))»  (sentence \(m.sentence + 1), weight \(fmt(compiled.weight(ofSource: m.entry))))\n"
            }
            for m in tr.overlapped {
                out += "    ~ \(compiled.label(ofSource: m.entry)) «\(text(m))»  counted once: overlaps a match of the same theme that counts\n"
            }
            for (m, b) in tr.blocked {
                out += "    x \(compiled.label(ofSource: m.entry)) «\(text(m))»  blocked by exclusion \(compiled.exclusions[Int(b.entry)].label) «\(text(b))»\n"
            }
        }
        for hit in coded.hits where hit.viaChildren {
            out += themes[hit.theme].id.padding(toLength: width, withPad: " ", startingAt: 0) + "  coded through a sub-theme\n"
        }
        return out
    }

    /// What matched for the given themes although they were not coded, on one line (for `evaluate`'s
    /// disagreements): `theme (score 0.50 < 1)[entry «text»; …; blocked: entry «text» by exclude «text»]`;
    /// empty when nothing of those themes matched.
    public static func nearMisses(_ traces: [ThemeTrace], themes: Set<Int>, text: String, compiled: CompiledCodebook) -> String {
        let bytes = Array(text.utf8)
        var parts: [String] = []
        for tr in traces where themes.contains(tr.theme) && !tr.coded && !compiled.codebook.themes[tr.theme].hidden {
            let items = tr.kept.map { "\(compiled.label(ofSource: $0.entry)) «\(matched($0, in: bytes))»" }
                + tr.blocked.map { m, b in
                    "blocked: \(compiled.label(ofSource: m.entry)) «\(matched(m, in: bytes))» by exclude "
                        + "\(compiled.exclusions[Int(b.entry)].label) «\(matched(b, in: bytes))»"
                }
            guard !items.isEmpty else { continue }
            parts.append("\(compiled.codebook.themes[tr.theme].id) (score \(fmt(tr.score)) < \(fmt(tr.minScore)))[\(items.joined(separator: "; "))]")
        }
        return parts.joined(separator: " | ")
    }

    /// The text a match covers, each run of line breaks made one space.
    private static func matched(_ m: Match, in bytes: [UInt8]) -> String {
        String(decoding: bytes[Int(m.start)..<Int(m.end)], as: UTF8.self).split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }

    private static func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x)
    }
}
