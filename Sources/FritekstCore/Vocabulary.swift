/// Integer id of a word type in a `Vocabulary`.
public typealias TypeID = Int32

/// Interns word types (strings) to dense integer ids and back.
public struct Vocabulary: Sendable {
    private var ids: [String: TypeID] = [:]
    private(set) public var types: [String] = []

    /// Creates an empty vocabulary.
    public init() {}

    /// Number of distinct types.
    public var count: Int { types.count }

    /// The id of `type`, adding it if new.
    public mutating func intern(_ type: String) -> TypeID {
        if let id = ids[type] { return id }
        let id = TypeID(types.count)
        ids[type] = id
        types.append(type)
        return id
    }

    /// The id of `type` if known.
    public func id(of type: String) -> TypeID? { ids[type] }

    /// The string of an id.
    public subscript(id: TypeID) -> String { types[Int(id)] }
}

/// What a token is: a word, a number, an abbreviation, an e-mail address, a URL or a symbol.
public enum TokenKind: UInt8, Sendable, Codable {
    case word, number, abbreviation, email, url, symbol
}

/// One token of an answer: its normalised type, its byte range in the original text, and its sentence.
public struct Token: Sendable, Equatable {
    /// Id of the case-folded, normalised form.
    public var type: TypeID
    /// Byte offset where the token starts in the original UTF-8 text.
    public var start: Int32
    /// Byte offset one past the token's end in the original UTF-8 text.
    public var end: Int32
    /// 0-based sentence index within the answer.
    public var sentence: Int32
    /// What kind of token this is.
    public var kind: TokenKind

    /// Creates a token.
    public init(type: TypeID, start: Int32, end: Int32, sentence: Int32, kind: TokenKind = .word) {
        self.type = type
        self.start = start
        self.end = end
        self.sentence = sentence
        self.kind = kind
    }
}
