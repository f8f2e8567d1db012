import Foundation
import FritekstCore

/// The input formats Fritekst reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, xlsx, sav, por, dta, json

    /// A name for messages.
    public var displayName: String {
        switch self {
        case .csv: return "delimited text (CSV)"
        case .xlsx: return "Excel workbook (XLSX)"
        case .sav: return "SPSS data file (.sav/.zsav)"
        case .por: return "SPSS portable file (.por)"
        case .dta: return "Stata data file (.dta)"
        case .json: return "JSON"
        }
    }
}

/// Options for reading any input format.
public struct ReadOptions: Sendable {
    /// Delimiter and encoding overrides and strictness for delimited text.
    public var csv: CSVOptions
    /// Sheet of a workbook: a name or a 1-based number; nil is the first sheet.
    public var sheet: String?
    /// Read as this format whatever the extension says (content checks still apply).
    public var format: InputFormat?

    /// Creates options.
    public init(csv: CSVOptions = CSVOptions(), sheet: String? = nil, format: InputFormat? = nil) {
        self.csv = csv
        self.sheet = sheet
        self.format = format
    }

    /// Turn per-row skips into errors.
    public var strict: Bool {
        get { csv.strict }
        set { csv.strict = newValue }
    }
}

/// Reads any supported input file into a `Table`, choosing the reader by extension and content.
public enum InputReader {
    /// What was read: the table, the row accounting, the format, and variable metadata where the format has it.
    public struct Result: Sendable {
        public var table: Table
        public var accounting: RowAccounting
        public var format: InputFormat
        /// Variable labels and value labels (SPSS/Stata); empty for other formats.
        public var variables: [VariableInfo]
        /// Details for messages and provenance: encoding, delimiter, sheet.
        public var details: [String: String]
    }

