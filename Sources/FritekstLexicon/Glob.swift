/// A quanteda-style glob: `*` matches any run of characters (also none), `?` exactly one; whole-token match.
public struct Glob: Sendable, Hashable {
    /// The pattern as written (case-folded).
    public let pattern: String
    private let scalars: [Unicode.Scalar]
    /// The literal text before the first wildcard.
    public let literalPrefix: String
    /// True when the pattern has no wildcard.
    public let isLiteral: Bool

    /// Compiles `pattern`.
    public init(_ pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
        let prefix = scalars.prefix { $0 != "*" && $0 != "?" }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: prefix)
        literalPrefix = String(s)
        isLiteral = prefix.count == scalars.count
    }

    /// True when the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        if isLiteral { return text == pattern }
        if !literalPrefix.isEmpty && !text.hasPrefix(literalPrefix) { return false }
        return Glob.match(scalars[...], Array(text.unicodeScalars)[...])
    }

    /// Iterative wildcard matching with single backtracking point (linear in practice).
    static func match(_ p: ArraySlice<Unicode.Scalar>, _ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex, ti = t.startIndex
        var star = -1, mark = 0
        while ti < t.endIndex {
            if pi < p.endIndex && (p[pi] == "?" || (p[pi] != "*" && p[pi] == t[ti])) {
                pi += 1; ti += 1
            } else if pi < p.endIndex && p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.endIndex && p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }
}
