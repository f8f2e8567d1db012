import Foundation
import FritekstCore
import FritekstAnalysis
import FritekstIngest
import Yams

/// A declarative batch job (`Pipelines/*.yaml`); relative paths are relative to the pipeline file.
public struct PipelineFile: Sendable {
    /// Input section of the file.
    public struct Input: Decodable, Sendable {
        public var path: String
        public var wave: String?
        public var id_column: String?
        public var text_column: String?
        public var encoding: String?
        public var delimiter: String?
        public var sheet: String?
        /// Several open-answer columns coded together (joined with a blank line).
        public var text_columns: [String]?
        /// Column renames (old: new) applied before mapping.
        public var rename: [String: String]?
    }

    /// Output section of the file.
    public struct Output: Decodable, Sendable {
        public var directory: String
        public var files: [String]?
    }

    struct Model: Decodable {
        var name: String?
        var description: String?
        var inputs: [Input]
        var codebook: String
        var group_by: [String]?
        var output: Output
        var reproducible: Bool?
        var analysis: AnalysisOptions.Section?
        var names: [String]?
        var min_cell: Int?
        /// Cache directory (earlier results and tokenised inputs), relative to the pipeline file.
        var cache: String?
    }

    public var name: String
    public var path: String
    public var job: CodingJob

    /// Reads and validates a pipeline file into a job.
    public static func load(path: String) throws -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.pipeline, FileManager.default.fileExists(atPath: path) ? "cannot read pipeline file" : "no such pipeline file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FritekstError(.pipeline, "pipeline file is not valid UTF-8", file: path)
        }
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { throw FritekstError(.pipeline, "pipeline file is empty", file: path) }
            root = n
        } catch let e as FritekstError {
            throw e
        } catch {
            throw FritekstError(.pipeline, "invalid YAML: \(error)", file: path)
        }
        let model: Model
        do {
            model = try YAMLDecoder().decode(Model.self, from: root)
        } catch let e as DecodingError {
            var err = CodebookLoaderBridge.locate(e, root: root, file: path)
            err.kind = .pipeline
            throw err
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : base.appendingPathComponent(p).standardizedFileURL.path
        }
        let inputNodes = root.mapping?["inputs"]?.sequence.map(Array.init) ?? []
        var inputs: [JobInput] = []
        for (k, i) in model.inputs.enumerated() {
            var csv = CSVOptions()
            let mark = k < inputNodes.count ? inputNodes[k].mark : nil
            if let e = i.encoding {
                guard let enc = TextEncoding(name: e) else {
                    throw FritekstError(.pipeline, "unknown encoding '\(e)'", file: path, line: mark?.line, position: mark?.column)
                }
                csv.encoding = enc
            }
            if let d = i.delimiter {
                let map: [String: UInt8] = [",": 44, ";": 59, "\\t": 9, "tab": 9, "|": 124]
                guard let b = map[d] else {
                    throw FritekstError(.pipeline, "unknown delimiter '\(d)' (use , ; tab |)", file: path, line: mark?.line, position: mark?.column)
                }
                csv.delimiter = b
            }
            var mapping = ColumnMapping(id: i.id_column ?? "id", text: i.text_column ?? "text")
            if let texts = i.text_columns, !texts.isEmpty { mapping = ColumnMapping(id: i.id_column ?? "id", texts: texts) }
            mapping.renames = i.rename ?? [:]
            inputs.append(JobInput(path: resolve(i.path), mapping: mapping, csv: csv, wave: i.wave, sheet: i.sheet))
        }
        if inputs.isEmpty { throw FritekstError(.pipeline, "no inputs", file: path) }
        var outputs: [JobOutput] = []
        for f in model.output.files ?? [JobOutput.codedCSV, .themesByGroupCSV, .reportXLSX].map(\.rawValue) {
            guard let o = JobOutput(rawValue: f) else {
                throw FritekstError(.pipeline, "unknown output file '\(f)' (known: \(JobOutput.allCases.map(\.rawValue).joined(separator: ", ")))", file: path)
            }
            outputs.append(o)
        }
        if let m = model.min_cell, m < 0 {
            let mark = root.mapping?["min_cell"]?.mark
            throw FritekstError(.pipeline, "min_cell must be 0 or more", file: path, line: mark?.line, position: mark?.column)
        }
        var job = CodingJob(inputs: inputs, codebookPath: resolve(model.codebook), groupBy: model.group_by ?? [],
                            outputDirectory: resolve(model.output.directory), outputs: outputs,
                            reproducible: model.reproducible ?? false, names: (model.names ?? []).map(resolve),
                            minCell: model.min_cell ?? Suppression.defaultMinCell)
        if let a = model.analysis {
            job.analysis = try AnalysisOptions(a, file: path)
            // One threshold for every table: the top-level min_cell, else the analysis section's.
            if model.min_cell == nil, a.min_cell != nil { job.minCell = job.analysis.minCell }
        }
        let name = model.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        job.title = name
        job.description = model.description
        job.cacheDirectory = model.cache.map(resolve)
        return PipelineFile(name: name, path: path, job: job)
    }
}