    /// Reads `path`; errors name the file and, where known, the line/row and column.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Result {
        let format = try checkedFormat(path: path, options: options)
        let result = try readAs(format, path: path, options: options)
        if result.table.rows.isEmpty { throw noDataRows(result.accounting, file: path) }
        return result
    }

    /// The error for an input without a single data row: all skipped (naming the first skip), or only a header.
    static func noDataRows(_ accounting: RowAccounting, file: String) -> FritekstError {
        if let first = accounting.skipped.first {
            return FritekstError(.input, "no readable data rows: all \(accounting.skipped.count) skipped (first: line \(first.line): \(first.reason))", file: file)
        }
        return FritekstError(.input, "no data rows (only a header)", file: file)
    }

    /// The format of an existing, readable file (by content, extension and `options.format`), checking `--sheet`.
    public static func checkedFormat(path: String, options: ReadOptions) throws -> InputFormat {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FritekstError(.input, "no such file", file: path)
        }
        if isDir.boolValue { throw FritekstError(.input, "is a directory, not a file", file: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FritekstError(.input, "cannot read file (permission?)", file: path)
        }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        let format = try resolveFormat(path: path, head: head, requested: options.format)
        if options.sheet != nil && format != .xlsx {
            throw FritekstError(.usage, "--sheet applies to XLSX workbooks only; this file is \(format.displayName)", file: path)
        }
        return format
    }

    static func readAs(_ format: InputFormat, path: String, options: ReadOptions) throws -> Result {
        switch format {
        case .csv:
            let r = try CSVReader.read(path: path, options: options.csv)
            let delimiter = r.delimiter == 9 ? "tab" : String(UnicodeScalar(r.delimiter))
            return Result(table: r.table, accounting: r.accounting, format: .csv, variables: [],
                          details: ["encoding": r.encoding.rawValue, "delimiter": delimiter])
        case .xlsx:
            let r = try XLSXReader.read(path: path, sheet: options.sheet, strict: options.strict)
            return Result(table: r.table, accounting: r.accounting, format: .xlsx, variables: [],
                          details: ["sheet": r.sheetName])
        case .sav, .por, .dta:
            let kind: StatReader.Kind = format == .sav ? .sav : (format == .por ? .por : .dta)
            let r = try StatReader.read(path: path, kind: kind)
            return Result(table: r.table, accounting: r.accounting, format: format, variables: r.variables, details: [:])
        case .json:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FritekstError(.input, "cannot read file", file: path)
            }
            let r = try JSONReader.parse(data: data, file: path, strict: options.strict)
            return Result(table: r.table, accounting: r.accounting, format: .json, variables: [],
                          details: ["json": r.isArray ? "array" : "lines"])
        }
    }

    /// What the first bytes of a file say it is.
    public enum Content: Equatable, Sendable {
        case empty, zip, ole, sav, por, dtaXML, json, text, binary
    }

    /// Classifies a file by its first bytes (magic numbers, then text versus binary).
    public static func sniff(_ head: Data) -> Content {
        let b = [UInt8](head.prefix(4096))
        if b.isEmpty { return .empty }
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) || b.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        if b.starts(with: Array("$FL2".utf8)) || b.starts(with: Array("$FL3".utf8)) { return .sav }
        if b.starts(with: Array("<stata_dta>".utf8)) { return .dtaXML }
        if let r = b.firstRange(of: Array("SPSSPORT".utf8)), r.lowerBound < 600 { return .por }
        if CSVReader.looksBinary(Data(b)) { return .binary }
        var k = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { k = 3 }
        while k < b.count && (b[k] == 32 || b[k] == 9 || b[k] == 10 || b[k] == 13) { k += 1 }
        if k < b.count && (b[k] == UInt8(ascii: "{") || b[k] == UInt8(ascii: "[")) { return .json }
        return .text
    }

    /// Decides the format from the extension and the content; a mismatch is an error that says what the file really is.
    public static func resolveFormat(path: String, head: Data, requested: InputFormat? = nil) throws -> InputFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        let content = sniff(head)
        if content == .empty { throw FritekstError(.input, "file is empty (no header row)", file: path) }
        if content == .ole {
            if head.count >= 512, encryptedOffice(path: path) {
                throw FritekstError(.input, "the workbook is password-protected (encrypted); open it in Excel, remove the password and save it as .xlsx", file: path)
            }
            throw FritekstError(.input, "this is an old binary Office file (Excel 97–2003 .xls or an encrypted workbook), which Fritekst cannot read; save it as .xlsx (without a password) or CSV", file: path)
        }
        let byExtension: InputFormat?
        switch ext {
        case "csv", "tsv", "tab", "txt", "dat": byExtension = .csv
        case "xlsx", "xlsm": byExtension = .xlsx
        case "xls": byExtension = .xlsx   // content decides below; a real .xls is OLE and handled above
        case "sav", "zsav": byExtension = .sav
        case "por": byExtension = .por
        case "dta": byExtension = .dta
        case "json", "jsonl", "ndjson": byExtension = .json
        default: byExtension = nil
        }
        let byContent: InputFormat?
        switch content {
        case .zip: byContent = .xlsx
        case .sav: byContent = .sav
        case .por: byContent = .por
        case .dtaXML: byContent = .dta
        case .json: byContent = .json
        case .text: byContent = .csv
        case .binary, .empty, .ole: byContent = nil
        }
        let expected = requested ?? byExtension
        guard let expected else {
            if let byContent { return byContent }
            throw FritekstError(.input, "binary file of unknown type (read: CSV, TSV, XLSX, SPSS .sav/.zsav/.por, Stata .dta, JSON/JSON Lines)", file: path)
        }
        switch (expected, byContent) {
        case (.csv, .csv?), (.json, .json?), (.xlsx, .xlsx?), (.sav, .sav?), (.por, .por?), (.dta, .dta?):
            return expected
        case (.csv, .json?):
            return .csv   // a CSV whose first field starts with [ or {
        case (.json, .csv?):
            throw FritekstError(.input, "has a JSON extension but does not start with { or [", file: path, line: 1)
        case (.dta, nil):
            return .dta   // old Stata formats (before 117) have no text magic; ReadStat checks the rest
        case (_, .some(let real)):
            let suggestion: String
            switch real {
            case .csv: suggestion = ".csv"
            case .xlsx: suggestion = ".xlsx"
            case .sav: suggestion = ".sav"
            case .por: suggestion = ".por"
            case .dta: suggestion = ".dta"
            case .json: suggestion = ".json"
            }
            throw FritekstError(.input, "named as \(expected.displayName) but the content is \(real.displayName); rename it to \(suggestion) (or fix the export)", file: path)
        case (_, nil):
            if expected == .csv {
                throw FritekstError(.input, "looks like a binary file, not delimited text", file: path)
            }
            throw FritekstError(.input, "not a valid \(expected.displayName): unrecognised binary content", file: path)
        }
    }

    /// True when an OLE compound file holds an encrypted Office package: its directory names
    /// `EncryptionInfo` or `EncryptedPackage`. Looks at the first directory sector, the first and the last megabyte.
    static func encryptedOffice(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 1 << 20)) ?? Data())
        var regions = [head]
        if head.count >= 0x34 {
            let shift = Int(head[0x1E]) | Int(head[0x1F]) << 8
            let dirStart = UInt64(head[0x30]) | UInt64(head[0x31]) << 8 | UInt64(head[0x32]) << 16 | UInt64(head[0x33]) << 24
            if shift >= 7 && shift <= 16 && dirStart < 0xFFFF_FFFA {
                let size = UInt64(1) << UInt64(shift)
                if (try? handle.seek(toOffset: (dirStart + 1) * size)) != nil {
                    regions.append([UInt8]((try? handle.read(upToCount: 4 * Int(size))) ?? Data()))
                }
            }
        }
        if let end = try? handle.seekToEnd(), end > 1 << 20, (try? handle.seek(toOffset: end - (1 << 20))) != nil {
            regions.append([UInt8]((try? handle.read(upToCount: 1 << 20)) ?? Data()))
        }
        let markers = ["EncryptionInfo", "EncryptedPackage"].map { name in
            Array(name.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        return regions.contains { region in markers.contains { region.firstRange(of: $0) != nil } }
    }
}

