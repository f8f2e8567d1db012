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
        var table = table
        if !renames.isEmpty {
            // A rename whose old name is absent is ignored: waves often name the same question differently,
            // and a column that is still missing after renaming is reported below.
            table.header = table.header.map { renames[$0] ?? $0 }
            if Set(table.header).count != table.header.count {
                throw FritekstError(.usage, "renaming gives two columns the same name (\(table.header.joined(separator: ", ")))", file: file)
            }
        }
        func need(_ name: String) throws -> Int {
            guard let i = table.columnIndex(name) else {
                throw FritekstError(.input, "no such column (columns are: \(table.header.joined(separator: ", ")))",
                                    file: file, line: 1, column: name)
            }
            return i
        }
        let idIndex = try id.map(need)
        let textIndex = try need(text)
        let textIndices = texts.count > 1 ? try texts.map(need) : [textIndex]
        for g in groups { _ = try need(g) }
        var out: [Response] = []
        out.reserveCapacity(table.rows.count)
        var seen = Set<String>()
        for (k, row) in table.rows.enumerated() {
            let rid: String
            if let idIndex {
                rid = row[idIndex].trimmedWhitespace
            } else {
                rid = String(k + 1)
            }
            if !seen.insert(rid).inserted { accounting.duplicateIDs.append(rid) }
            var fields: [String: String] = [:]
            let several = textIndices.count > 1
            for (c, name) in table.header.enumerated() where several || c != textIndex { fields[name] = row[c] }
            let text = several
                ? textIndices.map { row[$0] }.filter { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }.joined(separator: "\n\n")
                : row[textIndex]
            let r = Response(id: rid, row: k + 1, line: table.rowLines[k], fields: fields, text: text)
            if r.isAnswered { accounting.answered += 1 } else { accounting.empty += 1 }
            out.append(r)
        }
        if !accounting.duplicateIDs.isEmpty {
            let shown = accounting.duplicateIDs.prefix(5).joined(separator: ", ")
            accounting.warnings.append("\(file): \(accounting.duplicateIDs.count) duplicate id(s) in column '\(id ?? "row")': \(shown)")
        }
        return out
    }
}
