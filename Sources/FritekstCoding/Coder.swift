import FritekstCore
import FritekstLexicon
import FritekstText

/// One entry matching a run of tokens in an answer.
public struct Match: Sendable, Equatable {
    /// Index of the compiled entry.
    public var entry: Int32
    /// First token index (inclusive) and last (exclusive).
    public var firstToken: Int32
    public var endToken: Int32
    /// Byte range in the original answer.
    public var start: Int32
    public var end: Int32
    /// Sentence of the first token.
    public var sentence: Int32
}

/// A theme found in one answer, with its score and the matches that count for it.
public struct ThemeHit: Sendable, Equatable {
    /// Index of the theme in the codebook.
    public var theme: Int
    /// Sum of the weights of the counted matches.
    public var score: Double
    /// Matches counted for the theme (overlaps resolved), in text order.
    public var matches: [Match]
    /// True when the hit comes only from child themes.
    public var viaChildren: Bool
}

/// The coding of one answer.
public struct CodedAnswer: Sendable, Equatable {
    /// Themes whose score reached their minimum, in codebook order.
    public var hits: [ThemeHit]
    /// Number of tokens in the answer.
    public var tokenCount: Int

    /// True when theme `t` was coded.
    public func has(_ t: Int) -> Bool { hits.contains { $0.theme == t } }
}

/// Applies a compiled codebook to tokenised answers.
///
/// Overlap policy: within one theme, when matches overlap, the longest wins (ties: the earlier);
/// a match nested inside a longer one of the same theme counts once. Matches of different themes
/// never block each other.
public struct Coder {
    /// The compiled codebook.
    public let compiled: CompiledCodebook

    /// Creates a coder.
    public init(_ compiled: CompiledCodebook) { self.compiled = compiled }

    /// Codes one answer; `text` is the original UTF-8 answer the token ranges point into.
    public func code(tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> CodedAnswer {
        let entries = compiled.entries
        var raw: [Match] = []
        let n = tokens.count
        for pos in 0..<n {
            let tok = tokens[pos]
            for u in compiled.units(of: tok.type) {
                for e in compiled.singles[Int(u)] {
                    let entry = entries[Int(e)]
                    if let exact = entry.exactForm, !bytesEqual(text, Int(tok.start), Int(tok.end), exact) { continue }
                    raw.append(Match(entry: e, firstToken: Int32(pos), endToken: Int32(pos + 1), start: tok.start, end: tok.end,
                                     sentence: tok.sentence))
                }
                for e in compiled.phraseStarts[Int(u)] {
                    let entry = entries[Int(e)]
                    if let last = matchPhrase(entry, from: pos, tokens: tokens) {
                        raw.append(Match(entry: e, firstToken: Int32(pos), endToken: Int32(last + 1), start: tok.start,
                                         end: tokens[last].end, sentence: tok.sentence))
                    }
                }
            }
        }
        let themeCount = compiled.codebook.themes.count
        var byTheme = Array(repeating: [Match](), count: themeCount)
        for m in raw { byTheme[entries[Int(m.entry)].theme].append(m) }
        var coded = Array(repeating: false, count: themeCount)
        var results: [ThemeHit?] = Array(repeating: nil, count: themeCount)
        for t in 0..<themeCount where !byTheme[t].isEmpty {
            let kept = Self.resolveOverlaps(byTheme[t])
            let score = kept.reduce(0.0) { $0 + entries[Int($1.entry)].weight }
            if score >= compiled.codebook.themes[t].minScore {
                coded[t] = true
                results[t] = ThemeHit(theme: t, score: score, matches: kept, viaChildren: false)
            }
        }
        // A parent theme counts when any descendant does.
        func propagate(_ t: Int) -> Bool {
            var any = coded[t]
            for c in compiled.children[t] where propagate(c) { any = true }
            if any && results[t] == nil {
                results[t] = ThemeHit(theme: t, score: 0, matches: [], viaChildren: true)
            }
            return any
        }
        for t in 0..<themeCount where compiled.codebook.themes[t].parent == nil { _ = propagate(t) }
        return CodedAnswer(hits: results.compactMap { $0 }, tokenCount: n)
    }

    /// Longest-match-wins selection of non-overlapping matches, returned in text order.
    static func resolveOverlaps(_ matches: [Match]) -> [Match] {
        if matches.count == 1 { return matches }
        let ordered = matches.sorted {
            let l0 = $0.endToken - $0.firstToken, l1 = $1.endToken - $1.firstToken
            if l0 != l1 { return l0 > l1 }
            if $0.firstToken != $1.firstToken { return $0.firstToken < $1.firstToken }
            return $0.entry < $1.entry
        }
        // Token occupancy instead of comparing with every kept match: linear, not quadratic, in a 10 MB answer.
        var kept: [Match] = []
        let upper = Int(ordered.map(\.endToken).max() ?? 0)
        var taken = [Bool](repeating: false, count: upper + 1)
        for m in ordered {
            let range = Int(m.firstToken)..<Int(m.endToken)
            if range.contains(where: { taken[$0] }) { continue }
            for t in range { taken[t] = true }
            kept.append(m)
        }
        return kept.sorted { $0.firstToken < $1.firstToken }
    }

    /// Index of the last token of a phrase match starting at `pos`, or nil.
    private func matchPhrase(_ entry: CompiledCodebook.CompiledEntry, from pos: Int, tokens: [Token]) -> Int? {
        func step(_ k: Int, _ at: Int) -> Int? {
            if k == entry.units.count { return at - 1 }
            let maxGap = entry.gaps[k - 1]
            var q = at
            while q < tokens.count && q <= at + maxGap {
                if compiled.type(tokens[q].type, matches: entry.units[k]), let end = step(k + 1, q + 1) { return end }
                q += 1
            }
            return nil
        }
        return step(1, pos + 1)
    }

    @inline(__always)
    private func bytesEqual(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ exact: [UInt8]) -> Bool {
        guard e - s == exact.count else { return false }
        for k in 0..<exact.count where text[s + k] != exact[k] { return false }
        return true
    }
}

extension CodedAnswer {
    /// Evidence as one line: `theme[entry «matched text»; …] | …`, themes in codebook order.
    public func evidence(text: String, compiled: CompiledCodebook) -> String {
        let bytes = Array(text.utf8)
        var parts: [String] = []
        for hit in hits where !hit.viaChildren {
            let items = hit.matches.map { m -> String in
                let matched = String(decoding: bytes[Int(m.start)..<Int(m.end)], as: UTF8.self)
                    .split(whereSeparator: { $0.isNewline }).joined(separator: " ")
                return "\(compiled.entries[Int(m.entry)].label) «\(matched)»"
            }
            parts.append("\(compiled.codebook.themes[hit.theme].id)[\(items.joined(separator: "; "))]")
        }
        return parts.joined(separator: " | ")
    }
}
