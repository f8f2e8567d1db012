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

    /// Reads and parses the file at `path`.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws -> Result {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FritekstError(.input, "no such file", file: path)
        }
        if isDir.boolValue { throw FritekstError(.input, "is a directory, not a file", file: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.input, "cannot read file (permission?)", file: path)
        }
        return try parse(data: data, file: path, options: options)
    }

    /// Parses in-memory bytes; `file` names the source in messages.
    public static func parse(data: Data, file: String, options: CSVOptions = CSVOptions()) throws -> Result {
        if data.isEmpty { throw FritekstError(.input, "file is empty (no header row)", file: file) }
        if looksBinary(data) {
            throw FritekstError(.input, "looks like a binary file, not delimited text", file: file)
        }
        let decoded = try TextDecoder.decode(data, file: file, forced: options.encoding)
        var bytes = decoded.bytes
        var accounting = RowAccounting()
        accounting.warnings = decoded.warnings
        let nulCount = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nulCount > 0 {
            bytes.removeAll { $0 == 0 }
            accounting.warnings.append("\(file): \(nulCount) NUL byte(s) removed")
        }
        let delimiter = options.delimiter ?? sniffDelimiter(bytes)
        var records = try Parser(bytes: bytes, delimiter: delimiter, file: file).parseAll()
        // Blank lines above the header (some exports start with them) are dropped with a warning.
        var leadingBlank = 0
        while let first = records.first, !first.quoted,
              first.fields.allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
            records.removeFirst()
            leadingBlank += 1
        }
        guard !records.isEmpty else {
            throw FritekstError(.input, leadingBlank > 0 ? "file has only blank lines (no header row)" : "file has no header row", file: file)
        }
        if leadingBlank > 0 { accounting.warnings.append("\(file): \(leadingBlank) blank line(s) above the header ignored") }
        let headerRecord = records.removeFirst()
        let (header, headerWarnings) = cleanHeader(headerRecord.fields, file: file, line: headerRecord.line)
        accounting.warnings += headerWarnings
        var rows: [[String]] = []
        var lines: [Int] = []
        rows.reserveCapacity(records.count)
        var blank = 0
        for record in records {
            if record.fields.count == 1 && record.fields[0].isEmpty && !record.quoted {
                blank += 1
                continue
            }
            accounting.rowsRead += 1
            if record.fields.count != header.count {
                let reason = "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), header has \(header.count)"
                if options.strict {
                    throw FritekstError(.input, reason, file: file, line: record.line)
                }
                accounting.skipped.append(.init(line: record.line, reason: reason))
                continue
            }
            rows.append(record.fields)
            lines.append(record.line)
        }
        if blank > 0 { accounting.warnings.append("\(file): \(blank) blank line(s) ignored") }
        return Result(table: Table(header: header, rows: rows, rowLines: lines), delimiter: delimiter,
                      encoding: decoded.encoding, accounting: accounting)
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

    struct Parser {
        let bytes: [UInt8]
        let delimiter: UInt8
        let file: String

        func parseAll() throws -> [Record] {
            var records: [Record] = []
            var fields: [String] = []
            var field: [UInt8] = []
            var i = 0
            var line = 1
            var recordLine = 1
            var anyQuoted = false
            let n = bytes.count
            let quote = UInt8(ascii: "\"")
            while i < n {
                let b = bytes[i]
                if b == quote && field.isEmpty {
                    // Quoted field.
                    anyQuoted = true
                    let startLine = line
                    i += 1
                    var closed = false
                    while i < n {
                        let c = bytes[i]
                        if c == quote {
                            if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if c == 10 { line += 1 }
                        field.append(c)
                        i += 1
                    }
                    if !closed {
                        throw FritekstError(.input, "unterminated quoted field (the quote opened here is never closed)",
                                            file: file, line: startLine)
                    }
                    // Tolerate text after the closing quote up to the delimiter (kept verbatim).
                    while i < n && bytes[i] != delimiter && bytes[i] != 10 && bytes[i] != 13 {
                        field.append(bytes[i]); i += 1
                    }
                    continue
                }
                if b == delimiter {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    i += 1
                    continue
                }
                if b == 10 || b == 13 {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    records.append(Record(fields: fields, line: recordLine, quoted: anyQuoted))
                    fields.removeAll(keepingCapacity: true)
                    anyQuoted = false
                    if b == 13 && i + 1 < n && bytes[i + 1] == 10 { i += 1 }
                    i += 1
                    line += 1
                    recordLine = line
                    continue
                }
                field.append(b)
                i += 1
            }
            if !field.isEmpty || !fields.isEmpty || anyQuoted {
                fields.append(String(decoding: field, as: UTF8.self))
                records.append(Record(fields: fields, line: recordLine, quoted: anyQuoted))
            }
            return records
        }
    }
}
