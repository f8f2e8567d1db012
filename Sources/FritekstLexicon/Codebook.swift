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

/// One side of a rule: a single-token pattern or a reference to a whole theme (`#theme`).
public enum RuleTerm: Sendable, Equatable, CustomStringConvertible {
    case token(TokenPattern)
    case theme(String)

    /// As written in evidence.
    public var description: String {
        switch self {
        case .token(let p): return p.description
        case .theme(let t): return "#\(t)"
        }
    }
}

/// A WordStat-style proximity rule: A near / not near / before / after B within a window.
public struct Rule: Sendable, Equatable {
    /// How A must relate to B.
    public enum Operator: String, Sendable, Equatable {
        case near, notNear = "not_near", before, after

        /// Operators in the order the loader looks for them.
        public static let allCasesInOrder: [Operator] = [.near, .notNear, .before, .after]
    }
    /// Where the window applies.
    public enum Scope: String, Sendable, Equatable {
        case sentence, answer
    }

    public var op: Operator
    public var a: [RuleTerm]
    public var b: [RuleTerm]
    /// Largest distance in tokens between A and B.
    public var window: Int
    public var scope: Scope
    public var weight: Double
    public var location: SourceLocation?

    /// Creates a rule.
    public init(op: Operator, a: [RuleTerm], b: [RuleTerm], window: Int = 5, scope: Scope = .sentence, weight: Double = 1,
                location: SourceLocation? = nil) {
        self.op = op
        self.a = a
        self.b = b
        self.window = window
        self.scope = scope
        self.weight = weight
        self.location = location
    }

    /// The rule as written in evidence: `near(lemma:vedtak; #samarbeid_nay /5)`.
    public var label: String {
        "\(op.rawValue)(\(a.map(\.description).joined(separator: "|")); \(b.map(\.description).joined(separator: "|")) /\(window)\(scope == .answer ? " answer" : ""))"
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
    /// Proximity rules that add matches.
    public var rules: [Rule]
    /// Entries whose matches block this theme's matches that overlap them.
    public var exclusions: [Entry]
    /// A helper theme (e.g. negations) used by references but not written as a column.
    public var hidden: Bool
    public var location: SourceLocation?

    /// Creates a theme.
    public init(id: String, label: String? = nil, labelEnglish: String? = nil, definition: String? = nil, parent: String? = nil,
                minScore: Double = 1, entries: [Entry] = [], rules: [Rule] = [], exclusions: [Entry] = [], hidden: Bool = false,
                location: SourceLocation? = nil) {
        self.rules = rules
        self.exclusions = exclusions
        self.hidden = hidden
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
        func morph(_ p: TokenPattern) -> Bool {
            if case .lemma = p { return true }
            if case .part = p { return true }
            return false
        }
        func entryNeeds(_ e: Entry) -> Bool {
            switch e.pattern {
            case .token(let p): return morph(p)
            case .phrase(let ps, _): return ps.contains(where: morph)
            }
        }
        return themes.contains { t in
            t.entries.contains(where: entryNeeds) || t.exclusions.contains(where: entryNeeds)
                || t.rules.contains { r in (r.a + r.b).contains { if case .token(let p) = $0 { return morph(p) }; return false } }
        }
    }

    /// Themes written as output columns (all but hidden helper themes), with their indices.
    public var visibleThemes: [(index: Int, theme: Theme)] {
        themes.enumerated().filter { !$0.element.hidden }.map { ($0.offset, $0.element) }
    }
}
