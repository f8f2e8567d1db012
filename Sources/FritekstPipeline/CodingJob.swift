import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstIngest
import FritekstLexicon
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

    /// Creates a job.
    public init(inputs: [JobInput], codebookPath: String, groupBy: [String], outputDirectory: String,
                outputs: [JobOutput], reproducible: Bool = false, lemmaProvider: (any LemmaProvider)? = nil) {
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

    /// Human-readable summary lines.
    public var lines: [String] {
        var out: [String] = []
        let a = accounting
        out.append("respondents: \(a.rowsRead)  answered: \(a.answered)  empty: \(a.empty)  skipped: \(a.skipped.count)")
        let width = max(10, themes.map(\.id.count).max() ?? 10)
        for (t, theme) in themes.enumerated() {
            let n = codedPerTheme[t]
            let pct = a.answered > 0 ? 100 * Double(n) / Double(a.answered) : 0
            out.append("  " + theme.id.padding(toLength: width, withPad: " ", startingAt: 0)
                       + String(format: " %5d  %5.1f %% of answered", n, pct))
        }
        out.append("wrote: " + outputFiles.joined(separator: ", ") + String(format: "  (%.2f s)", seconds))
        return out
    }
}

/// Runs coding jobs: read, tokenise, code, count, write all outputs or none.
public enum JobRunner {
    /// Group value written for a missing or blank grouping field.
    public static let missingGroup = "(mangler)"

    /// Runs `job`; on error nothing is written to the output directory.
    public static func run(_ job: CodingJob) throws -> JobSummary {
        let started = Date()
        // Read every input before anything is written.
        var responses: [Response] = []
        var accounting = RowAccounting()
        var inputDigests: [Provenance.FileDigest] = []
        var formats: [String] = []
        for input in job.inputs {
            let result = try InputReader.read(path: input.path, options: ReadOptions(csv: input.csv, sheet: input.sheet))
            formats.append(result.format.rawValue)
            var acc = result.accounting
            var mapping = input.mapping
            mapping.groups = job.groupBy.filter { !($0 == "wave" && input.wave != nil) }
            var rs = try mapping.responses(from: result.table, file: input.path, accounting: &acc)
            if let wave = input.wave { for k in rs.indices { rs[k].fields["wave"] = wave } }
            responses += rs
            accounting.rowsRead += acc.rowsRead
            accounting.answered += acc.answered
            accounting.empty += acc.empty
            accounting.skipped += acc.skipped.map { .init(file: input.path, line: $0.line, reason: $0.reason) }
            accounting.duplicateIDs += acc.duplicateIDs
            accounting.warnings += acc.warnings
            if let d = Provenance.digest(ofFile: input.path) { inputDigests.append(d) }
        }

        let codebook = try CodebookLoader.load(path: job.codebookPath)
        if codebook.themes.isEmpty {
            throw FritekstError(.codebook, "codebook defines no themes", file: job.codebookPath)
        }
        let compiled = try CompiledCodebook(codebook, lemmas: job.lemmaProvider)
        let tokenizer = Tokenizer(mode: codebook.tokenizerMode)
        let coder = Coder(compiled)
        var interner = Interner()
        var codings: [CodedAnswer] = []
        codings.reserveCapacity(responses.count)
        var tokens: [Token] = []
        for r in responses {
            tokens.removeAll(keepingCapacity: true)
            if r.isAnswered { interner.tokens(of: r.text, tokenizer: tokenizer, into: &tokens) }
            compiled.resolve(interner.vocabulary)
            var text = r.text
            let coded = text.withUTF8 { coder.code(tokens: tokens, text: $0) }
            codings.append(coded)
        }

        let themeIDs = codebook.themes.map(\.id)
        var codedPerTheme = Array(repeating: 0, count: themeIDs.count)
        var respondents: [CodedRespondent] = []
        respondents.reserveCapacity(responses.count)
        for (r, c) in zip(responses, codings) {
            var flags = Array(repeating: false, count: themeIDs.count)
            for h in c.hits { flags[h.theme] = true; codedPerTheme[h.theme] += 1 }
            let groups = job.groupBy.map { g -> String in
                let v = (r.fields[g] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? missingGroup : v
            }
            respondents.append(CodedRespondent(groupValues: groups, answered: r.isAnswered, themes: flags))
        }
        let crosstab = Crosstab.compute(themes: themeIDs, respondents: respondents)

        var options: [String: String] = ["group_by": job.groupBy.joined(separator: ","),
                                         "tokenizer": codebook.tokenizerMode.rawValue]
        if let v = codebook.version { options["codebook_version"] = v }
        options["input_formats"] = formats.joined(separator: ",")
        options["rows_read"] = String(accounting.rowsRead)
        options["rows_answered"] = String(accounting.answered)
        options["rows_empty"] = String(accounting.empty)
        options["rows_skipped"] = String(accounting.skipped.count)
        options["duplicate_ids"] = String(accounting.duplicateIDs.count)
        let provenance = Provenance(inputs: inputDigests, codebook: Provenance.digest(ofFile: job.codebookPath),
                                    options: options, reproducible: job.reproducible)

        let staged = try StagedOutput(directory: job.outputDirectory)
        for output in job.outputs {
            switch output {
            case .codedCSV:
                try staged.write(codedCSV(responses: responses, codings: codings, compiled: compiled), to: output.rawValue)
            case .crosstabCSV, .themesByGroupCSV:
                try staged.write(crosstabCSV(crosstab, by: job.groupBy), to: output.rawValue)
            case .reportXLSX:
                try XLSXWriter.write(Workbook.sheets(responses: responses, codings: codings, compiled: compiled,
                                                     crosstab: crosstab, by: job.groupBy, accounting: accounting,
                                                     provenance: provenance),
                                     to: staged.path(for: output.rawValue))
            }
        }
        try staged.commit()
        return JobSummary(accounting: accounting, themes: codebook.themes, codedPerTheme: codedPerTheme,
                          outputFiles: job.outputs.map { (job.outputDirectory as NSString).appendingPathComponent($0.rawValue) },
                          warnings: accounting.warnings, seconds: Date().timeIntervalSince(started))
    }

    static func codedCSV(responses: [Response], codings: [CodedAnswer], compiled: CompiledCodebook) -> Data {
        var w = CSVWriter()
        let themes = compiled.codebook.themes
        w.row(["id"] + themes.map(\.id) + ["evidence"])
        for (r, c) in zip(responses, codings) {
            var flags = Array(repeating: "0", count: themes.count)
            for h in c.hits { flags[h.theme] = "1" }
            w.row([r.id] + flags + [c.evidence(text: r.text, compiled: compiled)])
        }
        return w.data
    }

    static func crosstabCSV(_ rows: [CrosstabRow], by: [String]) -> Data {
        var w = CSVWriter()
        w.row(["theme"] + by + ["n_group", "n_coded", "share", "ci_low", "ci_high", "p_value", "test"])
        for r in rows {
            w.row([r.theme] + r.group + [String(r.nGroup), String(r.nCoded), NumberFormat.fraction(r.share),
                                         NumberFormat.fraction(r.ciLow), NumberFormat.fraction(r.ciHigh),
                                         r.pValue.map(NumberFormat.pValue) ?? "", r.test])
        }
        return w.data
    }
}
