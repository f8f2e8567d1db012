import Foundation
import FritekstCore

/// Streams the rows of a delimited text file in chunks, so memory stays bounded however long the file is.
///
/// Same rules as `CSVReader` (which is built on it): encoding detection (BOM, UTF-16, UTF-8, else
/// Windows-1252, checked over the whole file in a first streaming pass), delimiter sniffing on the first
/// lines, RFC 4180 quoting, blank lines skipped with a count, ragged rows skipped with their reason.
public final class CSVStream {
    /// Cleaned, unique column names.
    public private(set) var header: [String] = []
    /// Delimiter in use.
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    /// Encoding in use.
    public private(set) var encoding: TextEncoding = .utf8
    /// Accounting so far: rows read, skips with reasons, warnings.
    public private(set) var accounting = RowAccounting()
    /// Raw bytes read from the source so far, and the source's size (for progress).
    public private(set) var bytesRead = 0
    public private(set) var totalBytes = 0

    private let file: String
    private let strict: Bool
    private var source: Source
    private var decoder: ChunkDecoder
    private var buffer: [UInt8] = []
    private var start = 0
    private var line = 1
    private var atEnd = false
    private var blank = 0
    private var nulCount = 0
    private var finished = false
    private static let chunkSize = 1 << 20
    /// Bytes read per chunk (small values in tests exercise chunk boundaries).
    var readSize = CSVStream.chunkSize

    /// Where raw bytes come from.
    enum Source {
        case file(FileHandle)
        case memory(Data, Int)

        mutating func read(_ max: Int) throws -> Data {
            switch self {
            case .file(let h):
                return try h.read(upToCount: max) ?? Data()
            case .memory(let d, let offset):
                let end = min(d.count, offset + max)
                self = .memory(d, end)
                return d.subdata(in: (d.startIndex + offset)..<(d.startIndex + end))
            }
        }
    }