/// Locates decoding errors in a YAML node tree (shared with the codebook loader's approach).
enum CodebookLoaderBridge {
    static func locate(_ e: DecodingError, root: Node, file: String) -> FritekstError {
        var path: [any CodingKey] = []
        var message = "\(e)"
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            path = c.codingPath
            message = "invalid value at '\(path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))': \(c.debugDescription)"
        case .keyNotFound(let k, let c):
            path = c.codingPath
            message = "missing key '\(k.stringValue)'"
        @unknown default: break
        }
        var node = root
        for key in path {
            if let i = key.intValue, let s = node.sequence, i < s.count { node = s[i] } else if let n = node.mapping?[key.stringValue] { node = n } else { break }
        }
        return FritekstError(.pipeline, message, file: file, line: node.mark?.line, position: node.mark?.column)
    }
}

extension PipelineFile {
    /// Checks the inputs (columns included) and the codebook without coding or writing anything, and
    /// describes what a run would do (`fritekst run --dry-run`).
    public func plan() throws -> [String] {
        var lines = ["plan for pipeline \(name) (\(path))", "inputs:"]
        for (k, input) in job.inputs.enumerated() {
            let result = try InputReader.read(path: input.path, options: ReadOptions(csv: input.csv, sheet: input.sheet))
            var acc = result.accounting
            var mapping = input.mapping
            mapping.groups = job.groupBy.filter { !($0 == "wave" && input.wave != nil) }
            _ = try mapping.responses(from: result.table, file: input.path, accounting: &acc)
            let size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
            let details = result.details.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  \(k + 1). \(input.path)")
            lines.append("     \(result.format.rawValue), \(size / 1024) KiB\(details.isEmpty ? "" : ", " + details)\(input.wave.map { ", wave \($0)" } ?? "")")
            lines.append("     \(acc.rowsRead) rows (\(acc.answered) answered, \(acc.empty) empty, \(acc.skipped.count) to skip); "
                         + "id '\(input.mapping.id ?? "row number")', text '\(input.mapping.text)'")
        }
        let codebook = try JobRunner.loadCodebook(job.codebookPath)
        let entries = codebook.themes.reduce(0) { $0 + $1.entries.count }
        let rules = codebook.themes.reduce(0) { $0 + $1.rules.count }
        lines.append("codebook: \(job.codebookPath)")
        lines.append("  \(codebook.format.rawValue) format, \(codebook.visibleThemes.count) themes, \(entries) entries, \(rules) rules; "
                     + (codebook.needsMorphology ? "uses Norwegian morphology (Hunspell nb/nn)" : "no morphology needed"))
        lines.append("steps: read → tokenise (\(codebook.tokenizerMode.rawValue)) → resolve patterns per type → code on "
                     + "\(ProcessInfo.processInfo.activeProcessorCount) cores → redact answer text → tables "
                     + "(group by \(job.groupBy.isEmpty ? "nothing" : job.groupBy.joined(separator: ", ")), min_cell \(job.minCell)) → write")
        let streamed = job.outputs.allSatisfy { JobRunner.streamedOutputs.contains($0) }
        lines.append("rows: " + (streamed ? "streamed in batches of \(JobRunner.batchRows) (memory bounded by the batch)"
                                          : "kept in memory (reports, quotes, keyness, items or SPSS need every answer)"))
        lines.append("cache: " + (job.cacheDirectory.map { "\($0) (results and tokens by content hash)" } ?? "none"))
        lines.append("outputs (all or none) in \(job.outputDirectory):")
        for o in job.outputs { lines.append("  \(o.rawValue)") }
        return lines
    }
}
