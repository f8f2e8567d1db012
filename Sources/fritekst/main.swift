import ArgumentParser
import Foundation
import FritekstCore
import FritekstAnalysis
import FritekstIngest
import FritekstPipeline

/// The fritekst command line.
struct Fritekst: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fritekst",
        abstract: "Code Norwegian free-text survey answers into themes.",
        version: Provenance.toolVersion,
        subcommands: [Code.self, Run.self, Analyze.self, Explain.self, Kwic.self, Evaluate.self, Suggest.self, Lexicon.self, Redact.self,
                      Convert.self]
    )
}

/// Prints a FritekstError as one line and exits with its code.
func fail(_ error: any Error) -> Never {
    if let e = error as? FritekstError {
        FileHandle.standardError.write(Data("fritekst: error: \(e)\n".utf8))
        exit(e.exitCode)
    }
    FileHandle.standardError.write(Data("fritekst: error: \(error)\n".utf8))
    exit(1)
}

func report(_ summary: JobSummary, quiet: Bool) {
    for w in summary.warnings { FileHandle.standardError.write(Data("fritekst: warning: \(w)\n".utf8)) }
    for s in summary.accounting.skipped {
        FileHandle.standardError.write(Data("fritekst: skipped row: \(s)\n".utf8))
    }
    let a = summary.accounting
    FileHandle.standardError.write(Data(("fritekst: rows read: \(a.rowsRead)  answered: \(a.answered)  empty: \(a.empty)  "
        + "skipped: \(a.skipped.count)  duplicate ids: \(a.duplicateIDs.count)\n").utf8))
    if !quiet { print(summary.lines.joined(separator: "\n")) }
}

struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Code one input file with a codebook and write coded.csv and crosstab.csv.")

    @Argument(help: "Input file: CSV/TSV, XLSX, SPSS .sav/.zsav/.por, Stata .dta, JSON or JSON Lines.") var input: String
    @Option(help: "Codebook (Fritekst YAML or quanteda-style YAML dictionary).") var codebook: String
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"), help: "Column with the open answer.") var textColumn = "text"
    @Option(help: "Grouping variables for crosstab.csv, comma-separated (e.g. role,employer).") var by: String?
    @Option(help: "Input encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1); detected when left out.") var encoding: String?
    @Option(help: "Workbook sheet to read (name or 1-based number); the first sheet when left out.") var sheet: String?
    @Option(help: "Output directory.") var out: String
    @Flag(help: "Add margin rows ((alle)) for every coarser grouping to crosstab.csv.") var margins = false
    @Option(help: "Shares of 'answered' respondents (default) or of 'all' respondents.") var denominator = "answered"
    @Option(name: .customLong("min-cell"), help: "Hide table counts under this number as <N (0 shows everything).") var minCell = 5
    @Option(help: "Extra names to redact in outputs (UTF-8, one per line). Repeatable.") var names: [String] = []
    @Flag(help: "Leave the time out of provenance so re-runs are byte-identical.") var reproducible = false
    @Flag(help: "Treat skipped rows as errors.") var strict = false
    @Flag(help: "Print nothing but errors and warnings.") var quiet = false

    func run() throws {
        do {
            var csv = CSVOptions(strict: strict)
            if let encoding {
                guard let e = TextEncoding(name: encoding) else { throw FritekstError(.usage, "unknown encoding '\(encoding)'") }
                csv.encoding = e
            }
            guard minCell >= 0 else { throw FritekstError(.usage, "--min-cell must be 0 or more") }
            let groups = (by ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var job = CodingJob(
                inputs: [JobInput(path: input, mapping: ColumnMapping(id: idColumn, text: textColumn), csv: csv, sheet: sheet)],
                codebookPath: codebook, groupBy: groups, outputDirectory: out,
                outputs: [.codedCSV, .crosstabCSV], reproducible: reproducible, names: names, minCell: minCell)
            guard let d = Denominator(rawValue: denominator) else { throw FritekstError(.usage, "--denominator must be answered or all") }
            job.analysis.denominator = d
            job.analysis.margins = margins
            report(try JobRunner.run(job), quiet: quiet)
        } catch {
            fail(error)
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a pipeline file (Pipelines/*.yaml).")

    @Argument(help: "Pipeline file.") var pipeline: String
    @Flag(name: .customLong("dry-run"), help: "Check inputs and codebook and print the plan; write nothing.") var dryRun = false
    @Flag(help: "Print nothing but errors and warnings (no progress).") var quiet = false
    @Flag(help: "Log each stage with its time on stderr.") var verbose = false

    func run() throws {
        do {
            let p = try PipelineFile.load(path: pipeline)
            if dryRun {
                print(try p.plan().joined(separator: "\n"))
                return
            }
            if !quiet { print("pipeline \(p.name)") }
            let log = Console.logger(verbose: verbose)
            report(try JobRunner.run(p.job, progress: quiet ? nil : Console.progress(), log: log), quiet: quiet)
        } catch {
            fail(error)
        }
    }
}

Fritekst.main()
