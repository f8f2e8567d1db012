import Foundation
import Logging
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstMorphology
import FritekstPrivacy
import FritekstReport
import FritekstText

/// One input file of a job, with its column mapping and an optional survey-wave label.
public struct JobInput: Sendable {
    public var path: String
    public var mapping: ColumnMapping
    public var csv: CSVOptions
    public var wave: String?
    /// Workbook sheet (name or 1-based number) for XLSX inputs.
    public var sheet: String?

    /// Creates an input.
    public init(path: String, mapping: ColumnMapping, csv: CSVOptions = CSVOptions(), wave: String? = nil, sheet: String? = nil) {
        self.path = path
        self.mapping = mapping
        self.csv = csv
        self.wave = wave
        self.sheet = sheet
    }
}

/// Which files a job writes into its output directory.
public enum JobOutput: String, Sendable, CaseIterable, Codable {
    case codedCSV = "coded.csv"
    case crosstabCSV = "crosstab.csv"
    case themesByGroupCSV = "themes_by_group.csv"
    case reportXLSX = "report.xlsx"
    case cooccurrenceCSV = "cooccurrence.csv"
    case themeItemsCSV = "theme_items.csv"
    case keynessCSV = "keyness.csv"
    case wavesCSV = "waves.csv"
    case quotesCSV = "quotes.csv"
    case reportHTML = "report.html"
    case codedJSON = "coded.json"
    case codedSAV = "coded.sav"
    /// `coded.csv` for Norwegian Excel: `;` between fields and a UTF-8 byte-order mark.
    case codedExcelCSV = "coded-excel.csv"
}

/// A complete coding job: inputs, codebook, grouping variables and outputs.
public struct CodingJob: Sendable {
    public var inputs: [JobInput]
    public var codebookPath: String
    public var groupBy: [String]
    public var outputDirectory: String
    public var outputs: [JobOutput]
    public var reproducible: Bool
    public var lemmaProvider: (any LemmaProvider)?
    /// Options of the analysis tables (margins, denominator, items, keyness, quotes).
    public var analysis = AnalysisOptions()
    /// User name lists (UTF-8, one name per line) redacted in addition to the shipped lists.
    public var names: [String]
    /// Small-cell threshold for tables and for group values shown next to answers (0 turns it off).
    public var minCell: Int
    /// Title and description of the reports (pipeline `name`, `description`).
    public var title: String?
    public var description: String?

    /// Creates a job.
    public init(inputs: [JobInput], codebookPath: String, groupBy: [String], outputDirectory: String,
                outputs: [JobOutput], reproducible: Bool = false, lemmaProvider: (any LemmaProvider)? = nil,
                names: [String] = [], minCell: Int = Suppression.defaultMinCell) {
        self.names = names
        self.minCell = minCell
        self.inputs = inputs
        self.codebookPath = codebookPath
        self.groupBy = groupBy
        self.outputDirectory = outputDirectory
        self.outputs = outputs
        self.reproducible = reproducible
        self.lemmaProvider = lemmaProvider
    }
}

/// What a finished job did, for the summary and the tests.
public struct JobSummary: Sendable {
    public var accounting: RowAccounting
    public var themes: [Theme]
    /// Respondents coded per theme (codebook order).
    public var codedPerTheme: [Int]
    public var outputFiles: [String]
    public var warnings: [String]
    public var seconds: Double
    /// Identifiers replaced by markers in the outputs that show answer text.
    public var redactions = RedactionCounts()
    /// Small-cell threshold applied to the per-theme counts in the summary too.
    public var minCell = 0
    /// Wall-clock seconds per stage (read, codebook, code, redact, analyse and write).
    public var stageSeconds: [(String, Double)] = []

