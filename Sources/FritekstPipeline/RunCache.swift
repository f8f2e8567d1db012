import Foundation
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstPrivacy
import FritekstText

/// Earlier work of a job, found again by content hashes in a cache directory (`--cache DIR`, pipeline `cache:`).
///
/// Two kinds of entries:
/// - `results-KEY/`: the output files and summary of a finished run. KEY hashes the tool version, the
///   inputs' bytes and how they are read, the codebook's bytes, the name lists' bytes and every option
///   that shapes an output; an unchanged re-run copies these files instead of working.
/// - `tokens-KEY/`: the responses, their tokens (type ids with byte ranges and sentences), the types and the
///   redaction spans of every answer. KEY hashes what decides tokens and spans (inputs and how they are read,
///   tokenizer mode, morphology on or off, name lists), not the codebook: a changed codebook is compiled
///   against the stored types and codes the stored tokens without reading or tokenising the inputs again.
///
/// Entries are written into a temporary directory and renamed into place, so a failed run leaves none.
struct RunCache {
    let directory: String
    static let rowsFile = "rows.bin"
    static let typesFile = "types.bin"
    static let metaFile = "meta.json"
    static let summaryFile = "summary.json"

    /// The warning for a cache that could not be written: the run's outputs are still complete.
    static func notUpdated(_ directory: String?, _ error: any Error) -> String {
        let reason = (error as? FritekstError)?.message ?? error.localizedDescription
        return "\(directory ?? "cache"): cache not updated (\(reason)); the outputs are complete"
    }

    /// What a token entry records besides the rows: the accounting, and the row count and size of
    /// `rows.bin` (an entry whose file does not have them is damaged and not used).
    struct Meta: Codable {
        var accounting: RowAccounting
        var rows: Int
        var bytes: Int
    }

    /// What a result entry records besides the files (which are the job's outputs: the key covers them).
    struct Summary: Codable {
        var accounting: RowAccounting
        var codedPerTheme: [Int]
        var redactions: RedactionCounts
    }

