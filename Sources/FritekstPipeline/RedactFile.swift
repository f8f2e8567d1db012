import Foundation
import FritekstCore
import FritekstIngest
import FritekstPrivacy

/// What `RedactFile.run` did: rows, counts per kind, warnings.
public struct RedactSummary: Sendable {
    /// Data rows written (every input row, none dropped).
    public var rows: Int
    /// Answers in which at least one identifier was replaced.
    public var rowsChanged: Int
    /// Replacements per kind.
    public var counts: RedactionCounts
    /// Warnings (encoding, rows with the wrong number of fields).
    public var warnings: [String]

    /// Summary lines for the terminal: one per kind, then the total.
    public var lines: [String] {
        var out = ["rows: \(rows)  answers changed: \(rowsChanged)"]
        for k in RedactionKind.allCases { out.append("  " + k.description.padding(toLength: 6, withPad: " ", startingAt: 0) + String(format: "%6d", counts[k])) }
        out.append("  total \(String(format: "%6d", counts.total))")
        return out
    }
}

/// Redacts the answer column of a CSV file and writes the file back with everything else unchanged.
///
/// The output keeps the columns, their order, the delimiter, the quoting of every field and the
/// line ends; only the text column's values change. It is written as UTF-8 (with a BOM when the
/// input had one). A row with the wrong number of fields is not dropped: all its fields are
/// redacted, because its answer may have shifted into another column.
public enum RedactFile {
    /// Redacts `input` into `output`; on error nothing is written.
    public static func run(input: String, textColumn: String, names: [String], output: String,
                           encoding: TextEncoding? = nil) throws -> RedactSummary {
        var lists = NameLists.shipped
        for f in names { try lists.addUserNames(file: f) }
        let redactor = Redactor(names: lists)

        // Validate with the ordinary reader first: header, column, quoting errors with line numbers.
        let parsed = try CSVReader.read(path: input, options: CSVOptions(encoding: encoding))
        guard let column = parsed.table.columnIndex(textColumn) else {
            throw FritekstError(.input, "no column '\(textColumn)' (columns: \(parsed.table.header.joined(separator: ", ")))",
                                file: input, line: 1, column: textColumn)
        }
        let data = FileManager.default.contents(atPath: input) ?? Data()
        let decoded = try TextDecoder.decode(data, file: input, forced: encoding)
        var bytes = decoded.bytes
        bytes.removeAll { $0 == 0 }
        let hadBOM = data.starts(with: [0xEF, 0xBB, 0xBF])

        var summary = RedactSummary(rows: 0, rowsChanged: 0, counts: RedactionCounts(), warnings: parsed.accounting.warnings)
        var out: [UInt8] = hadBOM ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(bytes.count + 1024)
        let delimiter = parsed.delimiter
        let fieldCount = parsed.table.header.count
        try bytes.withUnsafeBufferPointer { p in
            var splicer = Splicer(p: p, delimiter: delimiter, file: input)
            var isHeader = true
            while let record = try splicer.next() {
                if isHeader || record.blank {
                    out += p[record.start..<record.end]
                    isHeader = false
                    continue
                }
                summary.rows += 1
                let wrongShape = record.fields.count != fieldCount
                if wrongShape {
                    summary.warnings.append("\(input):\(record.line): \(record.fields.count) fields, header has \(fieldCount); every field redacted")
                }
                var pos = record.start
                var changed = false
                for (k, f) in record.fields.enumerated() where wrongShape || k == column {
                    let value = unescape(p, f)
                    let r = redactor.redact(value)
                    guard !r.spans.isEmpty else { continue }
                    changed = true
                    summary.counts += r.counts
                    out += p[pos..<f.start]
                    out += escape(r.text, quoted: f.quoted, delimiter: delimiter)
                    pos = f.end
                }
                out += p[pos..<record.end]
                if changed { summary.rowsChanged += 1 }
            }
        }
        if decoded.encoding != .utf8 {
            summary.warnings.append("\(input): read as \(decoded.encoding.rawValue), written as UTF-8")
        }
        try writeAtomically(Data(out), to: output)
        return summary
    }

    static func unescape(_ p: UnsafeBufferPointer<UInt8>, _ f: Splicer.Field) -> String {
        guard f.quoted else { return String(decoding: UnsafeBufferPointer(rebasing: p[f.start..<f.end]), as: UTF8.self) }
        // Inside the quotes, a doubled quote is one quote; text after the closing quote is kept.
        var v: [UInt8] = []
        var i = f.start + 1
        var inQuotes = true
        while i < f.end {
            let b = p[i]
            if inQuotes && b == 0x22 {
                if i + 1 < f.end && p[i + 1] == 0x22 { v.append(0x22); i += 2; continue }
                inQuotes = false
                i += 1
                continue
            }
            v.append(b)
            i += 1
        }
        return String(decoding: v, as: UTF8.self)
    }

    static func escape(_ s: String, quoted: Bool, delimiter: UInt8) -> [UInt8] {
        let u = Array(s.utf8)
        let needs = quoted || u.contains(delimiter) || u.contains(0x22) || u.contains(10) || u.contains(13)
        guard needs else { return u }
        var o: [UInt8] = [0x22]
        for b in u { if b == 0x22 { o.append(0x22) }; o.append(b) }
        o.append(0x22)
        return o
    }
}

/// Finds records and field byte ranges in RFC 4180 text without copying (the same rules as `CSVReader`).
struct Splicer {
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    struct Record {
        /// Bytes of the record including its line end.
        var start: Int
        var end: Int
        var line: Int
        var fields: [Field]
        var blank: Bool
    }

    let p: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let file: String
    var i = 0
    var line = 1

    init(p: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String) {
        self.p = p
        self.delimiter = delimiter
        self.file = file
    }

    mutating func next() throws -> Record? {
        let n = p.count
        guard i < n else { return nil }
        let start = i
        let recordLine = line
        var fields: [Field] = []
        var fieldStart = i
        var quoted = false
        while i < n {
            let b = p[i]
            if b == 0x22 && i == fieldStart {
                quoted = true
                let openLine = line
                i += 1
                var closed = false
                while i < n {
                    if p[i] == 0x22 {
                        if i + 1 < n && p[i + 1] == 0x22 { i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if p[i] == 10 { line += 1 }
                    i += 1
                }
                if !closed {
                    throw FritekstError(.input, "unterminated quoted field (the quote opened here is never closed)", file: file, line: openLine)
                }
                while i < n && p[i] != delimiter && p[i] != 10 && p[i] != 13 { i += 1 }
                continue
            }
            if b == delimiter {
                fields.append(Field(start: fieldStart, end: i, quoted: quoted))
                i += 1
                fieldStart = i
                quoted = false
                continue
            }
            if b == 10 || b == 13 {
                fields.append(Field(start: fieldStart, end: i, quoted: quoted))
                if b == 13 && i + 1 < n && p[i + 1] == 10 { i += 1 }
                i += 1
                line += 1
                let blank = fields.count == 1 && fields[0].start == fields[0].end
                return Record(start: start, end: i, line: recordLine, fields: fields, blank: blank)
            }
            i += 1
        }
        fields.append(Field(start: fieldStart, end: i, quoted: quoted))
        return Record(start: start, end: i, line: recordLine, fields: fields, blank: fields.count == 1 && fields[0].start == fields[0].end)
    }
}