/// Data rows of one input, a batch at a time: delimited text is streamed from disk (memory bounded by the
/// batch), other formats are read whole and handed out in batches.
public final class RowStream {
    /// The file read.
    public let file: String
    /// The format read.
    public let format: InputFormat
    /// Column names, cleaned and unique.
    public let header: [String]
    private let csv: CSVStream?
    private var table: Table?
    private var position = 0
    private var tableAccounting = RowAccounting()
    private var rowsGiven = 0

    /// Opens `path` with the same checks and format rules as `InputReader.read`.
    public init(path: String, options: ReadOptions = ReadOptions()) throws {
        file = path
        format = try InputReader.checkedFormat(path: path, options: options)
        if format == .csv {
            let s = try CSVStream(path: path, options: options.csv)
            csv = s
            header = s.header
        } else {
            let r = try InputReader.readAs(format, path: path, options: options)
            csv = nil
            table = r.table
            header = r.table.header
            tableAccounting = r.accounting
        }
    }

    /// Accounting of the rows read so far (complete once `next` has returned an empty batch).
    public var accounting: RowAccounting { csv?.accounting ?? tableAccounting }

    /// Share of the input read so far, 0…1.
    public var fractionRead: Double {
        if let csv { return csv.totalBytes > 0 ? min(1, Double(csv.bytesRead) / Double(csv.totalBytes)) : 0 }
        guard let table, !table.rows.isEmpty else { return 1 }
        return Double(position) / Double(table.rows.count)   // the table is dropped once every row is handed out
    }

    /// Up to `count` well-formed data rows with the line each began on; empty at the end. An input with no
    /// data row at all is an error, as in `InputReader.read`.
    public func next(_ count: Int) throws -> [(fields: [String], line: Int)] {
        var out: [(fields: [String], line: Int)] = []
        out.reserveCapacity(count)
        if let csv {
            while out.count < count, let r = try csv.next() { out.append(r) }
        } else if let t = table {
            let end = min(t.rows.count, position + count)
            for k in position..<end { out.append((t.rows[k], t.rowLines[k])) }
            position = end
            if position == t.rows.count { table = nil }   // every row is handed out; free the table
        }
        rowsGiven += out.count
        if out.isEmpty && rowsGiven == 0 { throw InputReader.noDataRows(accounting, file: file) }
        return out
    }
}