    /// Opens the cache at `directory`, creating it when missing. A directory the tool creates is readable
    /// by its owner only (0700): token entries hold every word of the answers, names included. An existing
    /// directory keeps the permissions its owner gave it.
    init(directory: String) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw FritekstError(.output, "the cache path exists and is not a directory", file: directory)
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FritekstError(.output, "cannot create the cache directory: \(error.localizedDescription)", file: directory)
        }
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// The tool's identity in every key: its version and the hash of the running executable, so that a
    /// rebuilt tool (which may code differently) never reuses what an earlier build made.
    static let toolIdentity: String = {
        let exe = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        return "fritekst \(Provenance.toolVersion) " + (Provenance.digest(ofFile: "/proc/self/exe")?.fnv1a64
            ?? Provenance.digest(ofFile: exe)?.fnv1a64 ?? "unknown build")
    }()

    // MARK: keys

    /// The token key, the result key and the inputs' content hashes of `job`; nil when an input cannot be read.
    static func keys(_ job: CodingJob, keepFields: Set<String>?, codebook: Codebook)
        -> (tokens: String, results: String, digests: [Provenance.FileDigest])? {
        guard let t = tokenKey(job, keepFields: keepFields, tokenizerMode: codebook.tokenizerMode, morphology: codebook.needsMorphology) else {
            return nil
        }
        return (t.key, resultKey(job, tokenKey: t.key), t.digests)
    }

    /// Key of the tokens and spans of `job`'s inputs read with `keepFields`, for a codebook with this tokenizer,
    /// with the inputs' content hashes; nil when an input cannot be read (the run then reports it as usual).
    static func tokenKey(_ job: CodingJob, keepFields: Set<String>?, tokenizerMode: TokenizerMode, morphology: Bool)
        -> (key: String, digests: [Provenance.FileDigest])? {
        var h = FNV1a64()
        var digests: [Provenance.FileDigest] = []
        h.feed(toolIdentity + " tokens v2")
        for input in job.inputs {
            guard let format = try? InputReader.checkedFormat(path: input.path, options: ReadOptions(csv: input.csv, sheet: input.sheet)),
                  var d = Provenance.digest(ofFile: input.path) else { return nil }
            d.format = format.rawValue
            digests.append(d)
            h.feed(input.path); h.feed(d.fnv1a64)
            let m = input.mapping
            h.feed(m.id ?? "(row)"); h.feed(m.texts.joined(separator: "\u{1}"))
            h.feed(m.renames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"))
            h.feed(input.csv.delimiter.map { String($0) } ?? "-"); h.feed(input.csv.encoding?.rawValue ?? "-")
            h.feed(String(input.csv.strict)); h.feed(input.wave ?? "-"); h.feed(input.sheet ?? "-")
        }
        h.feed(job.groupBy.joined(separator: "\u{1}"))
        h.feed(keepFields.map { $0.sorted().joined(separator: "\u{1}") } ?? "(all fields)")
        h.feed(tokenizerMode.rawValue); h.feed(String(morphology))
        for f in job.names { h.feed(Provenance.digest(ofFile: f)?.fnv1a64 ?? "unreadable:\(f)") }
        return (h.hex, digests)
    }

    /// Key of the finished outputs: the token key plus the codebook's bytes and every output option.
    static func resultKey(_ job: CodingJob, tokenKey: String) -> String {
        var h = FNV1a64()
        h.feed(toolIdentity + " results v1")
        h.feed(tokenKey)
        h.feed(Provenance.digest(ofFile: job.codebookPath)?.fnv1a64 ?? "unreadable")
        h.feed(job.outputs.map(\.rawValue).joined(separator: ","))
        h.feed(String(job.minCell)); h.feed(String(job.reproducible))
        h.feed(job.title ?? "-"); h.feed(job.description ?? "-")
        let a = job.analysis
        h.feed(a.denominator.rawValue); h.feed(String(a.margins)); h.feed(String(a.dottedParents))
        h.feed(a.items?.joined(separator: "\u{1}") ?? "-"); h.feed(a.keynessBy?.joined(separator: "\u{1}") ?? "-")
        h.feed("\(a.keynessTop) \(a.keynessMinFrequency) \(a.keynessThemes)")
        let q = a.quotes
        h.feed("\(q.perGroup) \(q.minCell) \(q.minChars) \(q.maxChars) \(q.lambda) \(q.byGroup)")
        h.feed(a.quoteLabels.joined(separator: "\u{1}"))
        for (name, bands) in a.bands.sorted(by: { $0.key < $1.key }) {
            h.feed(name + ":" + bands.map { "\($0.label)[\($0.low),\($0.high)]" }.joined(separator: ";"))
        }
        return h.hex
    }

    // MARK: results

    /// The stored summary and the directory of a finished run with this key, if it has every output file.
    func results(_ key: String, outputs: [JobOutput]) -> (summary: Summary, directory: String)? {
        let dir = path("results-" + key)
        guard let data = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(Self.summaryFile)),
              let summary = try? JSONDecoder().decode(Summary.self, from: data),
              outputs.allSatisfy({ FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent($0.rawValue)) })
        else { return nil }
        return (summary, dir)
    }

    /// Stores the output files of a finished run (copied from the staging place) under `key`.
    func storeResults(_ key: String, summary: Summary, outputs: [JobOutput], from staged: StagedOutput) throws {
        let final = path("results-" + key)
        let tmp = path(".results-\(key)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: tmp)
        do {
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            for output in outputs {
                try FileManager.default.copyItem(atPath: staged.path(for: output.rawValue),
                                                 toPath: (tmp as NSString).appendingPathComponent(output.rawValue))
            }
            try JSONEncoder().encode(summary).write(to: URL(fileURLWithPath: (tmp as NSString).appendingPathComponent(Self.summaryFile)))
            // A run stores results only after missing them, so an entry already here is incomplete: replace it.
            if FileManager.default.fileExists(atPath: final) { try FileManager.default.removeItem(atPath: final) }
            try FileManager.default.moveItem(atPath: tmp, toPath: final)
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw FritekstError(.output, "results not stored: \(error.localizedDescription)", file: directory)
        }
    }
}

