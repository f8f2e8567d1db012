import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstPipeline
import FritekstReport

struct Kwic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic", abstract: "Keyword-in-context lines for a pattern or a codebook theme.")

    @Argument(help: "Input file (CSV).") var input: String
    @Option(help: "Pattern: a glob (digital*), kind:value (lemma:tiltak, part:tiltak, word:Arena, regex:…) or a phrase (\"tid til ~2 oppfølging\").")
    var pattern: String?
    @Option(help: "Theme id of the codebook (needs --codebook).") var theme: String?
    @Option(help: "Codebook for --theme.") var codebook: String?
    @Option(help: "Tokens of context on each side.") var window = 6
    @Option(help: "Grouping variables to show, comma-separated.") var by: String?
    @Option(help: "Output format: table or csv.") var format = "table"
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"

    func validate() throws {
        if (pattern == nil) == (theme == nil) { throw ValidationError("give exactly one of --pattern and --theme") }
        if theme != nil && codebook == nil { throw ValidationError("--theme needs --codebook") }
        if !["table", "csv"].contains(format) { throw ValidationError("--format is table or csv") }
        if window < 0 { throw ValidationError("--window must be 0 or more") }
    }

    func run() throws {
        do {
            let groups = (by ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let cb = try pattern.map { try CodebookLoader.codebook(fromPattern: $0) } ?? JobRunner.loadCodebook(codebook!)
            let (lines, accounting) = try Inspect.kwic(input: JobInput(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn)),
                                                       codebook: cb, theme: theme, groups: groups, window: window)
            if format == "csv" {
                var w = CSVWriter()
                w.row(["id"] + groups + ["left", "match", "right", "entry"])
                for l in lines { w.row([l.id] + l.groups + [l.left, l.match, l.right, l.source]) }
                FileHandle.standardOutput.write(w.data)
            } else {
                let leftWidth = min(60, lines.map(\.left.count).max() ?? 0)
                for l in lines {
                    let left = l.left.count > leftWidth ? "…" + l.left.suffix(leftWidth - 1) : l.left
                    let pad = String(repeating: " ", count: max(0, leftWidth - left.count))
                    let meta = ([l.id] + l.groups).joined(separator: " ")
                    print("\(meta)\t\(pad)\(left) [\(l.match)] \(l.right)")
                }
                FileHandle.standardError.write(Data("kwic: \(lines.count) line(s) in \(accounting.answered) answered of \(accounting.rowsRead) rows\n".utf8))
            }
        } catch {
            fail(error)
        }
    }
}
