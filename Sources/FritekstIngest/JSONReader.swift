import Foundation
import FritekstCore

/// Reads JSON Lines (one object per line) and JSON arrays of objects into a table, keeping key order.
///
/// Columns are the union of keys in first-seen order. Strings are kept, numbers keep their literal
/// text, `true`/`false` become `true`/`false`, `null` becomes empty, nested values become compact JSON.
public enum JSONReader {
    /// A parsed file: the table (row lines are the line each record starts on) and the accounting.
    public struct Result: Sendable {
        public var table: Table
        public var accounting: RowAccounting
        /// True when the file was one JSON array, false for JSON Lines.
        public var isArray: Bool
    }

    /// Parses JSON bytes; `strict` turns skipped records into errors.
    public static func parse(data: Data, file: String, strict: Bool = false) throws -> Result {
        if data.isEmpty { throw FritekstError(.input, "file is empty (no records)", file: file) }
        let decoded = try TextDecoder.decode(data, file: file)
        var accounting = RowAccounting()
        accounting.warnings = decoded.warnings
        var p = Parser(bytes: decoded.bytes, file: file)
        p.skipSpace()
        guard p.i < p.bytes.count else { throw FritekstError(.input, "file has only white space (no records)", file: file) }
        var records: [(line: Int, value: Value)] = []
        var isArray = false
        if p.bytes[p.i] == UInt8(ascii: "[") {
            // One array of records; a syntax error anywhere is fatal (there is no safe place to resume).
            isArray = true
            let top = try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.bytes.count { throw p.error("text after the closing ] of the array") }
            guard case .array(let items) = top.value else { throw p.error("expected an array") }
            records = items
        } else {
            // JSON Lines (or concatenated objects): a broken record is skipped up to the next line.
            while true {
                p.skipSpace()
                if p.i >= p.bytes.count { break }
                let line = p.line
                do {
                    let v = try p.value(depth: 0)
                    p.skipInlineSpace()
                    if p.i < p.bytes.count && p.bytes[p.i] != 10 && p.bytes[p.i] != 13 {
                        throw p.error("more than one value on the line")
                    }
                    records.append((line, v.value))
                } catch let e as FritekstError {
                    accounting.rowsRead += 1
                    if strict { throw e }
                    accounting.skipped.append(.init(line: e.line ?? line, reason: e.message))
                    p.skipToNextLine()
                }
            }
            // A single object holding one array of records ({"responses": [...]}) is read as that array.
            if records.count == 1, case .object(let pairs) = records[0].value, pairs.count == 1,
               case .array(let items) = pairs[0].1, items.allSatisfy({ if case .object = $0.value { return true }; return false }) {
                accounting.warnings.append("\(file): records read from the array under key '\(pairs[0].0)'")
                records = items
                isArray = true
            }
        }
        var header: [String] = []
        var index: [String: Int] = [:]
        var rows: [[String]] = []
        var lines: [Int] = []
        var incomplete = 0
        var duplicateKeys = 0
        for (line, value) in records {
            accounting.rowsRead += 1
            guard case .object(let pairs) = value else {
                let reason = "record is \(value.kindName), not an object"
                if strict { throw FritekstError(.input, reason, file: file, line: line) }
                accounting.skipped.append(.init(line: line, reason: reason))
                continue
            }
            var row = Array(repeating: "", count: header.count)
            var seen = Set<String>()
            for (key, v) in pairs {
                if !seen.insert(key).inserted { duplicateKeys += 1 }
                let k: Int
                if let existing = index[key] { k = existing } else {
                    k = header.count
                    index[key] = k
                    header.append(key)
                    row.append("")
                }
                row[k] = v.text
            }
            if seen.count < header.count { incomplete += 1 }
            rows.append(row)
            lines.append(line)
        }
        guard !header.isEmpty else {
            if accounting.skipped.isEmpty { throw FritekstError(.input, "no records (no objects with keys)", file: file) }
            throw FritekstError(.input, "no readable records: \(accounting.skipped[0])", file: file)
        }
        for k in rows.indices where rows[k].count < header.count {
            rows[k] += Array(repeating: "", count: header.count - rows[k].count)
        }
        if incomplete > 0 { accounting.warnings.append("\(file): \(incomplete) record(s) lack some keys; those fields read as empty") }
        if duplicateKeys > 0 { accounting.warnings.append("\(file): \(duplicateKeys) duplicate key(s) within records; the last value kept") }
        let (clean, warnings) = CSVReader.cleanHeader(header, file: file, line: lines.first ?? 1)
        accounting.warnings += warnings
        return Result(table: Table(header: clean, rows: rows, rowLines: lines), accounting: accounting, isArray: isArray)
    }