/// Writes a token entry batch by batch; `finish` makes it visible, `abandon` removes it.
final class TokenCacheWriter {
    private let final: String
    private let tmp: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var rows = 0
    private var bytes = 0

    init(cache: RunCache, key: String) throws {
        final = cache.path("tokens-" + key)
        tmp = cache.path(".tokens-\(key)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: tmp)
        do {
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        } catch {
            throw FritekstError(.output, "cannot write to the cache: \(error.localizedDescription)", file: cache.directory)
        }
        let rowsPath = (tmp as NSString).appendingPathComponent(RunCache.rowsFile)
        guard FileManager.default.createFile(atPath: rowsPath, contents: nil), let h = FileHandle(forWritingAtPath: rowsPath) else {
            throw FritekstError(.output, "cannot write to the cache", file: rowsPath)
        }
        handle = h
    }

    /// Appends one batch: responses with their tokens and redaction spans.
    func append(_ responses: [Response], tokens: [[Token]], spans: [[RedactionSpan]]) throws {
        buffer.removeAll(keepingCapacity: true)
        var w = BinaryWriter(bytes: buffer)
        w.u32(UInt32(responses.count))
        for (k, r) in responses.enumerated() {
            w.string(r.id); w.u32(UInt32(r.row)); w.u32(UInt32(r.line))
            let fields = r.fields.sorted { $0.key < $1.key }
            w.u32(UInt32(fields.count))
            for (key, value) in fields { w.string(key); w.string(value) }
            w.string(r.text)
            // Tokens are stored as their in-memory bytes: the entry belongs to this build (its key has the executable's hash).
            w.u32(UInt32(tokens[k].count))
            tokens[k].withUnsafeBytes { w.bytes.append(contentsOf: $0) }
            w.u32(UInt32(spans[k].count))
            for s in spans[k] { w.u8(UInt8(s.kind.rawValue)); w.u32(UInt32(s.start)); w.u32(UInt32(s.end)) }
        }
        buffer = w.bytes
        try handle.write(contentsOf: buffer)
        rows += responses.count
        bytes += buffer.count
    }

    /// Writes the types and the accounting and renames the entry into place.
    func finish(types: [String], accounting: RowAccounting) throws {
        try handle.close()
        var w = BinaryWriter(bytes: [])
        w.u32(UInt32(types.count))
        for t in types { w.string(t) }
        try Data(w.bytes).write(to: URL(fileURLWithPath: (tmp as NSString).appendingPathComponent(RunCache.typesFile)))
        let meta = RunCache.Meta(accounting: accounting, rows: rows, bytes: bytes)
        try JSONEncoder().encode(meta).write(to: URL(fileURLWithPath: (tmp as NSString).appendingPathComponent(RunCache.metaFile)))
        if FileManager.default.fileExists(atPath: final) { try? FileManager.default.removeItem(atPath: final) }
        try FileManager.default.moveItem(atPath: tmp, toPath: final)
    }

    /// Removes the unfinished entry.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: tmp)
    }
}

/// Reads a token entry: the types up front, then the rows batch by batch (as they were written).
final class TokenCacheReader: @unchecked Sendable {
    let meta: RunCache.Meta
    let vocabulary: Vocabulary
    private let handle: FileHandle
    private let rowsPath: String
    private var pending: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var rowsRead = 0

