/// Spelling suggestions for unknown words.
///
/// Candidates one edit away (optimal string alignment: transposition of two neighbours,
/// deletion, substitution, insertion) are generated in that order of likelihood for typing
/// errors and checked first against nb, then against nn; the first class with a hit wins,
/// inside it a base entry with the compound flag z, then the earliest edit. Only words a
/// dictionary knows directly (not only as a Hunspell compound) are offered.
/// `Hunspell_suggest` is not used: it takes 0.1–0.8 s per long unknown word.
extension MorphologyEngine {
    /// Letters tried for substitutions and insertions.
    private static let alphabet: [Unicode.Scalar] = Array("abcdefghijklmnopqrstuvwxyzæøåé".unicodeScalars)

    /// A known word one edit away from the lower-case word `w`, or nil. Words shorter than
    /// four letters and words with digits or other non-letters are skipped.
    func suggest(_ w: String) -> String? {
        if skipSuggestions { return nil }
        let s = Array(w.unicodeScalars)
        guard s.count >= 4, s.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        // The edit must come no later than where the word stops looking like any dictionary
        // word (k), and each candidate must look like the start of a dictionary entry up to
        // its last three letters (room for an inflectional ending) before Hunspell is asked.
        // Typos inside compounds the word list does not hold are therefore not corrected.
        var k = 0
        var cur = prefixes.cursor()
        while k < s.count && prefixes.advance(&cur, scalar: s[k]) { k += 1 }
        func plausible(_ t: [Unicode.Scalar], editAt i: Int) -> Bool {
            prefixes.hasPrefix(t[0..<max(0, t.count - 3)])
        }
        var transpositions: [String] = []
        for i in 0..<(s.count - 1) where s[i] != s[i + 1] && i <= k {
            var t = s
            t.swapAt(i, i + 1)
            if plausible(t, editAt: i + 1) { transpositions.append(string(t[...])) }
        }
        var deletions: [String] = []
        for i in 0..<s.count where i <= k {
            var t = s
            t.remove(at: i)
            if plausible(t, editAt: i) { deletions.append(string(t[...])) }
        }
        var substitutions: [String] = []
        for i in 0..<s.count where i <= k {
            for a in Self.alphabet where a != s[i] {
                var t = s
                t[i] = a
                if plausible(t, editAt: i) { substitutions.append(string(t[...])) }
            }
        }
        var insertions: [String] = []
        for i in 0...s.count where i <= k {
            for a in Self.alphabet {
                var t = s
                t.insert(a, at: i)
                if plausible(t, editAt: i) { insertions.append(string(t[...])) }
            }
        }
        for dict in [nb, nn] {
            for cands in [transpositions, deletions, substitutions, insertions] {
                var seen: Set<String> = [w]
                var hits: [String] = []
                for c in cands where seen.insert(c).inserted && dict.spell(c) && !readings(c).direct.isEmpty {
                    hits.append(c)
                }
                if let hit = hits.first(where: { hasZ($0) }) ?? hits.first { return hit }
            }
        }
        return nil
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
