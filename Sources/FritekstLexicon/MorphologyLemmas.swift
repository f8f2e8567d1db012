import FritekstMorphology

extension Morphology: LemmaProvider {
    /// The chosen lemma (first) with the other candidates, and the compound parts, of a case-folded type.
    public func lemmaInfo(_ type: String) -> LemmaInfo {
        let a = analyze(type, withSuggestion: false)
        var lemmas = [a.lemma]
        for l in a.lemmas where !lemmas.contains(l) { lemmas.append(l) }
        return LemmaInfo(lemmas: lemmas, parts: a.parts)
    }

    /// True when the word is in the nb/nn dictionaries, the lemma table, or a valid compound.
    public func isKnownWord(_ word: String) -> Bool { analyze(word, withSuggestion: false).known }
}