    /// Opens `path` and reads up to the header row.
    public convenience init(path: String, options: CSVOptions = CSVOptions()) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FritekstError(.input, "no such file", file: path)
        }
        if isDir.boolValue { throw FritekstError(.input, "is a directory, not a file", file: path) }
        guard let probe = FileHandle(forReadingAtPath: path) else {
            throw FritekstError(.input, "cannot read file (permission?)", file: path)
        }
        let head = (try? probe.read(upToCount: 4096)) ?? Data()
        var encoding = options.encoding
        if encoding == nil, let found = CSVStream.detectByMarks(head) {
            encoding = found
        }
        var warnings: [String] = []
        if encoding == nil {
            // Whole-file UTF-8 check: Windows-1252 files are often pure ASCII for many megabytes.
            let valid: Bool
            if let mapped = CSVStream.fileIsUTF8InParts(probe.fileDescriptor) {
                valid = mapped
            } else {
                try probe.seek(toOffset: 0)
                var validator = UTF8Validator()
                while let chunk = try probe.read(upToCount: CSVStream.chunkSize), !chunk.isEmpty {
                    if !validator.feed(chunk) { break }
                }
                valid = validator.finish()
            }
            if valid {
                encoding = .utf8
            } else {
                encoding = .windows1252
                warnings.append("\(path): not valid UTF-8; read as Windows-1252 (use --encoding to override)")
            }
        }
        try probe.seek(toOffset: 0)
        try self.init(source: .file(probe), head: head, file: path, encoding: encoding ?? .utf8,
                      forced: options.encoding != nil, warnings: warnings, options: options, readSize: CSVStream.chunkSize)
    }

    /// Whether a large file is well-formed UTF-8, checked in parts on all cores (each part read with `pread`,
    /// a megabyte at a time); nil for a small file or one that is not a regular file (the caller then reads it
    /// in chunks).
    static func fileIsUTF8InParts(_ fd: Int32) -> Bool? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let n = Int(st.st_size)
        guard n >= 8 << 20 else { return nil }
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        // Each part starts on a lead byte: a boundary inside a sequence moves past its (at most three) continuation bytes.
        var bounds = (0...parts).map { n * $0 / parts }
        var probe = [UInt8](repeating: 0, count: 3)
        for k in 1..<parts {
            let got = pread(fd, &probe, 3, off_t(bounds[k]))
            guard got >= 0 else { return nil }
            var b = bounds[k]
            for j in 0..<got where probe[j] & 0xC0 == 0x80 && b == bounds[k] + j { b += 1 }
            bounds[k] = max(bounds[k - 1], b)
        }
        let valid = UnsafeSlots<Bool?>(count: parts, initial: nil)
        let ranges = bounds
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            var buffer = [UInt8](repeating: 0, count: CSVStream.chunkSize + 4)
            var offset = ranges[k], carry = 0
            var ok = true
            while ok && offset < ranges[k + 1] {
                let want = min(CSVStream.chunkSize, ranges[k + 1] - offset)
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + carry, want, off_t(offset)) }
                guard got > 0 else { valid.set(k, nil); return }
                offset += got
                let filled = carry + got
                ok = buffer.withUnsafeBufferPointer { all -> Bool in
                    let p = UnsafeBufferPointer(rebasing: all[..<filled])
                    let cut = offset < ranges[k + 1] ? completeUTF8Prefix(p) : filled
                    carry = filled - cut
                    return TextDecoder.isValidUTF8(UnsafeBufferPointer(rebasing: p[..<cut]))
                }
                if carry > 0 { for j in 0..<carry { buffer[j] = buffer[filled - carry + j] } }
            }
            valid.set(k, ok)
        }
        var all = true
        for v in valid.values {
            guard let v else { return nil }
            all = all && v
        }
        return all
    }

    /// Streams in-memory bytes (for tests and the fuzzer); `file` names the source in messages.
    public convenience init(data: Data, file: String, options: CSVOptions = CSVOptions()) throws {
        try self.init(data: data, file: file, options: options, readSize: CSVStream.chunkSize)
    }

    /// Streams in-memory bytes reading `readSize` bytes at a time.
    convenience init(data: Data, file: String, options: CSVOptions, readSize: Int) throws {
        var encoding = options.encoding
        var warnings: [String] = []
        if encoding == nil { encoding = CSVStream.detectByMarks(data.prefix(4096)) }
        if encoding == nil {
            var v = UTF8Validator()
            _ = v.feed(data)
            if v.finish() { encoding = .utf8 } else {
                encoding = .windows1252
                warnings.append("\(file): not valid UTF-8; read as Windows-1252 (use --encoding to override)")
            }
        }
        try self.init(source: .memory(data, 0), head: data.prefix(4096), file: file, encoding: encoding ?? .utf8,
                      forced: options.encoding != nil, warnings: warnings, options: options, readSize: readSize)
    }

    private init(source: Source, head: Data, file: String, encoding: TextEncoding, forced: Bool, warnings: [String],
                 options: CSVOptions, readSize: Int) throws {
        self.file = file
        self.readSize = readSize
        self.strict = options.strict
        self.source = source
        switch source {
        case .memory(let d, _): totalBytes = d.count
        case .file: totalBytes = ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? Int) ?? 0
        }
        self.encoding = encoding
        if head.isEmpty { throw FritekstError(.input, "file is empty (no header row)", file: file) }
        if CSVReader.looksBinary(head) {
            throw FritekstError(.input, "looks like a binary file, not delimited text", file: file)
        }
        decoder = ChunkDecoder(encoding: encoding, file: file)
        accounting.warnings = warnings
        // Fill enough to sniff the delimiter on the first lines.
        while !atEnd && buffer.count < min(64 * 1024, 64 * readSize) { try fill() }
        delimiter = options.delimiter ?? CSVReader.sniffDelimiter(Array(buffer.prefix(256 * 1024)))
        // Header: the first record that is not blank.
        var leadingBlank = 0
        var headerRecord: CSVReader.Record?
        while let r = try nextRecord() {
            if !r.quoted && r.fields.allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) { leadingBlank += 1; continue }
            headerRecord = r
            break
        }
        guard let headerRecord else {
            throw FritekstError(.input, leadingBlank > 0 ? "file has only blank lines (no header row)" : "file has no header row", file: file)
        }
        if leadingBlank > 0 { accounting.warnings.append("\(file): \(leadingBlank) blank line(s) above the header ignored") }
        let (clean, headerWarnings) = CSVReader.cleanHeader(headerRecord.fields, file: file, line: headerRecord.line)
        header = clean
        accounting.warnings += headerWarnings
    }

    /// The next well-formed data row with the line it began on; ragged rows are skipped (recorded in `accounting`).
    public func next() throws -> (fields: [String], line: Int)? {
        while let r = try nextRecord() {
            if r.fields.count == 1 && r.fields[0].isEmpty && !r.quoted { blank += 1; continue }
            accounting.rowsRead += 1
            if r.fields.count != header.count {
                let reason = "\(r.fields.count) field\(r.fields.count == 1 ? "" : "s"), header has \(header.count)"
                if strict { throw FritekstError(.input, reason, file: file, line: r.line) }
                accounting.skipped.append(.init(line: r.line, reason: reason))
                continue
            }
            return (r.fields, r.line)
        }
        finish()
        return nil
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        accounting.warnings += decoder.warnings
        if nulCount > 0 { accounting.warnings.append("\(file): \(nulCount) NUL byte(s) removed") }
        if blank > 0 { accounting.warnings.append("\(file): \(blank) blank line(s) ignored") }
        if case .file(let h) = source { try? h.close() }
    }

    private func nextRecord() throws -> CSVReader.Record? {
        while true {
            let parsed = try buffer.withUnsafeBufferPointer { buf in
                try CSVReader.parseRecord(buf, from: start, line: line, atEnd: atEnd, delimiter: delimiter, file: file)
            }
            if let (record, next, nextLine) = parsed {
                start = next
                line = nextLine
                return record
            }
            if atEnd { return nil }
            try fill()
        }
    }

    private func fill() throws {
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        // Grow reads for very long records, so a 10 MB field is not re-scanned once per megabyte.
        let want = max(readSize, (buffer.count - start) / 2)
        let raw = try source.read(want)
        bytesRead += raw.count
        if raw.isEmpty {
            atEnd = true
            let tail = try decoder.finish()
            append(tail)
            return
        }
        append(try decoder.decode(raw))
    }

    private func append(_ bytes: [UInt8]) {
        var nuls = 0
        if bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            for b in bytes where b == 0 { nuls += 1 }
        }
        if nuls > 0 {
            nulCount += nuls
            buffer.append(contentsOf: bytes.lazy.filter { $0 != 0 })
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// BOM or UTF-16 pattern in the first bytes; nil when the content must decide.
    static func detectByMarks(_ head: Data) -> TextEncoding? {
        let b = [UInt8](head)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if b.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if b.starts(with: [0xFE, 0xFF]) { return .utf16be }
        let n = min(b.count, 200) & ~1
        guard n >= 4 else { return nil }
        var zerosOdd = 0, zerosEven = 0
        var i = 0
        while i < n { if b[i] == 0 { zerosEven += 1 }; if b[i + 1] == 0 { zerosOdd += 1 }; i += 2 }
        if zerosOdd * 10 >= (n / 2) * 9 { return .utf16le }
        if zerosEven * 10 >= (n / 2) * 9 { return .utf16be }
        return nil
    }
}

