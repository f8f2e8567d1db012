import Foundation
import FritekstCore

/// Which input columns hold the id, the open answer and the grouping variables.
public struct ColumnMapping: Sendable, Equatable {
    /// Id column; nil numbers respondents by row.
    public var id: String?
    /// Column with the open answer.
    public var text: String
    /// Grouping variables to keep (role, employer, …); all other columns are kept too.
    public var groups: [String]
    /// All open-answer columns when there are several (`text` is the first). Their answers are joined,
    /// separated by a blank line, into one text to code together; each answer also stays in `fields`.
    public var texts: [String]
    /// Column renames applied to the input header before any other name is looked up (old → new); absent old names are ignored.
    public var renames: [String: String] = [:]

    /// Creates a mapping.
    public init(id: String? = "id", text: String = "text", groups: [String] = []) {
        self.id = id
        self.text = text
        self.groups = groups
        self.texts = [text]
    }

    /// Creates a mapping with several open-answer columns coded together (see `texts`).
    public init(id: String?, texts: [String], groups: [String] = []) {
        self.id = id
        self.text = texts.first ?? "text"
        self.groups = groups
        self.texts = texts.isEmpty ? ["text"] : texts
    }

    /// Turns table rows into responses, checking that every named column exists.
    public func responses(from table: Table, file: String, accounting: inout RowAccounting) throws -> [Response] {
        var mapper = try RowMapper(mapping: self, header: table.header, file: file)
        var out: [Response] = []
        out.reserveCapacity(table.rows.count)
        for (k, row) in table.rows.enumerated() {
            out.append(mapper.response(row, line: table.rowLines[k], accounting: &accounting))
        }
        mapper.finish(&accounting)
        return out
    }
}

/// Maps the rows of one input to responses one at a time (for inputs streamed in batches).
public struct RowMapper {
    private let idIndex: Int?
    private let textIndex: Int
    private let textIndices: [Int]
    private let header: [String]
    private let keep: [Int]
    private let file: String
    private let idName: String
    private var seen = Set<String>()
    private var duplicates: [String] = []
    private var row = 0

    /// Checks the header against `mapping` (after its renames); `keepFields`, when given, limits the fields kept per response.
    public init(mapping: ColumnMapping, header: [String], file: String, keepFields: Set<String>? = nil) throws {
        var names = header
        if !mapping.renames.isEmpty {
            // A rename whose old name is absent is ignored: waves often name the same question differently,
            // and a column that is still missing after renaming is reported below.
            names = names.map { mapping.renames[$0] ?? $0 }
            if Set(names).count != names.count {
                throw FritekstError(.usage, "renaming gives two columns the same name (\(names.joined(separator: ", ")))", file: file)
            }
        }
        func need(_ name: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw FritekstError(.input, "no such column (columns are: \(names.joined(separator: ", ")))",
                                    file: file, line: 1, column: name)
            }
            return i
        }
        idIndex = try mapping.id.map(need)
        textIndex = try need(mapping.text)
        textIndices = mapping.texts.count > 1 ? try mapping.texts.map(need) : [textIndex]
        for g in mapping.groups { _ = try need(g) }
        let several = textIndices.count > 1
        let text = textIndex
        keep = names.indices.filter { (several || $0 != text) && keepFields?.contains(names[$0]) != false }
        self.header = names
        self.file = file
        idName = mapping.id ?? "row"
    }

    /// The response of the next data row (counted as answered or empty in `accounting`).
    public mutating func response(_ cells: [String], line: Int, accounting: inout RowAccounting) -> Response {
        row += 1
        let rid = idIndex.map { cells[$0].trimmedWhitespace } ?? String(row)
        if !seen.insert(rid).inserted { duplicates.append(rid) }
        var fields: [String: String] = [:]
        fields.reserveCapacity(keep.count)
        for c in keep { fields[header[c]] = cells[c] }
        let text = textIndices.count > 1
            ? textIndices.map { cells[$0] }.filter { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }.joined(separator: "\n\n")
            : cells[textIndex]
        let r = Response(id: rid, row: row, line: line, fields: fields, text: text)
        if r.isAnswered { accounting.answered += 1 } else { accounting.empty += 1 }
        return r
    }

    /// Records the duplicate ids seen, with a warning naming the first few.
    public func finish(_ accounting: inout RowAccounting) {
        guard !duplicates.isEmpty else { return }
        accounting.duplicateIDs += duplicates
        let shown = duplicates.prefix(5).joined(separator: ", ")
        accounting.warnings.append("\(file): \(duplicates.count) duplicate id(s) in column '\(idName)': \(shown)")
    }
}
