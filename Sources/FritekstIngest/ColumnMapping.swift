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

    /// Creates a mapping.
    public init(id: String? = "id", text: String = "text", groups: [String] = []) {
        self.id = id
        self.text = text
        self.groups = groups
    }

    /// Turns table rows into responses, checking that every named column exists.
    public func responses(from table: Table, file: String, accounting: inout RowAccounting) throws -> [Response] {
        func need(_ name: String) throws -> Int {
            guard let i = table.columnIndex(name) else {
                throw FritekstError(.input, "no such column (columns are: \(table.header.joined(separator: ", ")))",
                                    file: file, line: 1, column: name)
            }
            return i
        }
        let idIndex = try id.map(need)
        let textIndex = try need(text)
        for g in groups { _ = try need(g) }
        var out: [Response] = []
        out.reserveCapacity(table.rows.count)
        var seen = Set<String>()
        for (k, row) in table.rows.enumerated() {
            let rid: String
            if let idIndex {
                rid = row[idIndex].trimmingCharacters(in: .whitespaces)
            } else {
                rid = String(k + 1)
            }
            if !seen.insert(rid).inserted { accounting.duplicateIDs.append(rid) }
            var fields: [String: String] = [:]
            for (c, name) in table.header.enumerated() where c != textIndex { fields[name] = row[c] }
            let r = Response(id: rid, row: k + 1, line: table.rowLines[k], fields: fields, text: row[textIndex])
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
