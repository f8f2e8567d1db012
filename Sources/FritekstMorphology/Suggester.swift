/// Spelling suggestions for unknown words.
///
/// Hunspell's own suggestions (nb, then nn) are taken in Hunspell's order, keeping only
/// single words one edit away (optimal string alignment: transposition of two neighbours,
/// deletion, substitution, insertion) that a dictionary knows directly. When Hunspell offers
/// none, candidates one edit away are generated in the order transposition, deletion,
/// substitution, insertion and checked against nb and nn; the first class with a hit wins,
/// inside it a base entry with the compound flag z, then the earliest edit.
extension MorphologyEngine {
    /// Letters tried for substitutions and insertions.
    private static let alphabet: [Unicode.Scalar] = Array("abcdefghijklmnopqrstuvwxyzæøåé".unicodeScalars)

    /// A known word one edit away from the lower-case word `w`, or nil. Words shorter than
    /// four letters and words with digits or other non-letters are skipped.
    func suggest(_ w: String) -> String? {
        if skipSuggestions { return nil }
        let s = Array(w.unicodeScalars)
        guard s.count >= 4, s.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        for dict in [nb, nn] {
            for c in dict.suggestions(w) {
                let lc = c.lowercased()
                if lc != w, editDistanceIsOne(s, Array(lc.unicodeScalars)), isSuggestable(lc) { return lc }
            }
        }
        var seen: Set<String> = [w]
        func pick(_ cands: [String]) -> String? {
            var hits: [String] = []
            for c in cands where seen.insert(c).inserted && isSuggestable(c) { hits.append(c) }
            return hits.first(where: { hasZ($0) }) ?? hits.first
        }
        var transpositions: [String] = []
        for i in 0..<(s.count - 1) where s[i] != s[i + 1] {
            var t = s
            t.swapAt(i, i + 1)
            transpositions.append(string(t[...]))
        }
        if let hit = pick(transpositions) { return hit }
        var deletions: [String] = []
        for i in 0..<s.count {
            var t = s
            t.remove(at: i)
            deletions.append(string(t[...]))
        }
        if let hit = pick(deletions) { return hit }
        var substitutions: [String] = []
        for i in 0..<s.count {
            for a in Self.alphabet where a != s[i] {
                var t = s
                t[i] = a
                substitutions.append(string(t[...]))
            }
        }
        if let hit = pick(substitutions) { return hit }
        var insertions: [String] = []
        for i in 0...s.count {
            for a in Self.alphabet {
                var t = s
                t.insert(a, at: i)
                insertions.append(string(t[...]))
            }
        }
        return pick(insertions)
    }

    /// A candidate is offered when it is a single word that nb or nn knows directly.
    private func isSuggestable(_ c: String) -> Bool {
        guard !c.unicodeScalars.contains(where: { $0 == " " || $0 == "-" }), nb.spell(c) || nn.spell(c) else { return false }
        return !readings(c).direct.isEmpty
    }
}

/// True when `a` and `b` are exactly one edit apart (insertion, deletion, substitution, or a
/// transposition of two neighbouring letters).
func editDistanceIsOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    if a == b { return false }
    let (m, n) = (a.count, b.count)
    if abs(m - n) > 1 { return false }
    var i = 0
    while i < min(m, n) && a[i] == b[i] { i += 1 }
    if m == n {
        if a[(i + 1)...] == b[(i + 1)...] { return true }                     // substitution
        return i + 1 < m && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }
    if m > n { return a[(i + 1)...] == b[i...] }                              // deletion
    return a[i...] == b[(i + 1)...]                                           // insertion
}