/// Checks UTF-8 well-formedness across chunk boundaries.
struct UTF8Validator {
    private var carry: [UInt8] = []
    private var valid = true

    /// Feeds bytes; returns false once invalid UTF-8 is seen.
    mutating func feed(_ data: Data) -> Bool {
        guard valid else { return false }
        var bytes = carry
        bytes.append(contentsOf: data)
        // Keep an incomplete sequence at the end for the next chunk.
        let cut = completeUTF8Prefix(bytes)
        carry = Array(bytes[cut...])
        valid = bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8(UnsafeBufferPointer(rebasing: $0[..<cut])) }
        return valid
    }

    /// True when everything fed was valid and nothing is left incomplete.
    mutating func finish() -> Bool { valid && carry.isEmpty }
}

/// Length of `bytes` without a UTF-8 sequence cut off at the end (which waits for the next chunk).
func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { completeUTF8Prefix($0) }
}

/// Length of `bytes` without a UTF-8 sequence cut off at the end.
func completeUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var k = bytes.count - 1
    var back = 0
    while k >= 0 && back < 4 {
        let b = bytes[k]
        if b & 0xC0 != 0x80 {
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            return len > bytes.count - k ? k : bytes.count
        }
        k -= 1
        back += 1
    }
    return bytes.count
}

