import ArgumentParser
import Foundation
import FritekstCore
import FritekstIngest
import FritekstPipeline

/// `fritekst redact`: writes the input with every answer redacted as the reports show it.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a copy of a CSV file with personal data in the answers replaced by markers.",
        discussion: """
            Replaces fødselsnummer/D-nummer ([FNR]), phone numbers ([TLF]), e-mail addresses ([EPOST]), \
            bank account numbers ([KONTO]), URLs that carry identifiers ([URL]) and names ([NAVN]) from the \
            shipped name lists and any --names file. Only the text column changes; columns, order, quoting \
            and line ends are kept. Prints the number of replacements per kind.
            """)

    @Argument(help: "Input file (CSV).") var input: String
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"
    @Option(help: "Extra names to redact (UTF-8, one name per line; colleagues, offices). Repeatable.") var names: [String] = []
    @Option(help: "Input encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1); detected when left out.") var encoding: String?
    @Option(help: "Output file (CSV).") var out: String
    @Flag(help: "Print nothing but errors and warnings.") var quiet = false

    func run() throws {
        do {
            let enc = try TextEncoding.parse(encoding)
            let summary = try RedactFile.run(input: input, textColumn: textColumn, names: names, output: out, encoding: enc)
            for w in summary.warnings { FileHandle.standardError.write(Data("fritekst: warning: \(w)\n".utf8)) }
            if !quiet { print(summary.lines.joined(separator: "\n")) }
        } catch {
            fail(error)
        }
    }
}
