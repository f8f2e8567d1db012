import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCore
import FritekstIngest
import FritekstPipeline

/// `fritekst suggest`: words the codebook could use.
struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Suggest codebook entries: frequent uncovered words, words associated with a theme, spelling variants of entries.")

    @Argument(help: "Answers (CSV).") var input: String
    @Option(help: "Codebook (Fritekst YAML or quanteda-style YAML dictionary).") var codebook: String
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"
    @Option(help: "Input encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1); detected when left out.") var encoding: String?
    @Option(help: "Rows per list and per theme.") var top = 25
    @Option(name: .customLong("min-answers"), help: "Minimum number of answers a suggested word occurs in.") var minAnswers = 3
    @Option(help: "Write all suggestions to this CSV (kind, theme, term, count, answers, score, detail).") var out: String?
    @Flag(help: "Print nothing but errors and warnings.") var quiet = false

    func run() throws {
        do {
            guard top > 0, minAnswers > 0 else { throw FritekstError(.usage, "--top and --min-answers must be positive") }
            var csv = CSVOptions()
            csv.encoding = try TextEncoding.parse(encoding)
            // The same reading as `code` (every input format, row accounting).
            let (responses, acc, _) = try JobRunner.readInputs([JobInput(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn),
                                                                         csv: csv)], groupBy: [])
            for s in acc.skipped { FileHandle.standardError.write(Data("fritekst: skipped row: \(s)\n".utf8)) }
            let rows = try Suggester.suggest(responses, codebookPath: codebook, options: SuggestOptions(top: top, minAnswers: minAnswers))
            if let out { try writeAtomically(Suggester.csv(rows), to: out) }
            if quiet { return }
            let titles: [(SuggestionRow.Kind, String)] = [
                (.uncovered, "Frequent words no entry matches (answers)"),
                (.uncoveredPart, "Lemmas and compound parts of uncovered words (answers)"),
                (.associated, "Words over-represented in a theme's coded answers (G²)"),
                (.variant, "Spelling variants of entries (edit distance)"),
            ]
            for (kind, title) in titles {
                let list = rows.filter { $0.kind == kind }
                if list.isEmpty { continue }
                print("\n\(title):")
                var lastTheme: String?
                for r in list {
                    if r.theme != lastTheme && !r.theme.isEmpty { print("  \(r.theme):"); lastTheme = r.theme }
                    let score = kind == .associated ? String(format: "G² %.1f", r.score)
                        : kind == .variant ? "distance \(Int(r.score))" : "\(r.count) times"
                    print("    " + r.term.padding(toLength: 24, withPad: " ", startingAt: 0) + " in \(r.answers) answers, \(score)"
                          + (r.detail.isEmpty ? "" : "; " + r.detail))
                }
            }
        } catch {
            fail(error)
        }
    }
}
