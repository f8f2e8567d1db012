import ArgumentParser
import Foundation
import FritekstIngest
import FritekstPipeline
import FritekstReport

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one answer with its matches and, per theme, the entries and rules that fired or were blocked.")

    @Argument(help: "Input file (CSV).") var input: String
    @Option(help: "Codebook (Fritekst YAML or quanteda-style YAML).") var codebook: String
    @Option(help: "Respondent id to explain.") var id: String
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"
    @Option(help: "Background variables to show, comma-separated.") var by: String = "role,employer"
    @Option(help: "Colour: auto (when stdout is a terminal), always or never.") var color: String = "auto"

    func run() throws {
        do {
            let e = try Inspect.explain(input: JobInput(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn)),
                                        codebookPath: codebook, id: id)
            let ansi = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) != 0)
            let groups = by.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { e.response.fields[$0] != nil }
            print(ExplainFormatter.render(response: e.response, groups: groups, coded: e.coded, traces: e.traces, compiled: e.compiled, ansi: ansi),
                  terminator: "")
        } catch {
            fail(error)
        }
    }
}