    /// Opens the entry for `key`; nil when there is none, or when it is incomplete or cannot be read (which
    /// counts as none: the inputs are read again).
    init?(cache: RunCache, key: String) {
        let dir = cache.path("tokens-" + key)
        let rowsPath = (dir as NSString).appendingPathComponent(RunCache.rowsFile)
        guard let metaData = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(RunCache.metaFile)),
              let meta = try? JSONDecoder().decode(RunCache.Meta.self, from: metaData),
              (try? FileManager.default.attributesOfItem(atPath: rowsPath)[.size] as? Int) == meta.bytes,
              let typesData = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(RunCache.typesFile)),
              let handle = FileHandle(forReadingAtPath: rowsPath) else { return nil }
        var r = BinaryReader(bytes: [UInt8](typesData))
        var vocabulary = Vocabulary()
        guard let n = r.u32() else { return nil }
        for _ in 0..<n {
            guard let t = r.string() else { return nil }
            _ = vocabulary.intern(t)
        }
        guard vocabulary.count == Int(n) else { return nil }
        self.meta = meta
        self.vocabulary = vocabulary
        self.handle = handle
        self.rowsPath = rowsPath
    }

    /// The next stored batch: responses, tokens and spans, with the share of rows read; nil at the end.
    func next() throws -> (responses: [Response], tokens: [[Token]], spans: [[RedactionSpan]], fractionRead: Double)? {
        func damaged() -> FritekstError {
            FritekstError(.input, "cache entry is damaged (\(rowsRead) of \(meta.rows) rows readable); delete the cache directory and run again",
                          file: rowsPath)
        }
        while true {
            var r = BinaryReader(bytes: pending, offset: position)
            if let batch = Self.batch(&r) {
                position = r.offset
                rowsRead += batch.0.count
                let fraction = meta.rows > 0 ? Double(rowsRead) / Double(meta.rows) : 1
                return (batch.0, batch.1, batch.2, fraction)
            }
            if atEnd {
                // Every stored row comes back, or the run stops: no row is lost to a short file.
                if position < pending.count || rowsRead != meta.rows { throw damaged() }
                return nil
            }
            let more = try handle.read(upToCount: 8 << 20) ?? Data()
            if more.isEmpty { atEnd = true; try? handle.close(); continue }
            pending.removeFirst(position)
            position = 0
            pending.append(contentsOf: more)
        }
    }

    /// Decodes one batch, or nil when the bytes end before it does.
    private static func batch(_ r: inout BinaryReader) -> ([Response], [[Token]], [[RedactionSpan]])? {
        guard let count = r.u32() else { return nil }
        var responses: [Response] = [], tokens: [[Token]] = [], spans: [[RedactionSpan]] = []
        responses.reserveCapacity(Int(count)); tokens.reserveCapacity(Int(count)); spans.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let id = r.string(), let row = r.u32(), let line = r.u32(), let nFields = r.u32() else { return nil }
            var fields: [String: String] = [:]
            for _ in 0..<nFields {
                guard let k = r.string(), let v = r.string() else { return nil }
                fields[k] = v
            }
            guard let text = r.string(), let nTokens = r.u32(), let ts = r.tokens(Int(nTokens)) else { return nil }
            guard let nSpans = r.u32() else { return nil }
            var ss: [RedactionSpan] = []
            for _ in 0..<nSpans {
                guard let kind = r.u8(), let start = r.u32(), let end = r.u32() else { return nil }
                ss.append(RedactionSpan(kind: RedactionKind(rawValue: Int(kind)) ?? .navn, start: Int(start), end: Int(end)))
            }
            responses.append(Response(id: id, row: Int(row), line: Int(line), fields: fields, text: text))
            tokens.append(ts)
            spans.append(ss)
        }
        return (responses, tokens, spans)
    }
}

/// Little-endian fixed-width integers and length-prefixed UTF-8 strings.
struct BinaryWriter {
    var bytes: [UInt8]
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
}

/// Reads what `BinaryWriter` wrote; every read is nil when the bytes run out.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    mutating func u8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u32() -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
    mutating func i32() -> Int32? { u32().map { Int32(bitPattern: $0) } }
    /// `n` tokens stored as their in-memory bytes.
    mutating func tokens(_ n: Int) -> [Token]? {
        let size = n * MemoryLayout<Token>.stride
        guard offset + size <= bytes.count else { return nil }
        defer { offset += size }
        return bytes.withUnsafeBytes { raw in
            [Token](unsafeUninitializedCapacity: n) { buffer, count in
                if n > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + offset, byteCount: size) }
                count = n
            }
        }
    }
    mutating func string() -> String? {
        guard let n = u32(), offset + Int(n) <= bytes.count else { return nil }
        defer { offset += Int(n) }
        return String(decoding: bytes[offset..<(offset + Int(n))], as: UTF8.self)
    }
}
