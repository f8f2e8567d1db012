import Foundation

/// Memoised per-type morphology; thread-safe.
///
/// One instance holds two Hunspell handles (nb_NO, nn_NO), one Snowball stemmer, the base
/// entries of both dictionaries and a memo keyed by the lower-cased word. None of the C
/// handles is thread-safe, so every call runs under one lock. Call `analyze` once per distinct
/// vocabulary type, not per token.
public final class Morphology: @unchecked Sendable {
    private let lock = NSLock()
    private let engine: MorphologyEngine

    /// Opens `nb_NO` and `nn_NO` (`.aff` + `.dic`) in `dictionaryDirectory`; `lemmaTable`
    /// (lower-case form -> lemma) overrides the built-in tables. Throws
    /// `MorphologyError.missingDictionary(path:)` naming the first missing file.
    public init(dictionaryDirectory: String = "/usr/share/hunspell", lemmaTable: [String: String] = [:]) throws {
        engine = try MorphologyEngine(directory: dictionaryDirectory, userTable: lemmaTable)
    }

    /// Analyses one word type (any case); the result is memoised by the lower-cased form.
    /// Without `withSuggestion` no spelling suggestion is looked for (much faster for unknown words).
    public func analyze(_ word: String, withSuggestion: Bool = true) -> WordAnalysis {
        lock.lock()
        defer { lock.unlock() }
        return engine.analyze(word, withSuggestion: withSuggestion)
    }

    /// The Snowball norwegian stem of the lower-cased word (not memoised; it is cheap).
    public func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        return engine.stemmer.stem(word.lowercased())
    }

    /// The number of word types memoised so far.
    public var cacheCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return engine.memo.count
    }
}
