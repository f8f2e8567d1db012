import FritekstCore

/// One keyword-in-context line.
public struct KWICLine: Sendable, Equatable {
    public var id: String
    public var groups: [String]
    public var left: String
    public var match: String
    public var right: String
    /// What matched (entry or rule label).
    public var source: String
    /// 0-based sentence of the match.
    public var sentence: Int

    /// Creates a line.
    public init(id: String, groups: [String], left: String, match: String, right: String, source: String, sentence: Int) {
        self.id = id
        self.groups = groups
        self.left = left
        self.match = match
        self.right = right
        self.source = source
        self.sentence = sentence
    }
}

/// Builds concordance lines from token ranges in an answer.
public enum KWIC {
    /// Context of tokens `first..<end` with `window` tokens on each side, taken from the original text.
    public static func context(text: String, tokens: [Token], first: Int, end: Int, window: Int) -> (left: String, match: String, right: String) {
        let bytes = Array(text.utf8)
        func slice(_ s: Int32, _ e: Int32) -> String {
            guard s < e else { return "" }
            return String(decoding: bytes[Int(s)..<Int(e)], as: UTF8.self)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let leftStart = tokens[max(0, first - window)].start
        let rightEnd = tokens[min(tokens.count - 1, end - 1 + window)].end
        let left = first > 0 ? slice(leftStart, tokens[first].start) : ""
        let match = slice(tokens[first].start, tokens[end - 1].end)
        let right = end < tokens.count ? slice(tokens[end - 1].end, rightEnd) : ""
        return (left, match, right)
    }
}