    /// Human-readable summary lines.
    public var lines: [String] {
        var out: [String] = []
        let a = accounting
        out.append("respondents: \(a.rowsRead)  answered: \(a.answered)  empty: \(a.empty)  skipped: \(a.skipped.count)")
        let width = max(10, themes.map(\.id.count).max() ?? 10)
        for (t, theme) in themes.enumerated() {
            let n = codedPerTheme[t]
            let pct = a.answered > 0 ? 100 * Double(n) / Double(a.answered) : 0
            let name = "  " + theme.id.padding(toLength: width, withPad: " ", startingAt: 0)
            if minCell > 1 && n < minCell {
                out.append(name + "    <\(minCell)         of answered")
            } else {
                out.append(name + String(format: " %5d  %5.1f %% of answered", n, pct))
            }
        }
        out.append("redacted: " + redactions.summary)
        out.append("wrote: " + outputFiles.joined(separator: ", ") + String(format: "  (%.2f s)", seconds))
        return out
    }
}

/// Runs coding jobs: read, tokenise, code, count, write all outputs or none.
public enum JobRunner {
    /// Group value written for a missing or blank grouping field.
    public static let missingGroup = "(mangler)"

    /// Runs `job`; on error nothing is written to the output directory.
    public static func run(_ job: CodingJob, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                           log: Logger = Logger(label: "fritekst")) throws -> JobSummary {
        let started = Date()
        var stages: [(String, Double)] = []
        var lap = started
        func stage(_ name: String) {
            let now = Date()
            stages.append((name, now.timeIntervalSince(lap)))
            log.debug("stage \(name): \(String(format: "%.3f", now.timeIntervalSince(lap))) s")
            lap = now
        }
        // The output place is checked first; files appear in it only when every output is written.
        let staged = try StagedOutput(directory: job.outputDirectory)
        // Read every input and name list before anything is coded or written.
        let (responses, accounting, inputDigests, inputTables) = try readInputTables(job.inputs, groupBy: job.groupBy,
                                                                                    keepTables: job.outputs.contains(.codedSAV))
        stage("read")
        var nameLists = NameLists.shipped
        for f in job.names { try nameLists.addUserNames(file: f) }
        let redactor = Redactor(names: nameLists)
        let codebook = try loadCodebook(job.codebookPath)
        let compiled = try CompiledCodebook(codebook, lemmas: try job.lemmaProvider ?? defaultLemmas(for: codebook))
        stage("codebook")
        log.debug("read \(responses.count) rows from \(job.inputs.count) input(s); codebook \(codebook.themes.count) themes")
        let codings = code(responses, with: compiled, progress: progress).codings
        stage("code")
        // Coding sees the answer as written; the redaction spans are kept for the outputs that show text.
        let redactionSpans = redact(responses, with: redactor)
        var redactions = RedactionCounts()
        for spans in redactionSpans where !spans.isEmpty { redactions += RedactionCounts(spans: spans) }
        stage("redact")

        let visible = codebook.visibleThemes.map(\.theme)
        let themeIDs = visible.map(\.id)
        var codedPerTheme = Array(repeating: 0, count: themeIDs.count)
        var respondents: [CodedRespondent] = []
        respondents.reserveCapacity(responses.count)
        let visibleIndices = codebook.visibleThemes.map(\.index)
        for (r, c) in zip(responses, codings) {
            let flags = c.visibleFlags(indices: visibleIndices)
            for (k, f) in flags.enumerated() where f { codedPerTheme[k] += 1 }
            let groups = job.groupBy.map { g -> String in
                let v = (r.fields[g] ?? "").trimmedWhitespace
                return v.isEmpty ? missingGroup : job.analysis.groupValue(g, v)
            }
            respondents.append(CodedRespondent(groupValues: groups, answered: r.isAnswered, themes: flags))
        }

        var options: [String: String] = ["group_by": job.groupBy.joined(separator: ","),
                                         "tokenizer": codebook.tokenizerMode.rawValue]
        if let v = codebook.version { options["codebook_version"] = v }
        options["redaction"] = "on: shipped name lists" + (job.names.isEmpty ? "" : " + " + job.names.joined(separator: ", "))
        options["redacted"] = redactions.compact
        options["min_cell"] = String(job.minCell)
        options["rows_read"] = String(accounting.rowsRead)
        options["rows_answered"] = String(accounting.answered)
        options["rows_empty"] = String(accounting.empty)
        options["rows_skipped"] = String(accounting.skipped.count)
        options["duplicate_ids"] = String(accounting.duplicateIDs.count)
        let provenance = Provenance(inputs: inputDigests, codebook: Provenance.digest(ofFile: job.codebookPath),
                                    options: options, reproducible: job.reproducible)

        var analysisOptions = job.analysis
        analysisOptions.minCell = job.minCell                 // one small-cell threshold for every output
        var analysis = AnalysisContext(responses: responses, codings: codings, compiled: compiled, groupBy: job.groupBy,
                                       respondents: respondents, options: analysisOptions, lemmaProvider: compiled.lemmaProvider)
        analysis.redaction = redactionSpans                    // quotes show answer text: redacted like every other output
        let small = AnalysisOutputs.hiddenGroupSizes(analysis)
        let disclosure = Disclosure(spans: redactionSpans, minCell: job.minCell,
                                    hideGroupValues: respondents.map { !job.groupBy.isEmpty && Suppression.isHidden($0.groupValues, in: small) })
        // Each table is computed once and shared by its CSV and the reports.
        var crosstabRows: [ShownThemeGroupRow]?
        var cooccurrenceRows: [ShownCooccurrence]?
        var quoteRows: [QuoteRow]?
        func shownCrosstab() -> [ShownThemeGroupRow] {
            if let r = crosstabRows { return r }
            let r = AnalysisOutputs.crosstabRows(analysis); crosstabRows = r; return r
        }
        func shownCooccurrence() -> [ShownCooccurrence] {
            if let r = cooccurrenceRows { return r }
            let r = AnalysisOutputs.cooccurrenceRows(analysis); cooccurrenceRows = r; return r
        }
        func quotes() -> [QuoteRow] {
            if let r = quoteRows { return r }
            let r = AnalysisOutputs.quoteRows(analysis); quoteRows = r; return r
        }
        var reportData: ReportData?
        func report() -> ReportData {
            if let d = reportData { return d }
            let d = ReportBuilder.data(job: job, responses: responses, codings: codings, compiled: compiled, accounting: accounting,
                                       provenance: provenance, disclosure: disclosure, codedPerTheme: codedPerTheme,
                                       crosstab: shownCrosstab(), cooccurrence: shownCooccurrence(), quotes: quotes(),
                                       quoteLabels: AnalysisOutputs.quoteLabelVariables(analysis))
            reportData = d
            return d
        }
        for output in job.outputs {
            switch output {
            case .codedCSV:
                try staged.write(codedCSV(responses: responses, codings: codings, compiled: compiled, disclosure: disclosure),
                                 to: output.rawValue)
            case .codedExcelCSV:
                try staged.write(codedCSV(responses: responses, codings: codings, compiled: compiled, disclosure: disclosure,
                                          writer: CSVWriter(delimiter: ";", byteOrderMark: true)), to: output.rawValue)
            case .crosstabCSV, .themesByGroupCSV:
                try staged.write(AnalysisOutputs.crosstabCSV(analysis, rows: shownCrosstab()), to: output.rawValue)
            case .reportXLSX:
                let d = report()
                try XLSXWriter.write(Workbook.sheets(d), to: staged.path(for: output.rawValue),
                                     properties: DocumentProperties(title: d.title, subject: "Koding av fritekstsvar",
                                                                    comments: d.provenance.tool,
                                                                    created: job.reproducible ? nil : started))
            case .reportHTML: try staged.write(HTMLReport.data(report()), to: output.rawValue)
            case .codedJSON: try staged.write(JSONReport.data(report()), to: output.rawValue)
            case .codedSAV:
                try CodedSAV.write(inputs: inputTables, responses: responses, flags: respondents.map(\.themes), themes: visible,
                                   spans: redactionSpans, redactor: redactor, provenance: provenance,
                                   to: staged.path(for: output.rawValue))
            case .cooccurrenceCSV: try staged.write(AnalysisOutputs.cooccurrenceCSV(analysis, rows: shownCooccurrence()), to: output.rawValue)
            case .themeItemsCSV: try staged.write(AnalysisOutputs.themeItemsCSV(analysis), to: output.rawValue)
            case .keynessCSV: try staged.write(AnalysisOutputs.keynessCSV(analysis), to: output.rawValue)
            case .wavesCSV: try staged.write(AnalysisOutputs.wavesCSV(analysis), to: output.rawValue)
            case .quotesCSV: try staged.write(AnalysisOutputs.quotesCSV(analysis, rows: quotes()), to: output.rawValue)
            }
        }
        try staged.commit()
        stage("analyse and write")
        return JobSummary(accounting: accounting, themes: visible, codedPerTheme: codedPerTheme,
                          outputFiles: job.outputs.map { (job.outputDirectory as NSString).appendingPathComponent($0.rawValue) },
                          warnings: accounting.warnings, seconds: Date().timeIntervalSince(started), redactions: redactions, minCell: job.minCell,
                          stageSeconds: stages)
    }

