import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstPrivacy
import FritekstReport
import FritekstText

/// How far a run has come: rows coded and the share of the input read.
public struct JobProgress: Sendable {
    /// Rows coded so far.
    public var rows: Int
    /// Share of all input bytes (or rows, for formats read whole) read so far, 0…1.
    public var fractionRead: Double
    /// True on the last report of a run.
    public var finished: Bool
}

/// Tokenising and type resolution of one run, batch after batch: answers are tokenised on all cores, new
/// surface forms get ids in input order, and the codebook is resolved once per new type.
struct CodingStage {
    let compiled: CompiledCodebook
    let tokenizer: Tokenizer
    let threads: Int
    private(set) var interner = Interner()

    init(_ compiled: CompiledCodebook, threads: Int) {
        self.compiled = compiled
        self.tokenizer = compiled.tokenizer
        self.threads = max(1, threads)
    }

    /// Tokens of each response (none for an empty answer), with every type resolved against the codebook.
    mutating func tokens(_ responses: ArraySlice<Response>) -> [[Token]] {
        let tokens = interner.tokens(of: responses, tokenizer: tokenizer, threads: threads)
        compiled.resolve(interner.vocabulary, threads: threads)
        return tokens
    }
}

/// The rows of a job's inputs as responses, a batch at a time, input after input: each input is opened
/// (and its columns checked) up front, then streamed, so memory is bounded by the batch size.
final class ChunkSource: @unchecked Sendable {
    private struct Open {
        var input: JobInput
        var stream: RowStream
        var mapper: RowMapper
    }
    private var open: [Open] = []
    private var current = 0
    private var prepared: [Response]?
    private var preparedPosition = 0
    /// Accounting of every input finished so far (complete after the last batch).
    private(set) var accounting = RowAccounting()

    /// Opens every input; `keepFields`, when given, limits the background fields kept per response.
    init(_ inputs: [JobInput], groupBy: [String], keepFields: Set<String>?) throws {
        for input in inputs {
            let stream = try RowStream(path: input.path, options: ReadOptions(csv: input.csv, sheet: input.sheet))
            var mapping = input.mapping
            mapping.groups = groupBy.filter { !($0 == "wave" && input.wave != nil) }
            let mapper = try RowMapper(mapping: mapping, header: stream.header, file: input.path, keepFields: keepFields)
            open.append(Open(input: input, stream: stream, mapper: mapper))
        }
    }

    private var preparedDigests: [Provenance.FileDigest] = []

    /// Hands out responses already read (their accounting and input digests come with them).
    init(responses: [Response], accounting: RowAccounting, digests: [Provenance.FileDigest]) {
        prepared = responses
        self.accounting = accounting
        preparedDigests = digests
    }

    /// Content hash and format of every input (read again from disk, a megabyte at a time).
    func digests() -> [Provenance.FileDigest] {
        if prepared != nil { return preparedDigests }
        return open.compactMap { o in
            var d = Provenance.digest(ofFile: o.input.path)
            d?.format = o.stream.format.rawValue
            return d
        }
    }

    /// The next batch of up to `count` responses with the share of the input read; nil at the end.
    func next(_ count: Int) throws -> (responses: [Response], fractionRead: Double)? {
        if let prepared {
            guard preparedPosition < prepared.count else { return nil }
            let end = min(prepared.count, preparedPosition + count)
            defer { preparedPosition = end }
            return (Array(prepared[preparedPosition..<end]), Double(end) / Double(prepared.count))
        }
        while current < open.count {
            // The mapper is used in place: a copy would copy its set of seen ids on every batch.
            let stream = open[current].stream, input = open[current].input
            var acc = RowAccounting()
            let rows = try stream.next(count)
            var out: [Response] = []
            out.reserveCapacity(rows.count)
            for (cells, line) in rows {
                var r = open[current].mapper.response(cells, line: line, accounting: &acc)
                if let wave = input.wave { r.fields["wave"] = wave }
                out.append(r)
            }
            accounting.answered += acc.answered
            accounting.empty += acc.empty
            if rows.isEmpty {
                // The input is finished: its rows, skips, duplicates and warnings join the run's (answered and
                // empty were counted batch by batch above).
                var done = stream.accounting
                open[current].mapper.finish(&done)
                accounting.absorb(done, file: input.path)
                current += 1
                continue
            }
            let fraction = (Double(current) + stream.fractionRead) / Double(open.count)
            return (out, fraction)
        }
        return nil
    }
}

