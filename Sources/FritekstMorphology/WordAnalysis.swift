/// Morphological analysis of one word type.
public struct WordAnalysis: Sendable, Equatable, Codable {
    /// Snowball norwegian stem of the lower-cased word.
    public var stem: String
    /// The chosen lemma (lower-case).
    public var lemma: String
    /// All lemma candidates, chosen first.
    public var lemmas: [String]
    /// Compound parts as lemmas; empty when the word is not a compound. Hyphenated words give
    /// the lemmas of their pieces (`må-oppgavene` -> `["må", "oppgave"]`).
    public var parts: [String]
    /// True when found in the nb or nn dictionary (directly, via a lemma table, or as a valid compound).
    public var known: Bool
    /// For unknown words: a known word one edit away, else nil.
    public var suggestion: String?
    /// `.bokmal` / `.nynorsk` when only one dictionary knows the word; nil when both or neither.
    public var variety: Variety?

    /// Creates an analysis from its fields.
    public init(stem: String, lemma: String, lemmas: [String], parts: [String], known: Bool,
                suggestion: String?, variety: Variety?) {
        self.stem = stem
        self.lemma = lemma
        self.lemmas = lemmas
        self.parts = parts
        self.known = known
        self.suggestion = suggestion
        self.variety = variety
    }
}

/// The written standard a word form belongs to.
public enum Variety: String, Sendable, Codable {
    /// Bokmål.
    case bokmal
    /// Nynorsk.
    case nynorsk
}
