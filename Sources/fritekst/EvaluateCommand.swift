import ArgumentParser
import Foundation
import FritekstCore
import FritekstIngest
import FritekstPipeline

/// `fritekst evaluate`: the codebook's codes against manual codes, per theme.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the codebook's codes with manual codes: precision, recall, F1, Cohen's κ, Krippendorff's α per theme.",
        discussion: """
        INPUT is a CSV of answers or a JSONL file. For a CSV the gold codes are the manual_<theme> columns \
        (rows where they are all empty are not gold), or --gold FILE.jsonl with {"id", "themes"} lines matched \
        on the id column. A .jsonl INPUT holds both: {"id", "text", "themes"} per line, every line is gold.
        """)

    @Argument(help: "Answers: CSV (gold in manual_<theme> columns or --gold) or JSONL with id, text, themes.") var input: String
    @Option(help: "Codebook (Fritekst YAML or quanteda-style YAML dictionary).") var codebook: String
    @Option(help: "Gold codes for a CSV input: JSONL file with {\"id\", \"themes\"} per line.") var gold: String?
    @Option(name: .customLong("id-column"), help: "Column with the respondent id (CSV input).") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer (CSV input).") var textColumn = "text"
    @Option(help: "Input encoding of a CSV (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1); detected when left out.") var encoding: String?
    @Option(help: "Read INPUT as csv or jsonl (default: from the extension; .jsonl and .ndjson are JSONL).") var format: String?
    @Option(help: "Write every disagreement (id, theme, gold, predicted, evidence, text) to this CSV; a missed theme's evidence is what matched below its minimum or was blocked.") var disagreements: String?
    @Option(help: "Write the agreement table to this CSV.") var table: String?
    @Flag(help: "Print nothing but errors and warnings.") var quiet = false

    func run() throws {
        do {
            let ext = (input as NSString).pathExtension.lowercased()
            let kind = format?.lowercased() ?? (["jsonl", "ndjson"].contains(ext) ? "jsonl" : "csv")
            let source: EvaluationSource
            switch kind {
            case "jsonl":
                if gold != nil { throw FritekstError(.usage, "--gold is for a CSV input; a JSONL input carries its own themes") }
                source = .jsonl(path: input)
            case "csv":
                var csv = CSVOptions()
                csv.encoding = try TextEncoding.parse(encoding)
                source = .csv(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn), options: csv, gold: gold)
            default:
                throw FritekstError(.usage, "unknown --format '\(kind)' (use csv or jsonl)")
            }
            let result = try Evaluator.evaluate(source, codebookPath: codebook, nearMisses: disagreements != nil)
            if let table { try writeAtomically(result.tableCSV(), to: table) }
            if let disagreements { try writeAtomically(result.disagreementsCSV(), to: disagreements) }
            for w in result.warnings { FileHandle.standardError.write(Data("fritekst: warning: \(w)\n".utf8)) }
            if !quiet { print(result.lines.joined(separator: "\n")) }
        } catch {
            fail(error)
        }
    }
}
