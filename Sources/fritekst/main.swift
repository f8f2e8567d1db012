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

    @Argument(help: "Input file(s): CSV/TSV, XLSX, SPSS .sav/.zsav/.por, Stata .dta, JSON or JSON Lines. Several files are survey waves (see --wave).")
    var inputs: [String] = []
    @Option(help: "Codebook (Fritekst YAML or quanteda-style YAML dictionary).") var codebook: String
    @Option(name: .customLong("id-column"), help: "Column with the respondent id.") var idColumn = "id"
    @Option(name: .customLong("text-column"),
            help: "Column with the open answer; several, comma-separated, are coded together into --out and each on its own into OUT/question-<column>.")
    var textColumn = "text"
    @Option(help: "Grouping variables for crosstab.csv, comma-separated (e.g. role,employer).") var by: String?
    @Option(help: "Input encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1); detected when left out.") var encoding: String?
    @Option(help: "Workbook sheet to read (name or 1-based number); the first sheet when left out.") var sheet: String?
    @Option(help: "Wave label for each input file, comma-separated in input order (e.g. 2019,2023); adds a 'wave' column for --by.")
    var wave: String?
    @Option(name: .customLong("rename"), parsing: .singleValue, help: "Rename an input column before mapping, OLD=NEW (repeatable).")
    var rename: [String] = []
    @Option(help: "Output directory.") var out: String
    @Flag(help: "Add margin rows ((alle)) for every coarser grouping to crosstab.csv.") var margins = false
    @Option(help: "Shares of 'answered' respondents (default) or of 'all' respondents.") var denominator = "answered"
    @Option(name: .customLong("min-cell"), help: "Hide table counts under this number as <N (0 shows everything).") var minCell = 5
    @Option(help: "Extra names to redact in outputs (UTF-8, one per line). Repeatable.") var names: [String] = []
    @Flag(help: "Leave the time out of provenance so re-runs are byte-identical.") var reproducible = false
    @Option(help: "Cache directory: an unchanged re-run reuses its outputs; a changed codebook reuses the tokenised inputs.")
    var cache: String?
    @Flag(help: "Treat skipped rows as errors.") var strict = false
    @Flag(help: "Print nothing but errors and warnings.") var quiet = false

    func run() throws {
        do {
            var csv = CSVOptions(strict: strict)
            csv.encoding = try TextEncoding.parse(encoding)
            guard minCell >= 0 else { throw FritekstError(.usage, "--min-cell must be 0 or more") }
            guard let denominatorChoice = Denominator(rawValue: denominator) else {
                throw FritekstError(.usage, "--denominator must be answered or all")
            }
            func list(_ s: String?) -> [String] {
                (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let groups = list(by)
            guard !inputs.isEmpty else { throw FritekstError(.usage, "give at least one input file") }
            let waves = list(wave)
            if !waves.isEmpty && waves.count != inputs.count {
                throw FritekstError(.usage, "--wave has \(waves.count) label(s) for \(inputs.count) input file(s)")
            }
            if waves.isEmpty && inputs.count > 1 && groups.contains("wave") {
                throw FritekstError(.usage, "--by wave needs --wave labels for the input files")
            }
            var renames: [String: String] = [:]
            for spec in rename {
                guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex else {
                    throw FritekstError(.usage, "--rename wants OLD=NEW, got '\(spec)'")
                }
                renames[String(spec[..<eq])] = String(spec[spec.index(after: eq)...])
            }
            let texts = list(textColumn)
            let id: String? = idColumn.isEmpty ? nil : idColumn   // --id-column "" numbers respondents by row
            func job(_ texts: [String], _ directory: String) -> CodingJob {
                var mapping = ColumnMapping(id: id, texts: texts)
                mapping.renames = renames
                let jobInputs = inputs.enumerated().map { k, path in
                    JobInput(path: path, mapping: mapping, csv: csv, wave: waves.isEmpty ? nil : waves[k], sheet: sheet)
                }
                var job = CodingJob(inputs: jobInputs, codebookPath: codebook, groupBy: groups, outputDirectory: directory,
                                    outputs: [.codedCSV, .crosstabCSV], reproducible: reproducible, names: names, minCell: minCell)
                job.analysis.denominator = denominatorChoice
                job.analysis.margins = margins
                job.cacheDirectory = cache
                return job
            }
            if texts.count <= 1 {
                report(try JobRunner.run(job(texts.isEmpty ? ["text"] : texts, out), progress: quiet ? nil : Console.progress()), quiet: quiet)
            } else {
                // All questions together first: it checks every column, so a bad name fails before anything is written.
                if !quiet { print("all questions together (\(texts.joined(separator: " + "))):") }
                report(try JobRunner.run(job(texts, out)), quiet: quiet)
                for t in texts {
                    let dir = (out as NSString).appendingPathComponent("question-\(t)")
                    if !quiet { print("question \(t):") }
                    report(try JobRunner.run(job([t], dir)), quiet: quiet)
                }
            }
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
    @Option(help: "Cache directory (overrides the pipeline's 'cache').") var cache: String?

    func run() throws {
        do {
            var p = try PipelineFile.load(path: pipeline)
            if let cache { p.job.cacheDirectory = cache }
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
