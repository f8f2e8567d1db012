/// One respondent's record: identifier, background fields, and the open answer.
public struct Response: Sendable, Equatable {
    /// Respondent id as given in the input (or the row number when no id column).
    public var id: String
    /// 1-based data row number in the input (header not counted).
    public var row: Int
    /// Line in the input file where the record starts (1-based), for messages.
    public var line: Int
    /// Background variables by column name (role, employer, office, …).
    public var fields: [String: String]
    /// The open answer as read (original form, before normalisation).
    public var text: String

    /// Creates a response.
    public init(id: String, row: Int, line: Int, fields: [String: String], text: String) {
        self.id = id
        self.row = row
        self.line = line
        self.fields = fields
        self.text = text
    }

    /// True when the answer has any non-whitespace character.
    public var isAnswered: Bool { Response.isAnswered(text) }

    /// True when `text` has any non-whitespace character (hot loops call this with the text alone, so that the
    /// whole response is not copied).
    public static func isAnswered(_ text: String) -> Bool {
        // Most answers start with an ASCII letter: decided on the first byte, without Unicode property lookups.
        for b in text.utf8 {
            if b >= 0x80 { return text.unicodeScalars.contains { !$0.properties.isWhitespace } }
            if b != 0x20 && !(0x09...0x0D).contains(b) { return true }
        }
        return false
    }
}

/// A rectangular table of string cells with the input line each row began on.
public struct Table: Sendable {
    /// Column names, cleaned and unique.
    public var header: [String]
    /// Data rows; each has exactly `header.count` cells.
    public var rows: [[String]]
    /// For each row, the 1-based line in the file where it began.
    public var rowLines: [Int]

    /// Creates a table.
    public init(header: [String], rows: [[String]], rowLines: [Int]) {
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }

    /// Index of a column by name, or nil.
    public func columnIndex(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// Accounting of every input row: read, answered, empty, skipped with its reason.
public struct RowAccounting: Sendable, Equatable, Codable {
    /// A row that was not coded, and why.
    public struct Skip: Sendable, Equatable, Codable, CustomStringConvertible {
        public var file: String?
        public var line: Int
        public var reason: String
        /// Creates a skip record.
        public init(file: String? = nil, line: Int, reason: String) { self.file = file; self.line = line; self.reason = reason }
        /// `file:line: reason`.
        public var description: String { (file.map { "\($0):" } ?? "line ") + "\(line): \(reason)" }
    }

    public var rowsRead = 0
    public var answered = 0
    public var empty = 0
    public var skipped: [Skip] = []
    public var duplicateIDs: [String] = []
    public var warnings: [String] = []

    /// Creates empty accounting.
    public init() {}

    /// Rows that were coded (answered or empty), i.e. not skipped.
    public var coded: Int { answered + empty }

    /// Adds another input's accounting, its skips marked with that input's file.
    public mutating func absorb(_ other: RowAccounting, file: String) {
        rowsRead += other.rowsRead
        answered += other.answered
        empty += other.empty
        skipped += other.skipped.map { Skip(file: $0.file ?? file, line: $0.line, reason: $0.reason) }
        duplicateIDs += other.duplicateIDs
        warnings += other.warnings
    }
}

extension String {
    /// The string without leading and trailing whitespace; a byte scan for the common case (no Foundation).
    public var trimmedWhitespace: String {
        let u = utf8
        guard let f = u.first, let l = u.last else { return self }
        let plainEdges = f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80
        if plainEdges { return self }
        return String(unicodeScalars.drop(while: { $0.properties.isWhitespace }).reversed().drop(while: { $0.properties.isWhitespace }).reversed()
            .map(Character.init))
    }
}
