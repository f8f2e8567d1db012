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
    /// Cache directory for earlier results and tokenised inputs (nil: no cache).
    public var cacheDirectory: String?

    /// Paths of the output files, in `outputs` order.
    public var outputPaths: [String] { outputs.map { (outputDirectory as NSString).appendingPathComponent($0.rawValue) } }

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

/// What a run took from the cache.
public enum CacheUse: String, Sendable {
    /// Inputs, codebook and options were unchanged: the earlier outputs were copied.
    case results
    /// Inputs were unchanged: the stored tokens and redaction spans were coded with this codebook.
    case tokens
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
    /// What the cache gave, if anything.
    public var reused: CacheUse?

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
        if let reused {
            out.append(reused == .results ? "cache: inputs, codebook and options unchanged; earlier outputs reused"
                                          : "cache: inputs unchanged; stored tokens coded with this codebook")
        }
        out.append("wrote: " + outputFiles.joined(separator: ", ") + String(format: "  (%.2f s)", seconds))
        return out
    }
}

/// Runs coding jobs: read, tokenise, code, count, write all outputs or none.
public enum JobRunner {
    /// Group value written for a missing or blank grouping field.
    public static let missingGroup = "(mangler)"

    /// Outputs made from counts alone: a job that asks only for these streams its rows, and its memory does
    /// not grow with the number of rows. The others (reports, quotes, keyness, items, SPSS) keep every answer.
    public static let streamedOutputs: Set<JobOutput> = [.codedCSV, .codedExcelCSV, .crosstabCSV, .themesByGroupCSV,
                                                         .cooccurrenceCSV, .wavesCSV]

    /// Rows per batch: big enough to keep both cores busy, small enough to bound memory.
    public static let batchRows = 8192