/// Reads the next batch on its own thread while the current one is coded.
final class ReadAhead<Batch>: @unchecked Sendable {
    private let read: () throws -> Batch?
    private let ready = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "fritekst.read-ahead")
    private var result: Result<Batch?, any Error> = .success(nil)
    private var outstanding = false

    /// Starts reading with `read` (called on the read-ahead thread only, one call at a time).
    init(_ read: @escaping () throws -> Batch?) {
        self.read = read
        start()
    }

    private func start() {
        outstanding = true
        queue.async {
            self.result = Result { try self.read() }
            self.ready.signal()
        }
    }

    /// The next batch (waiting for it if needed); nil at the end.
    func next() throws -> Batch? {
        guard outstanding else { return nil }
        ready.wait()
        outstanding = false
        guard let batch = try result.get() else { return nil }
        start()
        return batch
    }

    /// Waits for a read still under way (call before leaving a run early).
    func drain() {
        if outstanding { ready.wait(); outstanding = false }
    }
}

/// Respondents counted by their distinct (groups, answered, themes, wave) record, in first-seen order:
/// what the streamed tables need, in memory that does not grow with the number of rows.
struct RespondentCounts {
    struct Key: Hashable {
        var groups: [String]
        var answered: Bool
        var themes: [Bool]
        var wave: String
    }
    private(set) var order: [Key] = []
    private(set) var counts: [Int] = []
    /// Open-addressing index over the records' fingerprints (record index, −1 empty): a row is counted without
    /// hashing its arrays through `Hasher`.
    private var fingerprints: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// FNV-1a over the record's bytes (group values and wave separated, themes and answered as bits).
    static func fingerprint(groups: [String], answered: Bool, themes: [Bool], wave: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for g in groups {
            for b in g.utf8 { mix(b) }
            mix(0xFF)
        }
        for b in wave.utf8 { mix(b) }
        mix(0xFF)
        var bits: UInt64 = answered ? 1 : 0, k: UInt64 = 1
        for t in themes {
            if k == 64 { h = (h ^ bits) &* 0x100_0000_01b3; bits = 0; k = 0 }
            if t { bits |= 1 << k }
            k += 1
        }
        return (h ^ bits) &* 0x100_0000_01b3
    }

    @inline(__always) private static func slot(_ f: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (f ^ (f >> 29)) &* 0xbf58_476d_1ce4_e5b9 >> 32) & mask
    }

    mutating func add(_ key: Key, _ n: Int = 1) {
        add(groups: key.groups, answered: key.answered, themes: key.themes, wave: key.wave, n)
    }

    /// Counts `n` respondents with this record; the key is built only for a record not seen before.
    mutating func add(groups: [String], answered: Bool, themes: [Bool], wave: String, _ n: Int = 1) {
        let f = Self.fingerprint(groups: groups, answered: answered, themes: themes, wave: wave)
        let mask = slots.count - 1
        var s = Self.slot(f, mask)
        while slots[s] >= 0 {
            let i = Int(slots[s])
            if fingerprints[i] == f {
                let k = order[i]
                if k.answered == answered && k.themes == themes && k.groups == groups && k.wave == wave { counts[i] += n; return }
            }
            s = (s + 1) & mask
        }
        slots[s] = Int32(order.count)
        fingerprints.append(f)
        order.append(Key(groups: groups, answered: answered, themes: themes, wave: wave))
        counts.append(n)
        if order.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let m = slots.count - 1
            for (i, g) in fingerprints.enumerated() {
                var t = Self.slot(g, m)
                while slots[t] >= 0 { t = (t + 1) & m }
                slots[t] = Int32(i)
            }
        }
    }

    mutating func merge(_ other: RespondentCounts) {
        for (k, n) in zip(other.order, other.counts) { add(k, n) }
    }
}