    /// Redaction spans of every answer, found on all cores (each answer is independent).
    static func redact(_ responses: [Response], with redactor: Redactor,
                       threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [[RedactionSpan]] {
        let slots = Slots<[RedactionSpan]>(count: responses.count, initial: [])
        let workers = max(1, min(threads, responses.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < responses.count {
                if responses[k].isAnswered {
                    var text = responses[k].text
                    slots.set(k, text.withUTF8 { redactor.spans(in: $0) })
                }
                k += workers
            }
        }
        return slots.values
    }

    /// Reads and maps all inputs, adding the wave label and summing the row accounting.
    public static func readInputs(_ inputs: [JobInput], groupBy: [String]) throws
        -> (responses: [Response], accounting: RowAccounting, digests: [Provenance.FileDigest]) {
        let r = try readInputTables(inputs, groupBy: groupBy, keepTables: false)
        return (r.responses, r.accounting, r.digests)
    }

    /// As `readInputs`, also returning each input's table and variables when `keepTables` (for `coded.sav`).
    public static func readInputTables(_ inputs: [JobInput], groupBy: [String], keepTables: Bool) throws
        -> (responses: [Response], accounting: RowAccounting, digests: [Provenance.FileDigest], tables: [ReadInput]) {
        var tables: [ReadInput] = []
        var responses: [Response] = []
        var accounting = RowAccounting()
        var inputDigests: [Provenance.FileDigest] = []
        for input in inputs {
            let result = try InputReader.read(path: input.path, options: ReadOptions(csv: input.csv, sheet: input.sheet))
            var acc = result.accounting
            var mapping = input.mapping
            mapping.groups = groupBy.filter { !($0 == "wave" && input.wave != nil) }
            var rs = try mapping.responses(from: result.table, file: input.path, accounting: &acc)
            if let wave = input.wave { for k in rs.indices { rs[k].fields["wave"] = wave } }
            if keepTables {
                tables.append(ReadInput(table: result.table, variables: result.variables, textColumn: input.mapping.text, wave: input.wave,
                                        firstResponse: responses.count, responseCount: rs.count))
            }
            responses += rs
            accounting.rowsRead += acc.rowsRead
            accounting.answered += acc.answered
            accounting.empty += acc.empty
            accounting.skipped += acc.skipped.map { .init(file: input.path, line: $0.line, reason: $0.reason) }
            accounting.duplicateIDs += acc.duplicateIDs
            accounting.warnings += acc.warnings
            if var d = Provenance.digest(ofFile: input.path) {
                d.format = result.format.rawValue
                inputDigests.append(d)
            }
        }
        return (responses, accounting, inputDigests, tables)
    }

    /// The Hunspell-backed morphology when the codebook has lemma or part entries, else nil.
    public static func defaultLemmas(for codebook: Codebook) throws -> (any LemmaProvider)? {
        guard codebook.needsMorphology else { return nil }
        do {
            return try FritekstMorphology.Morphology()
        } catch {
            throw FritekstError(.codebook, "the codebook needs Norwegian morphology, but it could not be loaded: \(error)",
                                file: codebook.file)
        }
    }

    /// Loads a codebook and checks that it defines themes.
    public static func loadCodebook(_ path: String) throws -> Codebook {
        let codebook = try CodebookLoader.load(path: path)
        if codebook.themes.isEmpty {
            throw FritekstError(.codebook, "codebook defines no themes", file: path)
        }
        return codebook
    }

    /// Tokenises and codes every response in order; `keepTokens` also returns the tokens.
    public static func code(_ responses: [Response], with compiled: CompiledCodebook, keepTokens: Bool = false,
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil)
        -> (codings: [CodedAnswer], tokens: [[Token]], vocabulary: Vocabulary) {
        // Chunks flow through two steps: tokenising, interning and resolving new types (one thread, so type ids
        // and morphology calls happen in input order), then coding the chunk on all cores. Coding only reads
        // the compiled codebook, and each answer's result goes to its own slot, so codes are the same for
        // any number of threads.
        let tokenizer = compiled.tokenizer
        let coder = Coder(compiled)
        var interner = Interner()
        var codings: [CodedAnswer] = []
        codings.reserveCapacity(responses.count)
        var kept: [[Token]] = []
        let chunkSize = 4096
        let workers = max(1, threads)
        var start = 0
        while start < responses.count {
            let end = min(responses.count, start + chunkSize)
            var chunkTokens: [[Token]] = []
            chunkTokens.reserveCapacity(end - start)
            for r in responses[start..<end] {
                var tokens: [Token] = []
                if r.isAnswered { interner.tokens(of: r.text, tokenizer: tokenizer, into: &tokens) }
                chunkTokens.append(tokens)
            }
            compiled.resolve(interner.vocabulary)
            let results = Slots<CodedAnswer>(count: end - start, initial: CodedAnswer(hits: [], tokenCount: 0))
            let base = start
            let frozenTokens = chunkTokens
            DispatchQueue.concurrentPerform(iterations: min(workers, end - start)) { w in
                var k = w
                while k < frozenTokens.count {
                    var text = responses[base + k].text
                    results.set(k, text.withUTF8 { coder.code(tokens: frozenTokens[k], text: $0) })
                    k += workers
                }
            }
            codings += results.values
            if keepTokens { kept += chunkTokens }
            start = end
            progress?(end, responses.count)
        }
        return (codings, kept, interner.vocabulary)
    }

    static func codedCSV(responses: [Response], codings: [CodedAnswer], compiled: CompiledCodebook, disclosure: Disclosure,
                         writer: CSVWriter = CSVWriter()) -> Data {
        var w = writer
        let codebook = compiled.codebook
        let visibleIndices = codebook.visibleThemes.map(\.index)
        w.row(["id"] + codebook.visibleThemes.map(\.theme.id) + ["evidence"])
        for (k, (r, c)) in zip(responses, codings).enumerated() {
            let flags = c.visibleFlags(indices: visibleIndices).map { $0 ? "1" : "0" }
            w.row([r.id] + flags + [c.evidence(text: r.text, compiled: compiled, redacting: disclosure.spans[k])])
        }
        return w.data
    }

}

/// Fixed slots that concurrent workers fill, each slot by exactly one worker.
///
/// The storage is one allocation made up front, so workers write through a stable pointer; an array
/// property mutated from several threads (even at different indices) would be a data race.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>
    init(count: Int, initial: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    func set(_ k: Int, _ value: Value) { storage[k] = value }
    var values: [Value] { Array(storage) }
}
