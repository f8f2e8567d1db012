import ArgumentParser
import Foundation
import FritekstCore
import FritekstIngest
import FritekstMorphology
import FritekstPipeline

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show tokens, sentences, stems, lemmas, compound parts and flags of a text or of one answer.")

    @Option(help: "Text to analyse.") var text: String?
    @Option(help: "Input file (CSV) to take an answer from (with --id).") var input: String?
    @Option(help: "Respondent id in --input.") var id: String?
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"
    @Option(help: "Output format: table or json.") var format = "table"

    func validate() throws {
        if (text == nil) == (input == nil) { throw ValidationError("give either --text or --input with --id") }
        if input != nil && id == nil { throw ValidationError("--input needs --id") }
        if !["table", "json"].contains(format) { throw ValidationError("--format is table or json") }
    }

    func run() throws {
        do {
            var answer = text ?? ""
            if let input, let id {
                let (responses, _, _) = try JobRunner.readInputs([JobInput(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn))],
                                                                 groupBy: [])
                guard let r = responses.first(where: { $0.id == id }) else {
                    throw FritekstError(.input, "no respondent with id '\(id)'", file: input, column: idColumn)
                }
                answer = r.text
            }
            let morphology: FritekstMorphology.Morphology
            do { morphology = try FritekstMorphology.Morphology() } catch { throw FritekstError(.input, "cannot load Norwegian dictionaries: \(error)") }
            let tokens = Inspect.analyze(answer, morphology: morphology)
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(AnalyzeOutput(tokens: tokens))
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            } else {
                print(["#", "original", "normalized", "s", "bytes", "stem", "lemma", "parts", "flags"].joined(separator: "\t"))
                for (k, t) in tokens.enumerated() {
                    let flags = t.flags + (t.suggestion.map { ["→ \($0)"] } ?? [])
                    print(["\(k + 1)", t.original.replacingOccurrences(of: "\n", with: "⏎"), t.normalized, "\(t.sentence)", "\(t.start)-\(t.end)",
                           t.stem, t.lemmas.count > 1 ? "\(t.lemma) (\(t.lemmas.dropFirst().joined(separator: ", ")))" : t.lemma,
                           t.parts.joined(separator: "+"), flags.joined(separator: ",")].joined(separator: "\t"))
                }
            }
        } catch {
            fail(error)
        }
    }
}