/// What the coding loop gathers from its batches, joined in input order on a serial queue of its own: the
/// `coded.csv` bytes written, counts, and (for outputs that need every answer) the answers and their codings.
/// Read the results only after `finish()`.
final class CodingSink: @unchecked Sendable {
    /// An output file written batch by batch.
    struct Output {
        let handle: FileHandle
        let path: String

        /// Appends bytes; a failed write (full disk) names the file.
        func write(_ bytes: some DataProtocol) throws {
            do { try handle.write(contentsOf: bytes) } catch {
                throw FritekstError(.output, "cannot write output file (\(error.localizedDescription))", file: path)
            }
        }
    }

    let streaming: Bool
    private var outputs: [Output]
    private(set) var codedPerTheme: [Int]
    private(set) var redactions = RedactionCounts()
    private(set) var counted = RespondentCounts()
    private(set) var responses: [Response] = []
    private(set) var codings: [CodedAnswer] = []
    private(set) var redactionSpans: [[RedactionSpan]] = []
    private(set) var respondents: [CodedRespondent] = []
    /// Stores the run's tokens; dropped (with a warning) when it cannot be written.
    private(set) var cacheWriter: TokenCacheWriter?
    private(set) var cacheWarnings: [String] = []
    private let cacheDirectory: String?
    private let queue = DispatchQueue(label: "fritekst.coding-sink")
    /// At most one batch waits for the queue: memory stays bounded when writing is slower than coding.
    private let room = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var failure: (any Error)?

    init(streaming: Bool, outputs: [Output], themes: Int, cacheWriter: TokenCacheWriter?, cacheDirectory: String?) {
        self.streaming = streaming
        self.outputs = outputs
        self.codedPerTheme = Array(repeating: 0, count: themes)
        self.cacheWriter = cacheWriter
        self.cacheDirectory = cacheDirectory
    }

    /// Queues the coded parts of one batch (in order); returns at once unless a batch is already waiting.
    func add(_ parts: [BatchCoder.Part], batch: [Response], tokens: [[Token]]) {
        room.wait()
        queue.async {
            defer { self.room.signal() }
            guard self.lock.withLock({ self.failure == nil }) else { return }
            do { try self.absorb(parts, batch: batch, tokens: tokens) } catch {
                self.lock.withLock { self.failure = error }
            }
        }
    }

    private func absorb(_ parts: [BatchCoder.Part], batch: [Response], tokens: [[Token]]) throws {
        var batchSpans: [[RedactionSpan]] = []
        for part in parts {
            for (c, o) in outputs.enumerated() { try o.write(part.csv[c]) }
            for t in codedPerTheme.indices { codedPerTheme[t] += part.codedPerTheme[t] }
            redactions += part.redactions
            if streaming {
                counted.merge(part.counted)
            } else {
                codings += part.codings
                respondents += part.respondents
                responses += batch[part.range]
                redactionSpans += part.spans
            }
            if cacheWriter != nil { batchSpans += part.spans }
        }
        do { try cacheWriter?.append(batch, tokens: tokens, spans: batchSpans) } catch { cacheFailed(error) }
    }

    /// A cache that cannot be written (disk full, no permission) costs only the reuse, never the run.
    private func cacheFailed(_ error: any Error) {
        cacheWarnings.append(RunCache.notUpdated(cacheDirectory, error))
        cacheWriter?.abandon()
        cacheWriter = nil
    }

    /// Completes the token cache entry (after `finish()`), or drops it with a warning.
    func finishCache(types: [String], accounting: RowAccounting) {
        do { try cacheWriter?.finish(types: types, accounting: accounting) } catch { cacheFailed(error) }
        cacheWriter = nil
    }

    /// Drops an unfinished token cache entry (a run that stops early).
    func abandonCache() {
        cacheWriter?.abandon()
        cacheWriter = nil
    }

    /// Throws the first error of a batch already joined (a failed write of `coded.csv`).
    func check() throws {
        if let e = lock.withLock({ failure }) { throw e }
    }

    /// Waits for every queued batch (without throwing: for leaving a run early).
    func drain() { queue.sync {} }