/// Decodes chunks of one encoding to UTF-8, carrying partial sequences between chunks.
struct ChunkDecoder {
    let encoding: TextEncoding
    let file: String
    private var carry: [UInt8] = []
    private var first = true
    private(set) var warnings: [String] = []
    private var replaced = false
    private var totalBytes = 0

    init(encoding: TextEncoding, file: String) {
        self.encoding = encoding
        self.file = file
    }

    /// Decodes one chunk (a BOM matching the encoding is dropped at the start).
    mutating func decode(_ data: Data) throws -> [UInt8] {
        var bytes = carry
        bytes.append(contentsOf: data)
        carry.removeAll()
        totalBytes += data.count
        if first {
            first = false
            switch encoding {
            case .utf8: if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            case .utf16le: if bytes.starts(with: [0xFF, 0xFE]) { bytes.removeFirst(2) }
            case .utf16be: if bytes.starts(with: [0xFE, 0xFF]) { bytes.removeFirst(2) }
            default: break
            }
        }
        switch encoding {
        case .utf8:
            let cut = completeUTF8Prefix(bytes)
            carry = Array(bytes[cut...])
            let body = Array(bytes[..<cut])
            if TextDecoder.isValidUTF8(body) { return body }
            noteReplaced()
            return Array(String(decoding: body, as: UTF8.self).utf8)
        case .windows1252:
            return TextDecoder.windows1252ToUTF8(bytes)
        case .latin1:
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes {
                if b < 0x80 { out.append(b) } else { out.append(0xC0 | (b >> 6)); out.append(0x80 | (b & 0x3F)) }
            }
            return out
        case .utf16le, .utf16be:
            var n = bytes.count & ~1
            // Keep a trailing high surrogate with its pair.
            if n >= 2 {
                let a = UInt16(bytes[n - 2]), b = UInt16(bytes[n - 1])
                let u = encoding == .utf16le ? (a | b << 8) : (a << 8 | b)
                if u >= 0xD800 && u < 0xDC00 { n -= 2 }
            }
            carry = Array(bytes[n...])
            var units = [UInt16]()
            units.reserveCapacity(n / 2)
            var i = 0
            while i + 1 < n {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(encoding == .utf16le ? (a | b << 8) : (a << 8 | b))
                i += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
    }

    /// Flushes what is left at the end of input.
    mutating func finish() throws -> [UInt8] {
        guard !carry.isEmpty else { return [] }
        let rest = carry
        carry.removeAll()
        switch encoding {
        case .utf16le, .utf16be:
            if rest.count % 2 != 0 {
                throw FritekstError(.input, "odd number of bytes for \(encoding.rawValue) text", file: file)
            }
            let units = stride(from: 0, to: rest.count, by: 2).map { i -> UInt16 in
                let a = UInt16(rest[i]), b = UInt16(rest[i + 1])
                return encoding == .utf16le ? (a | b << 8) : (a << 8 | b)
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        default:
            noteReplaced()
            return Array(String(decoding: rest, as: UTF8.self).utf8)
        }
    }

    private mutating func noteReplaced() {
        if !replaced {
            replaced = true
            warnings.append("\(file): invalid UTF-8 byte sequences replaced with U+FFFD")
        }
    }
}
