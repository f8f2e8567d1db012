/// Nynorsk -> bokmål lemma mapping.
///
/// A compact table (`LemmaTables.nynorsk`) covers function words and lexical differences;
/// suffix and spelling rules cover the regular rest. A rule fires only when the nynorsk lemma
/// is not itself a solid bokmål lemma (an nb entry with the compound flag z) and its result
/// is an nb base entry:
/// - agent nouns -ar -> -er: brukar -> bruker, lærar -> lærer (their -arar/-arane plurals
///   already lemmatise to -ar through nn_NO);
/// - verbs, present -ar -> infinitive -e: overprøvar -> overprøve;
/// - adjectives -leg -> -lig: vanskeleg -> vanskelig;
/// - nouns -heit -> -het;  spelling kj -> k (tenkje -> tenke) and å -> a (oppgåve -> oppgave).
extension MorphologyEngine {
    /// The bokmål lemma for a nynorsk lemma, or nil when there is none (or it is the same).
    func mapNynorsk(_ l: String) -> String? {
        if let t = LemmaTables.nynorsk[l] { return t }
        let nbFlags = nbEntries[l]
        if nbFlags.exists && nbFlags.has(UInt8(ascii: "z")) { return nil }
        guard nnEntries[l].exists || !nbFlags.exists else { return nil }
        let n = l.unicodeScalars.count
        if n >= 5 && l.hasSuffix("ar") {
            let agent = String(l.dropLast(2)) + "er"
            if nbEntries[agent].exists { return agent }
            let verb = String(l.dropLast(2)) + "e"
            if nbEntries[verb].exists && isVerbLemma(verb) { return verb }
        }
        if n >= 6 && l.hasSuffix("leg") {
            let adj = String(l.dropLast(3)) + "lig"
            if nbEntries[adj].exists { return adj }
        }
        if n >= 6 && l.hasSuffix("heit") {
            let noun = String(l.dropLast(4)) + "het"
            if nbEntries[noun].exists { return noun }
        }
        for (from, to) in [("kj", "k"), ("å", "a")] where l.contains(from) {
            let m = l.replacingFirst(from, with: to)
            if m != l && nbEntries[m].exists && nbEntries[m].has(UInt8(ascii: "z")) { return m }
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
