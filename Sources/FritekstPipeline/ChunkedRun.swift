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
    private var index: [Key: Int] = [:]

    mutating func add(_ key: Key, _ n: Int = 1) {
        if let i = index[key] { counts[i] += n; return }
        index[key] = order.count
        order.append(key)
        counts.append(n)
    }

    mutating func merge(_ other: RespondentCounts) {
        for (k, n) in zip(other.order, other.counts) { add(k, n) }
    }
}

/// Codes, redacts and formats the `coded.csv` rows of one part of a batch (what each thread does).
struct BatchCoder: Sendable {
    /// What one part gives back, joined in input order by the caller.
    struct Part {
        var range: Range<Int>
        /// `coded.csv` bytes per CSV output, in the order of `delimiters`.
        var csv: [Data] = []
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
    let redactor: Redactor
    let job: CodingJob
    let visibleIndices: [Int]
    /// Field delimiter of each CSV output written while coding.
    let delimiters: [Character]
    let streaming: Bool
    let keepSpans: Bool

    init(compiled: CompiledCodebook, redactor: Redactor, job: CodingJob, visibleIndices: [Int], delimiters: [Character],
         streaming: Bool, keepSpans: Bool) {
        self.compiled = compiled
        self.coder = Coder(compiled)
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
        var writers = delimiters.map { CSVWriter(delimiter: $0) }
        for k in range {
            let r = batch[k]
            let answered = r.isAnswered
            var text = r.text
            let (coding, spans) = text.withUTF8 { p in
                (coder.code(tokens: tokens[k], text: p), storedSpans?[k] ?? (answered ? redactor.spans(in: p) : []))
            }
            if !spans.isEmpty { part.redactions += RedactionCounts(spans: spans) }
            let flags = coding.visibleFlags(indices: visibleIndices)
            for (t, f) in flags.enumerated() where f { part.codedPerTheme[t] += 1 }
            if !writers.isEmpty {
                let evidence = coding.evidence(text: r.text, compiled: compiled, redacting: spans)
                for c in writers.indices { writers[c].row(r.id, flags: flags, evidence) }
            }
            let groups = job.groupBy.map { g -> String in
                let v = (r.fields[g] ?? "").trimmedWhitespace
                return v.isEmpty ? JobRunner.missingGroup : job.analysis.groupValue(g, v)
            }
            if streaming {
                let wave = (r.fields["wave"] ?? "").trimmedWhitespace
                part.counted.add(.init(groups: groups, answered: answered, themes: flags, wave: wave.isEmpty ? JobRunner.missingGroup : wave))
            } else {
                part.codings.append(coding)
                part.respondents.append(CodedRespondent(groupValues: groups, answered: answered, themes: flags))
            }
            if keepSpans { part.spans.append(spans) }
        }
        part.csv = writers.map(\.data)               // the bytes are made here, on this part's thread
        return part
    }
}
