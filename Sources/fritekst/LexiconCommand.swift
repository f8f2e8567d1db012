import ArgumentParser
import Foundation
import FritekstCore
import FritekstIngest
import FritekstLexicon

/// `fritekst lexicon`: import foreign dictionaries and lint codebooks.
struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import LIWC, WordStat and quanteda dictionaries; lint codebooks.",
        subcommands: [LexiconImport.self, LexiconLint.self]
    )
}

extension DictionaryFormat: ExpressibleByArgument {}

/// `fritekst lexicon import FILE --from liwc|wordstat|quanteda [--out FILE.yaml]`.
struct LexiconImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a LIWC (.dic, .dicx), WordStat (.cat) or quanteda YAML dictionary to a Fritekst codebook.")

    @Argument(help: "Dictionary file.") var file: String
    @Option(help: "Dictionary format: liwc, wordstat or quanteda (guessed from the file name when left out).") var from: DictionaryFormat?
    @Option(help: "Codebook file to write (standard output when left out).") var out: String?
    @Option(help: "Codebook name (the file's base name when left out).") var name: String?

    func run() throws {
        do {
            var imported = try DictionaryImporter.importFile(path: file, format: from)
            if let name { imported.codebook.name = name }
            for n in imported.notes { FileHandle.standardError.write(Data("fritekst: note: \(n)\n".utf8)) }
            let format = from ?? DictionaryFormat.guess(path: file) ?? .quanteda
            let entries = imported.codebook.themes.reduce(0) { $0 + $1.entries.count }
            let yaml = try CodebookWriter.yaml(imported.codebook, comments: [
                "Fritekst codebook imported from \(URL(fileURLWithPath: file).lastPathComponent) (\(format.rawValue)) by fritekst lexicon import.",
                "\(imported.codebook.themes.count) themes, \(entries) entries. Every string is quoted so words like no/nei stay words.",
            ])
            if let out {
                try writeAtomically(Data(yaml.utf8), to: out)
                FileHandle.standardError.write(Data("fritekst: wrote \(out): \(imported.codebook.themes.count) themes, \(entries) entries\n".utf8))
            } else {
                print(yaml, terminator: "")
            }
        } catch {
            fail(error)
        }
    }
}

/// `fritekst lexicon lint FILE [--corpus INPUT.csv --text-column text]`.
struct LexiconLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a codebook: unknown references, cycles, duplicates, patterns that cannot match; with --corpus also over-broad globs and entries that match nothing.",
        discussion: "Prints one line per finding as file:line:column: error|warning: message. Exits with 4 when there are errors, 0 otherwise.")

    @Argument(help: "Codebook (Fritekst or quanteda YAML) or dictionary (.dic, .dicx, .cat).") var file: String
    @Option(help: "Answers (CSV) to test the entries against.") var corpus: String?
    @Option(name: .customLong("text-column"), help: "Column of --corpus with the open answer.") var textColumn = "text"
    @Option(help: "Input encoding of --corpus; detected when left out.") var encoding: String?
    @Option(name: .customLong("broad-share"), help: "Share of the corpus's word types above which a glob is over-broad (0.02 = 2 %).")
    var broadShare = 0.02
    @Flag(help: "Print only errors and warnings, no notes or summary.") var quiet = false

    func run() throws {
        var texts: [String]?
        do {
            if let corpus {
                let enc = try TextEncoding.parse(encoding)
                let read = try Linter.corpusTexts(path: corpus, textColumn: textColumn, encoding: enc)
                for n in read.notes where !quiet { FileHandle.standardError.write(Data("fritekst: note: \(n)\n".utf8)) }
                texts = read.texts
            }
            guard broadShare >= 0 && broadShare <= 1 else { throw FritekstError(.usage, "--broad-share must be between 0 and 1") }
        } catch {
            fail(error)
        }
        let findings = Linter.lint(path: file, corpus: texts, lemmas: nil, loadMorphology: true,
                                   options: LintOptions(broadShare: broadShare))
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        for f in findings where !(quiet && f.severity == .note) { print(f) }
        if !quiet {
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode(FritekstError(.codebook, "").exitCode) }
    }
}
