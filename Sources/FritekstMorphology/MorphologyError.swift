/// Errors raised while setting up morphology resources.
public enum MorphologyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Hunspell `.aff` or `.dic` file does not exist at the given path.
    case missingDictionary(path: String)
    /// Hunspell could not open the dictionary at the given path.
    case cannotOpenDictionary(path: String)
    /// The Snowball stemmer for the named algorithm could not be created.
    case stemmerUnavailable(algorithm: String)

    /// A human-readable message that names the offending path or algorithm.
    public var description: String {
        switch self {
        case .missingDictionary(let path): return "Hunspell dictionary file not found: \(path)"
        case .cannotOpenDictionary(let path): return "Hunspell could not open dictionary: \(path)"
        case .stemmerUnavailable(let algorithm): return "Snowball stemmer unavailable: \(algorithm)"
        }
    }
}
