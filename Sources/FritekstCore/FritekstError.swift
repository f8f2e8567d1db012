import Foundation

/// An error about an input, codebook or output, located by file, line (or row) and column where known.
public struct FritekstError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is; decides the process exit code.
    public enum Kind: String, Sendable {
        case input, codebook, pipeline, output, usage
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: String?
    /// 1-based character column within the line (codebooks, pipeline files).
    public var position: Int?
    public var message: String

    /// Creates an error with an optional location.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: String? = nil,
                position: Int? = nil) {
        self.kind = kind
        self.position = position
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// One line: `file:line: column 'x': message`.
    public var description: String {
        var location = ""
        if let file { location = file }
        if let line { location += location.isEmpty ? "line \(line)" : ":\(line)" }
        if let position, line != nil { location += ":\(position)" }
        if let column {
            location += location.isEmpty ? "column '\(column)'" : ": column '\(column)'"
        }
        return location.isEmpty ? message : "\(location): \(message)"
    }

    /// Process exit code for this kind of error (documented in README).
    public var exitCode: Int32 {
        switch kind {
        case .input: return 3
        case .codebook: return 4
        case .pipeline: return 5
        case .output: return 6
        case .usage: return 64
        }
    }
}
