import Foundation
import FritekstCore

/// Writes a whole input table to CSV, XLSX or SPSS `.sav` (for `fritekst convert` and test corpora).
public enum TableExport {
    /// Output formats, chosen by the output file's extension.
    public enum Format: String, Sendable {
        case csv, xlsx, sav
    }

    /// The format for an output path, or nil when the extension is not one of csv/xlsx/sav.
    public static func format(forPath path: String) -> Format? {
        Format(rawValue: (path as NSString).pathExtension.lowercased())
    }

    /// Writes `table` to `path` atomically (all or nothing).
    ///
    /// XLSX: cells whose text is a plain number are written as numbers, everything else as text.
    /// SAV: `labelled` columns become numeric codes with value labels; empty cells in them get
    /// `missingCode`, declared user-missing; other all-numeric columns are numeric; the rest strings.
    public static func write(_ table: Table, to path: String, labelled: [String] = [],
                             variableLabels: [String: String] = [:],
                             missingCode: (code: Double, label: String)? = (99, "Ikke svart")) throws {
        guard let format = format(forPath: path) else {
            throw FritekstError(.usage, "unknown output format (use .csv, .xlsx or .sav)", file: path)
        }
        for name in labelled where table.columnIndex(name) == nil {
            throw FritekstError(.usage, "no such column to label (columns are: \(table.header.joined(separator: ", ")))", column: name)
        }
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp.\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        switch format {
        case .csv:
            var w = CSVWriter()
            w.row(table.header)
            for r in table.rows { w.row(r) }
            guard FileManager.default.createFile(atPath: tmp, contents: w.data) else {
                throw FritekstError(.output, "cannot write file", file: path)
            }
        case .xlsx:
            let rows: [[Cell]] = table.rows.map { row in
                row.map { v in
                    if v.isEmpty { return .empty }
                    if let x = Double(v), SAVWriter.formatNumber(x) == v { return .number(x) }
                    return .text(v)
                }
            }
            try XLSXWriter.write([Sheet(name: "Data", header: table.header, rows: rows, tableLike: true)], to: tmp)
        case .sav:
            var columns = SAVWriter.columns(for: table, labelled: labelled, missingCode: missingCode)
            for k in columns.indices { columns[k].label = variableLabels[columns[k].name] ?? "" }
            try SAVWriter.write(table, columns: columns, to: tmp)
        }
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        do {
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        } catch {
            throw FritekstError(.output, "cannot move the finished file into place: \(error.localizedDescription)", file: path)
        }
    }
}
