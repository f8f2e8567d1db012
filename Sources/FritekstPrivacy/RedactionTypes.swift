/// The kinds of personal data the redactor replaces, each with its typed marker.
public enum RedactionKind: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Fødselsnummer, D-nummer, H-nummer or synthetic test number (11 digits, both mod-11 check digits valid).
    case fnr
    /// Norwegian phone number (8 digits, optionally +47/0047).
    case tlf
    /// E-mail address.
    case epost
    /// Bank account number (11 digits, mod-11).
    case konto
    /// A person's name (shipped lists or a user list).
    case navn
    /// A URL that carries a personal identifier.
    case url

    /// The marker written in place of the identifier, e.g. `[FNR]`.
    public var marker: String {
        switch self {
        case .fnr: "[FNR]"
        case .tlf: "[TLF]"
        case .epost: "[EPOST]"
        case .konto: "[KONTO]"
        case .navn: "[NAVN]"
        case .url: "[URL]"
        }
    }

    /// Upper-case short name used in summaries (`FNR`, `TLF`, …).
    public var description: String { String(marker.dropFirst().dropLast()) }

    /// The kind whose marker is `marker` (`[FNR]` → `.fnr`), or nil.
    public init?(marker: String) {
        guard let k = RedactionKind.allCases.first(where: { $0.marker == marker }) else { return nil }
        self = k
    }
}

/// One redacted stretch of an answer: kind and UTF-8 byte range in the original text.
public struct RedactionSpan: Sendable, Equatable, Hashable {
    /// What was found.
    public var kind: RedactionKind
    /// First byte (UTF-8 offset into the original text).
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a span.
    public init(kind: RedactionKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// Number of redactions per kind.
public struct RedactionCounts: Sendable, Equatable, Codable {
    private var storage = [Int](repeating: 0, count: RedactionKind.allCases.count)

    /// Creates zero counts.
    public init() {}

    /// Counts the kinds of `spans`.
    public init(spans: [RedactionSpan]) {
        for s in spans { storage[s.kind.rawValue] += 1 }
    }

    /// The count for one kind.
    public subscript(kind: RedactionKind) -> Int {
        get { storage[kind.rawValue] }
        set { storage[kind.rawValue] = newValue }
    }

    /// All redactions together.
    public var total: Int { storage.reduce(0, +) }

    /// Adds another set of counts.
    public static func += (lhs: inout RedactionCounts, rhs: RedactionCounts) {
        for k in lhs.storage.indices { lhs.storage[k] += rhs.storage[k] }
    }

    /// `FNR 1, TLF 3, EPOST 1, KONTO 0, NAVN 3, URL 0`.
    public var summary: String {
        RedactionKind.allCases.map { "\($0) \(self[$0])" }.joined(separator: ", ")
    }

    /// `FNR=1,TLF=3,…` for provenance.
    public var compact: String {
        RedactionKind.allCases.map { "\($0)=\(self[$0])" }.joined(separator: ",")
    }
}

/// A redacted answer: the text as outputs show it, the spans found in the original, and counts.
public struct Redacted: Sendable, Equatable {
    /// The answer with every identifier replaced by its marker.
    public var text: String
    /// Redacted spans in the original text (sorted, non-overlapping).
    public var spans: [RedactionSpan]
    /// Counts per kind.
    public var counts: RedactionCounts { RedactionCounts(spans: spans) }

    /// Creates a result.
    public init(text: String, spans: [RedactionSpan]) {
        self.text = text
        self.spans = spans
    }
}
