import FritekstText

/// A place in a codebook file.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Creates a location.
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One element of a single-token pattern: what a token must be to match.
public enum TokenPattern: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// This exact word (case-folded unless the entry is case-sensitive).
    case word(String)
    /// A quanteda-style glob (`*` any run, `?` one character) over the whole case-folded token.
    case glob(String)
    /// Any inflection of this lemma.
    case lemma(String)
    /// The lemma as the whole word or as one part of a compound.
    case part(String)
    /// An anchored regular expression over the case-folded token.
    case regex(String)

    /// `kind:value`, as written in evidence.
    public var description: String {
        switch self {
        case .word(let s): return "word:\(s)"
        case .glob(let s): return "glob:\(s)"
        case .lemma(let s): return "lemma:\(s)"
        case .part(let s): return "part:\(s)"
        case .regex(let s): return "regex:\(s)"
        }
    }
}

/// An entry's pattern: one token, or a phrase of tokens with optional gaps.
public enum EntryPattern: Sendable, Equatable {
    /// A single-token pattern.
    case token(TokenPattern)
    /// Consecutive elements; `gaps[k]` is how many tokens may stand between element k and k+1.
    case phrase([TokenPattern], gaps: [Int])
}

/// One codebook entry with its weight and where it was written.
public struct Entry: Sendable, Equatable {
    public var pattern: EntryPattern
    public var weight: Double
    public var caseSensitive: Bool
    public var location: SourceLocation?

    /// Creates an entry.
    public init(pattern: EntryPattern, weight: Double = 1, caseSensitive: Bool = false, location: SourceLocation? = nil) {
        self.pattern = pattern
        self.weight = weight
        self.caseSensitive = caseSensitive
        self.location = location
    }

    /// The entry as written in evidence (`part:tiltak`, `phrase:"tid til oppfølging"`).
    public var label: String {
        switch pattern {
        case .token(let t): return t.description
        case .phrase(let elements, let gaps):
            var s = ""
            for (k, e) in elements.enumerated() {
                if k > 0 { s += gaps[k - 1] > 0 ? " ~\(gaps[k - 1]) " : " " }
                switch e {
                case .glob(let g): s += g
                default: s += e.description
                }
            }
            return "phrase:\"\(s)\""
        }
    }
}

/// A theme (category) of the codebook.
public struct Theme: Sendable, Equatable {
    public var id: String
    public var label: String
    public var labelEnglish: String?
    public var definition: String?
    public var parent: String?
    public var minScore: Double
    public var entries: [Entry]
    public var location: SourceLocation?

    /// Creates a theme.
    public init(id: String, label: String? = nil, labelEnglish: String? = nil, definition: String? = nil, parent: String? = nil,
                minScore: Double = 1, entries: [Entry] = [], location: SourceLocation? = nil) {
        self.id = id
        self.label = label ?? id
        self.labelEnglish = labelEnglish
        self.definition = definition
        self.parent = parent
        self.minScore = minScore
        self.entries = entries
        self.location = location
    }
}

/// A codebook: ordered themes with their entries, plus how texts must be tokenised for it.
public struct Codebook: Sendable, Equatable {
    /// The format the codebook was read from.
    public enum Format: String, Sendable { case fritekst, quanteda }

    public var name: String
    public var version: String?
    public var format: Format
    public var themes: [Theme]
    public var file: String?

    /// Creates a codebook.
    public init(name: String, version: String? = nil, format: Format, themes: [Theme], file: String? = nil) {
        self.name = name
        self.version = version
        self.format = format
        self.themes = themes
        self.file = file
    }

    /// Tokenizer mode the codebook's patterns assume.
    public var tokenizerMode: TokenizerMode { format == .quanteda ? .quanteda : .norwegian }

    /// True when any entry needs lemmas or compound parts.
    public var needsMorphology: Bool {
        themes.contains { t in
            t.entries.contains { e in
                let elements: [TokenPattern]
                switch e.pattern {
                case .token(let p): elements = [p]
                case .phrase(let ps, _): elements = ps
                }
                return elements.contains { if case .lemma = $0 { return true }; if case .part = $0 { return true }; return false }
            }
        }
    }
}
