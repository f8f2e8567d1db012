/// Nynorsk -> bokmål lemma mapping.
///
/// A compact table (`LemmaTables.nynorsk`) covers function words and lexical differences;
/// suffix and spelling rules cover the regular rest. A rule fires only when the nynorsk lemma
/// is not itself a solid bokmål lemma (an nb entry with the compound flag z) and its result
/// is an nb base entry:
/// - agent nouns -ar -> -er: brukar -> bruker, lærar -> lærer (their -arar/-arane plurals
///   already lemmatise to -ar through nn_NO);
/// - verbs, present -ar -> infinitive -e: overprøvar -> overprøve;
/// - adjectives -leg -> -lig: vanskeleg -> vanskelig, also on a mapped noun: heilskapleg ->
///   helhetlig (heilskap -> helhet);
/// - nouns -heit -> -het, verbal nouns -ing -> -ning after -t or with the verb's bokmål spelling
///   (forvalting -> forvaltning, løysing -> løsning), compounds on tal -> tall
///   (måltal -> måltall), the participle vald/valt -> valgt (tillitsvald -> tillitsvalgt);
/// - spelling kj -> k (tenkje -> tenke), å -> a (oppgåve -> oppgave), sjuk- -> syk- (sjukdom).
extension MorphologyEngine {
    /// The bokmål lemma for a nynorsk lemma, or nil when there is none (or it is the same).
    func mapNynorsk(_ l: String) -> String? {
        if let t = LemmaTables.nynorsk[l] { return t }
        let nbFlags = nbEntries[l]
        if nbFlags.exists && nbFlags.has(UInt8(ascii: "z")) { return nil }
        let n = l.unicodeScalars.count
        // Verbal nouns that nynorsk derives with -ing and bokmål with -ning: after -t
        // (forvalting -> forvaltning) or with the verb's bokmål spelling (løysing -> løsning,
        // innløysing -> innløsning: øy -> ø, kj -> k, å -> a). nb_NO lists some of these
        // nynorsk forms as plain entries, so this comes before the test below.
        if n >= 6 && l.hasSuffix("ing") {
            let base = String(l.dropLast(3))
            for (from, to) in [("", ""), ("øy", "ø"), ("kj", "k"), ("å", "a")] {
                let b = from.isEmpty ? base : base.replacingFirst(from, with: to)
                guard from.isEmpty ? (n >= 7 && base.hasSuffix("t")) : b != base else { continue }
                if nbEntries[b + "ning"].has(UInt8(ascii: "z")) { return b + "ning" }
            }
        }
        guard nnEntries[l].exists || !nbFlags.exists else { return nil }
        if n >= 5 && l.hasSuffix("ar") {
            let agent = String(l.dropLast(2)) + "er"
            if nbEntries[agent].exists { return agent }
            let verb = String(l.dropLast(2)) + "e"
            if nbEntries[verb].exists && isVerbLemma(verb) { return verb }
        }
        if n >= 6 && l.hasSuffix("leg") {
            let adj = String(l.dropLast(3)) + "lig"
            if nbEntries[adj].exists { return adj }
            // an adjective derived from a noun that has a bokmål word of its own:
            // heilskapleg (heilskap) -> helhetlig (helhet)
            if let noun = mapNynorsk(String(l.dropLast(3))), nbEntries[noun + "lig"].exists { return noun + "lig" }
        }
        if n >= 6 && l.hasSuffix("heit") {
            let noun = String(l.dropLast(4)) + "het"
            if nbEntries[noun].exists { return noun }
        }
        // Compounds on tal (number): måltal -> måltall, nøkkeltal -> nøkkeltall.
        if n >= 6 && l.hasSuffix("tal") {
            let noun = l + "l"
            if nbEntries[noun].exists && !nnEntries[noun].exists { return noun }
        }
        // The participle of velje: tillitsvald / tillitsvalt -> tillitsvalgt.
        for end in ["vald", "valt"] where n >= 7 && l.hasSuffix(end) {
            let adj = String(l.dropLast(4)) + "valgt"
            if nbEntries[adj].exists { return adj }
        }
        // A compound that ends in a word of the table (trygdeyting -> trygdeytelse) when
        // bokmål has the result.
        for (k, v) in LemmaTables.nynorsk where k.unicodeScalars.count >= 5 && n > k.unicodeScalars.count + 2 && l.hasSuffix(k) {
            let m = String(l.dropLast(k.count)) + v
            if nbEntries[m].exists { return m }
        }
        for (from, to) in [("kj", "k"), ("å", "a")] where l.contains(from) {
            let m = l.replacingFirst(from, with: to)
            if m != l && nbEntries[m].exists && nbEntries[m].has(UInt8(ascii: "z")) { return m }
        }
        // sjuk- is syk- (sjukdom, sjukmelde, sjukefråvær -> sykdom, sykmelde, sykefravær),
        // alone or together with å -> a.
        if l.hasPrefix("sjuk") {
            let m = "syk" + l.dropFirst(4)
            if nbEntries[m].exists { return m }
            let m2 = m.replacingFirst("å", with: "a")
            if m2 != m && nbEntries[m2].exists { return m2 }
        }
        return nil
    }
}

extension String {
    /// A copy with the first occurrence of `target` replaced by `replacement`.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let t = Array(target.unicodeScalars)
        let s = Array(unicodeScalars)
        guard !t.isEmpty, s.count >= t.count else { return self }
        for i in 0...(s.count - t.count) where Array(s[i..<(i + t.count)]) == t {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[..<i])
            v.append(contentsOf: replacement.unicodeScalars)
            v.append(contentsOf: s[(i + t.count)...])
            return String(v)
        }
        return self
    }
}
