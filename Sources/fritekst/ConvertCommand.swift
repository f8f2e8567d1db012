import ArgumentParser
import Foundation
import FritekstCore
import FritekstIngest
import FritekstReport

/// `fritekst convert`: reads any input format and writes the table as CSV, XLSX or SPSS .sav.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an input table (CSV, XLSX, SPSS, Stata, JSON) to CSV, XLSX or SPSS .sav.")

    @Argument(help: "Input file.") var input: String
    @Option(help: "Output file; the format follows its extension (.csv, .xlsx, .sav).") var out: String
    @Option(help: "Workbook sheet to read (name or 1-based number).") var sheet: String?
    @Option(help: "Input encoding for delimited text; detected when left out.") var encoding: String?
    @Option(name: .customLong("value-labels"),
            help: "Columns written to .sav as numeric codes with value labels, comma-separated (e.g. role,employer).")
    var valueLabels: String?
    @Option(name: .customLong("variable-label"), parsing: .singleValue,
            help: "A variable label for .sav output, as COLUMN=LABEL (repeatable).")
    var variableLabel: [String] = []
    @Flag(help: "Treat skipped rows as errors.") var strict = false

    func run() throws {
        do {
            var csv = CSVOptions(strict: strict)
            csv.encoding = try TextEncoding.parse(encoding)
            let result = try InputReader.read(path: input, options: ReadOptions(csv: csv, sheet: sheet))
            var labels: [String: String] = [:]
            for spec in variableLabel {
                guard let eq = spec.firstIndex(of: "=") else { throw FritekstError(.usage, "--variable-label wants COLUMN=LABEL, got '\(spec)'") }
                labels[String(spec[..<eq])] = String(spec[spec.index(after: eq)...])
            }
            for v in result.variables where !v.label.isEmpty && labels[v.name] == nil { labels[v.name] = v.label }
            let labelled = (valueLabels ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try TableExport.write(result.table, to: out, labelled: labelled, variableLabels: labels)
            let a = result.accounting
            for w in a.warnings { FileHandle.standardError.write(Data("fritekst: warning: \(w)\n".utf8)) }
            for s in a.skipped { FileHandle.standardError.write(Data("fritekst: skipped row: \(input):\(s.line): \(s.reason)\n".utf8)) }
            FileHandle.standardError.write(Data("fritekst: rows read: \(a.rowsRead)  written: \(result.table.rows.count)  skipped: \(a.skipped.count)\n".utf8))
            print("wrote \(out) (\(result.table.rows.count) rows, \(result.table.header.count) columns, from \(result.format.displayName))")
        } catch {
            fail(error)
        }
    }
}