    /// Waits for every queued batch, closes the CSV files and throws the first error.
    func finish() throws {
        queue.sync {}
        try check()
        for o in outputs { try o.handle.close() }
        outputs = []
    }

    deinit { for o in outputs { try? o.handle.close() } }
}

/// Codes, redacts and formats the `coded.csv` rows of one part of a batch (what each thread does).
struct BatchCoder: Sendable {
    /// What one part gives back, joined in input order by the caller.
    struct Part {
        var range: Range<Int>
        /// `coded.csv` bytes per CSV output, in the order of `delimiters`.
        var csv: [[UInt8]] = []
        var codedPerTheme: [Int]
        var redactions = RedactionCounts()
        /// Streamed runs: respondents counted by record.
        var counted = RespondentCounts()
        /// Runs that keep every answer: codings and respondents row by row.
        var codings: [CodedAnswer] = []
        var respondents: [CodedRespondent] = []
        /// Redaction spans row by row, when kept (`keepSpans`).
        var spans: [[RedactionSpan]] = []
    }

    let compiled: CompiledCodebook
    let coder: Coder
    let labels: EvidenceLabels
    let redactor: Redactor
    let job: CodingJob
    let visibleIndices: [Int]
    /// Field delimiter (ASCII) of each CSV output written while coding.
    let delimiters: [UInt8]
    let streaming: Bool
    let keepSpans: Bool

    init(compiled: CompiledCodebook, redactor: Redactor, job: CodingJob, visibleIndices: [Int], delimiters: [UInt8],
         streaming: Bool, keepSpans: Bool) {
        self.compiled = compiled
        self.coder = Coder(compiled)
        self.labels = EvidenceLabels(compiled)
        self.redactor = redactor
        self.job = job
        self.visibleIndices = visibleIndices
        self.delimiters = delimiters
        self.streaming = streaming
        self.keepSpans = keepSpans
    }

    /// Rows `range` of `batch` with their tokens; stored redaction spans (from the cache) are used as they are.
    func code(_ batch: [Response], _ range: Range<Int>, tokens: [[Token]], storedSpans: [[RedactionSpan]]?) -> Part {
        var part = Part(range: range, codedPerTheme: Array(repeating: 0, count: visibleIndices.count))
        var writers = delimiters.map {
            CodedRowWriter(delimiter: $0, labels: labels, reserve: range.count * (visibleIndices.count * 2 + 48))
        }
        batch.withUnsafeBufferPointer { batch in
            for k in range {
                // Fields are read in place: copying the whole response would retain every one of its strings.
                var text = batch[k].text
                let answered = Response.isAnswered(text)
                let (coding, spans, flags) = text.withUTF8 { p in
                    let coding = coder.code(tokens: tokens[k], text: p)
                    let spans = storedSpans?[k] ?? (answered ? redactor.spans(in: p) : [])
                    let flags = coding.visibleFlags(indices: visibleIndices)
                    for c in writers.indices {
                        writers[c].row(id: batch[k].id, flags: flags, coding: coding, text: p, answer: batch[k].text, spans: spans)
                    }
                    return (coding, spans, flags)
                }
                if !spans.isEmpty { part.redactions += RedactionCounts(spans: spans) }
                for (t, f) in flags.enumerated() where f { part.codedPerTheme[t] += 1 }
                let groups = job.groupBy.map { g -> String in
                    let v = (batch[k].fields[g] ?? "").trimmedWhitespace
                    return v.isEmpty ? JobRunner.missingGroup : job.analysis.groupValue(g, v)
                }
                if streaming {
                    let wave = (batch[k].fields["wave"] ?? "").trimmedWhitespace
                    part.counted.add(groups: groups, answered: answered, themes: flags, wave: wave.isEmpty ? JobRunner.missingGroup : wave)
                } else {
                    part.codings.append(coding)
                    part.respondents.append(CodedRespondent(groupValues: groups, answered: answered, themes: flags))
                }
                if keepSpans { part.spans.append(spans) }
            }
        }
        part.csv = writers.map(\.bytes)
        return part
    }
}