    /// Runs `job`; on error nothing is written to the output directory.
    public static func run(_ job: CodingJob, progress: (@Sendable (JobProgress) -> Void)? = nil,
                           log: Logger = Logger(label: "fritekst"),
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           batchRows: Int = JobRunner.batchRows) throws -> JobSummary {
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
        let streaming = job.outputs.allSatisfy { streamedOutputs.contains($0) }
        let keepFields: Set<String>? = streaming ? Set(job.groupBy + ["wave"]) : nil
        let needsTables = job.outputs.contains(.codedSAV)
        var nameLists = NameLists.shipped
        for f in job.names { try nameLists.addUserNames(file: f) }
        let redactor = Redactor(names: nameLists)
        let codebook = try loadCodebook(job.codebookPath)
        let visible = codebook.visibleThemes.map(\.theme)

        // The cache: an unchanged run copies its earlier outputs; unchanged inputs give their stored tokens.
        let cache = try job.cacheDirectory.map { try RunCache(directory: $0) }
        let keys = cache == nil ? nil : RunCache.keys(job, keepFields: keepFields, codebook: codebook)
        if let cache, let keys, let stored = cache.results(keys.results, outputs: job.outputs) {
            for output in job.outputs {
                try FileManager.default.copyItem(atPath: (stored.directory as NSString).appendingPathComponent(output.rawValue),
                                                 toPath: staged.path(for: output.rawValue))
            }
            try staged.commit()
            stage("reuse cached results")
            log.debug("cache hit: \(stored.directory)")
            return JobSummary(accounting: stored.summary.accounting, themes: visible, codedPerTheme: stored.summary.codedPerTheme,
                              outputFiles: job.outputPaths, warnings: stored.summary.accounting.warnings,
                              seconds: Date().timeIntervalSince(started), redactions: stored.summary.redactions, minCell: job.minCell,
                              stageSeconds: stages, reused: .results)
        }
        var cachedTokens: TokenCacheReader?, cacheWriter: TokenCacheWriter?
        if let cache, let keys, !needsTables {           // coded.sav needs the input tables: it always reads them
            cachedTokens = TokenCacheReader(cache: cache, key: keys.tokens)
            if cachedTokens == nil { cacheWriter = try TokenCacheWriter(cache: cache, key: keys.tokens) }
        }
        defer { cacheWriter?.abandon() }
        // A cache that cannot be written (disk full, no permission) costs only the reuse, never the run.
        var cacheWarnings: [String] = []
        func cacheFailed(_ error: any Error) {
            cacheWarnings.append(RunCache.notUpdated(job.cacheDirectory, error))
            cacheWriter?.abandon()
            cacheWriter = nil
        }

        // Every input is opened and its columns checked before anything is coded or written; reading starts
        // at once on its own thread, one batch ahead of the coding.
        typealias Batch = (responses: [Response], tokens: [[Token]]?, spans: [[RedactionSpan]]?, fractionRead: Double)
        var source: ChunkSource?
        var inputTables: [ReadInput] = []
        let reader: ReadAhead<Batch>
        if let stored = cachedTokens {
            reader = ReadAhead { try stored.next().map { ($0.responses, $0.tokens, $0.spans, $0.fractionRead) } }
        } else {
            let rows: ChunkSource
            if needsTables {
                let read = try readInputTables(job.inputs, groupBy: job.groupBy, keepTables: true)
                inputTables = read.tables
                rows = ChunkSource(responses: read.responses, accounting: read.accounting, digests: read.digests)
            } else {
                rows = try ChunkSource(job.inputs, groupBy: job.groupBy, keepFields: keepFields)
            }
            let size = max(1, batchRows)
            reader = ReadAhead { try rows.next(size).map { ($0.responses, nil, nil, $0.fractionRead) } }
            source = rows
        }
        defer { reader.drain() }
        let compiled = try CompiledCodebook(codebook, lemmas: try job.lemmaProvider ?? defaultLemmas(for: codebook))
        if let cachedTokens { compiled.resolve(cachedTokens.vocabulary, threads: threads) }
        stage("open inputs and codebook")
        log.debug("\(job.inputs.count) input(s), \(streaming ? "streamed" : "kept in memory")\(cachedTokens != nil ? ", tokens from the cache" : ""); codebook \(codebook.themes.count) themes")

        // coded.csv and its Excel twin are written batch by batch into the staging place.
        let csvOutputs = [JobOutput.codedCSV, .codedExcelCSV].filter { job.outputs.contains($0) }
        var outputs: [CodingSink.Output] = []
        defer { for o in outputs { try? o.handle.close() } }
        for output in csvOutputs {
            let path = staged.path(for: output.rawValue)
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                throw FritekstError(.output, "cannot write output file", file: path)
            }
            outputs.append(.init(handle: h, path: path))
            var header = output == .codedCSV ? CSVWriter() : CSVWriter(delimiter: ";", byteOrderMark: true)
            header.row(["id"] + visible.map(\.id) + ["evidence"])
            try outputs[outputs.count - 1].write(header.data)
        }
        let batchCoder = BatchCoder(compiled: compiled, redactor: redactor, job: job, visibleIndices: codebook.visibleThemes.map(\.index),
                                    delimiters: csvOutputs.map { $0 == .codedCSV ? UInt8(ascii: ",") : UInt8(ascii: ";") }, streaming: streaming,
                                    keepSpans: !streaming || cacheWriter != nil)
        // Batches join in input order on the sink's own queue: writing, counting and freeing one batch overlap
        // the coding of the next.
        let sink = CodingSink(streaming: streaming, outputs: outputs, themes: visible.count, cacheWriter: cacheWriter,
                              cacheDirectory: job.cacheDirectory)
        outputs = []
        cacheWriter = nil
        defer { sink.drain(); sink.abandonCache() }
        var codingStage = CodingStage(compiled, threads: threads)
        var rowsDone = 0
        while let (batch, storedTokens, storedSpans, fraction) = try reader.next() {
            try sink.check()
            let tokens = storedTokens ?? codingStage.tokens(batch[...])
            // The batch is cut into more parts than threads, so that a thread that finishes early takes another;
            // each part is coded, redacted and formatted by one thread.
            let parts = max(1, min(threads * 4, batch.count / 256))
            let results = UnsafeSlots<BatchCoder.Part?>(count: parts, initial: nil)
            DispatchQueue.concurrentPerform(iterations: parts) { w in
                results.set(w, batchCoder.code(batch, (batch.count * w / parts)..<(batch.count * (w + 1) / parts),
                                               tokens: tokens, storedSpans: storedSpans))
            }
            sink.add(results.values.compactMap { $0 }, batch: batch, tokens: tokens)
            rowsDone += batch.count
            progress?(JobProgress(rows: rowsDone, fractionRead: fraction, finished: false))
        }
        try sink.finish()
        let codedPerTheme = sink.codedPerTheme, redactions = sink.redactions, counted = sink.counted
        let responses = sink.responses, codings = sink.codings, redactionSpans = sink.redactionSpans
        var respondents = sink.respondents
        let accounting = cachedTokens?.meta.accounting ?? source?.accounting ?? RowAccounting()
        sink.finishCache(types: codingStage.interner.vocabulary.types, accounting: accounting)
        cacheWarnings += sink.cacheWarnings
        progress?(JobProgress(rows: rowsDone, fractionRead: 1, finished: true))
        stage("read, code and redact")
        if streaming {
            respondents = zip(counted.order, counted.counts).map {
                CodedRespondent(groupValues: $0.groups, answered: $0.answered, themes: $0.themes, weight: $1)
            }
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
        // Input hashes are made only for the outputs that record them (a second pass over every input).
        var provenanceValue: Provenance?
        func provenance() -> Provenance {
            if let p = provenanceValue { return p }
            let digests = keys?.digests ?? source?.digests() ?? []   // a run from stored tokens always has keys
            let p = Provenance(inputs: digests, codebook: Provenance.digest(ofFile: job.codebookPath),
                               options: options, reproducible: job.reproducible)
            provenanceValue = p
            return p
        }

        var analysisOptions = job.analysis
        analysisOptions.minCell = job.minCell                 // one small-cell threshold for every output
        var analysis = AnalysisContext(responses: responses, codings: codings, compiled: compiled, groupBy: job.groupBy,
                                       respondents: respondents, options: analysisOptions, lemmaProvider: compiled.lemmaProvider)
        analysis.redaction = redactionSpans                    // quotes show answer text: redacted like every other output
        if streaming { analysis.respondentWaves = counted.order.map(\.wave) }
        let small = AnalysisOutputs.hiddenGroupSizes(analysis)
        let disclosure = Disclosure(spans: redactionSpans, minCell: job.minCell,
                                    hideGroupValues: streaming ? [] : respondents.map { !job.groupBy.isEmpty && Suppression.isHidden($0.groupValues, in: small) })
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
                                       provenance: provenance(), disclosure: disclosure, codedPerTheme: codedPerTheme,
                                       crosstab: shownCrosstab(), cooccurrence: shownCooccurrence(), quotes: quotes(),
                                       quoteLabels: AnalysisOutputs.quoteLabelVariables(analysis))
            reportData = d
            return d
        }
        for output in job.outputs {
            switch output {
            case .codedCSV, .codedExcelCSV: break                 // written while the rows were coded
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
                                   spans: redactionSpans, redactor: redactor, provenance: provenance(),
                                   to: staged.path(for: output.rawValue))
            case .cooccurrenceCSV: try staged.write(AnalysisOutputs.cooccurrenceCSV(analysis, rows: shownCooccurrence()), to: output.rawValue)
            case .themeItemsCSV: try staged.write(AnalysisOutputs.themeItemsCSV(analysis), to: output.rawValue)
            case .keynessCSV: try staged.write(AnalysisOutputs.keynessCSV(analysis), to: output.rawValue)
            case .wavesCSV: try staged.write(AnalysisOutputs.wavesCSV(analysis), to: output.rawValue)
            case .quotesCSV: try staged.write(AnalysisOutputs.quotesCSV(analysis, rows: quotes()), to: output.rawValue)
            }
        }
        if let cache, let keys {
            do {
                try cache.storeResults(keys.results, summary: .init(accounting: accounting, codedPerTheme: codedPerTheme, redactions: redactions),
                                       outputs: job.outputs, from: staged)
            } catch { cacheFailed(error) }
        }
        try staged.commit()
        stage("analyse and write")
        return JobSummary(accounting: accounting, themes: visible, codedPerTheme: codedPerTheme,
                          outputFiles: job.outputPaths, warnings: accounting.warnings + cacheWarnings, seconds: Date().timeIntervalSince(started), redactions: redactions, minCell: job.minCell,
                          stageSeconds: stages, reused: cachedTokens != nil ? .tokens : nil)
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
            accounting.absorb(acc, file: input.path)
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
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> (codings: [CodedAnswer], tokens: [[Token]], vocabulary: Vocabulary) {
        // Batch by batch: tokenising on all cores with type ids in input order, then coding on all cores.
        // Coding only reads the compiled codebook, and each answer's result goes to its own slot, so codes
        // are the same for any number of threads.
        let coder = Coder(compiled)
        var stage = CodingStage(compiled, threads: threads)
        var codings: [CodedAnswer] = []
        codings.reserveCapacity(responses.count)
        var kept: [[Token]] = []
        let workers = max(1, threads)
        var start = 0
        while start < responses.count {
            let end = min(responses.count, start + batchRows)
            let tokens = stage.tokens(responses[start..<end])
            let results = UnsafeSlots<CodedAnswer>(count: end - start, initial: CodedAnswer(hits: [], tokenCount: 0))
            let base = start
            DispatchQueue.concurrentPerform(iterations: min(workers, end - start)) { w in
                var k = w
                while k < tokens.count {
                    var text = responses[base + k].text
                    results.set(k, text.withUTF8 { coder.code(tokens: tokens[k], text: $0) })
                    k += workers
                }
            }
            codings += results.values
            if keepTokens { kept += tokens }
            start = end
        }
        return (codings, kept, stage.interner.vocabulary)
    }


}
