import Foundation
import FritekstCore

/// Options for reading delimited text.
public struct CSVOptions: Sendable {
    /// Field delimiter; nil sniffs among `,` `;` tab `|`.
    public var delimiter: UInt8?
    /// Encoding; nil detects it.
    public var encoding: TextEncoding?
    /// Turn per-row skips into errors.
    public var strict: Bool

    /// Creates options.
    public init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil, strict: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.strict = strict
    }
}

/// Reads RFC 4180 delimited text (quoted fields with embedded delimiters, newlines and doubled quotes).
public enum CSVReader {
    /// A parsed file: the table, the delimiter and encoding found, and the row accounting.
    public struct Result: Sendable {
        public var table: Table
        public var delimiter: UInt8
        public var encoding: TextEncoding
        public var accounting: RowAccounting
    }

    /// Reads and parses the file at `path`, streaming it in chunks (the file is never held whole in memory).
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws -> Result {
        try collect(CSVStream(path: path, options: options))
    }

    /// Parses in-memory bytes; `file` names the source in messages.
    public static func parse(data: Data, file: String, options: CSVOptions = CSVOptions()) throws -> Result {
        if data.isEmpty { throw FritekstError(.input, "file is empty (no header row)", file: file) }
        return try collect(CSVStream(data: data, file: file, options: options))
    }

    static func collect(_ stream: CSVStream) throws -> Result {
        var rows: [[String]] = []
        var lines: [Int] = []
        while let (fields, line) = try stream.next() {
            rows.append(fields)
            lines.append(line)
        }
        return Result(table: Table(header: stream.header, rows: rows, rowLines: lines), delimiter: stream.delimiter,
                      encoding: stream.encoding, accounting: stream.accounting)
    }

    static func looksBinary(_ data: Data) -> Bool {
        let prefix = data.prefix(4096)
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return true }  // zip (xlsx)
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return false }
        var control = 0
        for b in prefix where b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
        // UTF-16 without BOM has many NULs but few other controls.
        let nuls = prefix.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        let nonNulControl = control - nuls
        return nonNulControl * 20 > prefix.count || (nuls > 0 && nuls * 3 < prefix.count && nonNulControl > 8)
    }

    /// Chooses the delimiter that occurs most often, and consistently, outside quotes in the first lines.
    public static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]
        var perLine: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = 0
        while i < bytes.count && perLine.count < 20 {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes {
                if b == 10 { perLine.append(counts); counts = [Int](repeating: 0, count: candidates.count) } else if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
            }
            i += 1
        }
        if perLine.count < 20 && counts.contains(where: { $0 > 0 }) { perLine.append(counts) }
        guard let header = perLine.first else { return UInt8(ascii: ",") }
        var best = 0
        var bestScore = -1
        for k in candidates.indices where header[k] > 0 {
            let consistent = perLine.filter { $0[k] == header[k] }.count
            let score = consistent * 1000 + header[k]
            if score > bestScore { bestScore = score; best = k }
        }
        return candidates[best]
    }

    static func cleanHeader(_ raw: [String], file: String, line: Int) -> ([String], [String]) {
        var warnings: [String] = []
        var seen: [String: Int] = [:]
        var out: [String] = []
        for (i, name) in raw.enumerated() {
            var n = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if n.isEmpty {
                n = "column\(i + 1)"
                warnings.append("\(file):\(line): empty column name \(i + 1) named '\(n)'")
            }
            if let c = seen[n] {
                let renamed = "\(n)_\(c + 1)"
                warnings.append("\(file):\(line): duplicate column '\(n)' renamed to '\(renamed)'")
                seen[n] = c + 1
                n = renamed
            } else {
                seen[n] = 1
            }
            out.append(n)
        }
        return (out, warnings)
    }

    struct Record {
        var fields: [String]
        var line: Int
        var quoted: Bool
    }

    /// Parses one record starting at byte `start` (on line `line`). Returns the record, the offset after it and
    /// the line after it; nil when the bytes end before the record does and more input may follow (`atEnd` false),
    /// or when nothing is left. An unterminated quote at the end of input is an error naming the line it opened on.
    static func parseRecord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int, atEnd: Bool,
                            delimiter: UInt8, file: String) throws -> (Record, Int, Int)? {
        let n = bytes.count
        if start >= n { return nil }
        // Fields are made straight from the input bytes; only a field with doubled quotes or text after its
        // closing quote is assembled in `buffer`.
        func text(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self) }
        var fields: [String] = []
        var buffer: [UInt8] = []
        var i = start
        var line = startLine
        var anyQuoted = false
        let quote = UInt8(ascii: "\"")
        while true {
            let value: String
            if i < n && bytes[i] == quote {
                // Quoted field.
                anyQuoted = true
                let quoteLine = line
                i += 1
                let contentStart = i
                var plain = true                  // no doubled quote seen: the content is one byte range
                var closed = false
                buffer.removeAll(keepingCapacity: true)
                while i < n {
                    if plain {
                        // Straight to the next quote, counting line breaks on the way (memchr, not a byte loop).
                        let base = bytes.baseAddress!
                        let q = memchr(base + i, Int32(quote), n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                        for k in i..<q where bytes[k] == 10 { line += 1 }
                        i = q
                        if i >= n { break }
                    }
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < n && bytes[i + 1] == quote {
                            if plain { buffer.append(contentsOf: bytes[contentStart..<i]); plain = false }
                            buffer.append(quote)
                            i += 2
                            continue
                        }
                        if i + 1 == n && !atEnd { return nil }   // a doubled quote may straddle the chunk end
                        closed = true
                        break
                    }
                    if c == 10 { line += 1 }
                    if !plain { buffer.append(c) }
                    i += 1
                }
                if !closed {
                    if !atEnd { return nil }
                    throw FritekstError(.input, "unterminated quoted field (the quote opened here is never closed)",
                                        file: file, line: quoteLine)
                }
                let contentEnd = i
                i += 1
                // Tolerate text after the closing quote up to the delimiter (kept verbatim).
                let trailing = i
                while i < n && bytes[i] != delimiter && bytes[i] != 10 && bytes[i] != 13 { i += 1 }
                if plain && trailing == i {
                    value = text(contentStart, contentEnd)
                } else {
                    if plain { buffer.append(contentsOf: bytes[contentStart..<contentEnd]) }
                    buffer.append(contentsOf: bytes[trailing..<i])
                    value = String(decoding: buffer, as: UTF8.self)
                }
            } else {
                // Unquoted field: a quote inside it is an ordinary character.
                let fieldStart = i
                while i < n && bytes[i] != delimiter && bytes[i] != 10 && bytes[i] != 13 { i += 1 }
                value = text(fieldStart, i)
            }
            if i >= n {
                if !atEnd { return nil }
                fields.append(value)
                return (Record(fields: fields, line: startLine, quoted: anyQuoted), n, line)
            }
            fields.append(value)
            let b = bytes[i]
            if b == delimiter { i += 1; continue }
            if b == 13 && i + 1 == n && !atEnd { return nil }   // CR LF may straddle the chunk end
            if b == 13 && i + 1 < n && bytes[i + 1] == 10 { i += 1 }
            return (Record(fields: fields, line: startLine, quoted: anyQuoted), i + 1, line + 1)
        }
    }
}