    /// A JSON value with object keys in source order; numbers keep their literal text.
    indirect enum Value {
        case string(String), number(String), bool(Bool), null
        case array([(line: Int, value: Value)])
        case object([(String, Value)])

        var kindName: String {
            switch self {
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            case .array: return "an array"
            case .object: return "an object"
            }
        }

        /// Cell text of the value.
        var text: String {
            switch self {
            case .string(let s): return s
            case .number(let n): return n
            case .bool(let b): return b ? "true" : "false"
            case .null: return ""
            case .array, .object: return json
            }
        }

        var json: String {
            switch self {
            case .string(let s):
                return JSONText.quote(s)
            case .number(let n): return n
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .array(let items): return "[" + items.map(\.value.json).joined(separator: ",") + "]"
            case .object(let pairs): return "{" + pairs.map { Value.string($0.0).json + ":" + $0.1.json }.joined(separator: ",") + "}"
            }
        }
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        var i = 0
        var line = 1
        var lineStart = 0
        static let maxDepth = 256

        init(bytes: [UInt8], file: String) { self.bytes = bytes; self.file = file }

        func error(_ message: String) -> FritekstError {
            FritekstError(.input, "invalid JSON: \(message)", file: file, line: line, position: i - lineStart + 1)
        }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 10: i += 1; line += 1; lineStart = i
                case 32, 9, 13: i += 1
                default: return
                }
            }
        }

        mutating func skipInlineSpace() { while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9) { i += 1 } }

        mutating func skipToNextLine() {
            while i < bytes.count && bytes[i] != 10 { i += 1 }
        }

        mutating func value(depth: Int) throws -> (line: Int, value: Value) {
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of file") }
            if depth > Parser.maxDepth { throw error("nested more than \(Parser.maxDepth) levels deep") }
            let startLine = line
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                i += 1
                var pairs: [(String, Value)] = []
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return (startLine, .object(pairs)) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a \"key\" in the object") }
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\"") }
                    i += 1
                    let v = try value(depth: depth + 1)
                    pairs.append((key, v.value))
                    skipSpace()
                    guard i < bytes.count else { throw error("object never closed with }") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return (startLine, .object(pairs)) }
                    throw error("expected ',' or '}' in the object")
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [(line: Int, value: Value)] = []
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return (startLine, .array(items)) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw error("array never closed with ]") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return (startLine, .array(items)) }
                    throw error("expected ',' or ']' in the array")
                }
            case UInt8(ascii: "\""):
                return (startLine, .string(try string()))
            case UInt8(ascii: "t"):
                try literal("true"); return (startLine, .bool(true))
            case UInt8(ascii: "f"):
                try literal("false"); return (startLine, .bool(false))
            case UInt8(ascii: "n"):
                try literal("null"); return (startLine, .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                i += 1
                while i < bytes.count, let c = Optional(bytes[i]),
                      (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                      || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { i += 1 }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                guard Double(text) != nil else { throw error("malformed number '\(text)'") }
                return (startLine, .number(text))
            default:
                throw error("unexpected character '\(String(decoding: [b], as: UTF8.self))'")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw error("expected '\(word)'") }
            i += w.count
        }

        mutating func string() throws -> String {
            i += 1   // opening quote
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 10 { throw error("line break inside a string (the string is never closed on this line)") }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < bytes.count else { break }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(e)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) } else { scalar = 0xFFFD }
                        }
                        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out += Array(String(u).utf8)
                    default: throw error("unknown escape '\\\(String(decoding: [e], as: UTF8.self))'")
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            throw error("string never closed")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 65...70: d = UInt32(c - 55)
                case 97...102: d = UInt32(c - 87)
                default: throw error("bad \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }
    }
}
