import Foundation
import FritekstCore
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
        let job = CodingJob(inputs: inputs, codebookPath: resolve(model.codebook), groupBy: model.group_by ?? [],
                            outputDirectory: resolve(model.output.directory), outputs: outputs,
                            reproducible: model.reproducible ?? false)
        return PipelineFile(name: model.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                            path: path, job: job)
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
