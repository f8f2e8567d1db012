import Foundation
import FritekstCore
import ZIPFoundation

/// Reads one sheet of an Excel `.xlsx` workbook (ZIPFoundation + libxml2, the sheet streamed in chunks).
public enum XLSXReader {
    /// A parsed sheet: the table (row "lines" are sheet row numbers), the sheet's name and the accounting.
    public struct Result: Sendable {
        public var table: Table
        public var sheetName: String
        public var sheetNames: [String]
        public var accounting: RowAccounting
    }

    /// Reads the sheet chosen by `sheet` (a name, or a 1-based index; nil means the first sheet).
    public static func read(path: String, sheet: String? = nil, strict: Bool = false) throws -> Result {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw FritekstError(.input, "damaged or truncated XLSX file: its zip directory is missing or unreadable", file: path)
        }
        return try read(archive: archive, file: path, sheet: sheet, strict: strict)
    }

    /// Reads a workbook held in memory; `file` names it in messages.
    public static func read(data: Data, file: String, sheet: String? = nil, strict: Bool = false) throws -> Result {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw FritekstError(.input, "damaged or truncated XLSX file: its zip directory is missing or unreadable", file: file)
        }
        return try read(archive: archive, file: file, sheet: sheet, strict: strict)
    }

    static func read(archive: Archive, file: String, sheet: String?, strict: Bool) throws -> Result {
        guard archive["xl/workbook.xml"] != nil else {
            if archive["word/document.xml"] != nil {
                throw FritekstError(.input, "this is a Word document (.docx), not an Excel workbook", file: file)
            }
            throw FritekstError(.input, "zip archive without xl/workbook.xml: not an XLSX workbook", file: file)
        }
        let workbook = WorkbookHandler()
        try stream(archive, "xl/workbook.xml", file: file, into: workbook, required: true)
        let rels = RelsHandler()
        try stream(archive, "xl/_rels/workbook.xml.rels", file: file, into: rels, required: false)
        let names = workbook.sheets.map(\.name)
        guard !workbook.sheets.isEmpty else { throw FritekstError(.input, "workbook has no sheets", file: file) }

        let chosen: WorkbookHandler.SheetRef
        if let sheet {
            if let s = workbook.sheets.first(where: { $0.name == sheet }) {
                chosen = s
            } else if let s = workbook.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) {
                chosen = s
            } else if let k = Int(sheet), k >= 1, k <= workbook.sheets.count {
                chosen = workbook.sheets[k - 1]
            } else {
                throw FritekstError(.usage, "no sheet '\(sheet)' (sheets are: \(names.joined(separator: ", ")); give a name or a number 1–\(names.count))", file: file)
            }
        } else {
            chosen = workbook.sheets[0]
        }
        var target = rels.targets[chosen.relID] ?? "worksheets/sheet\(chosen.sheetID).xml"
        if target.hasPrefix("/") { target.removeFirst() } else if !target.hasPrefix("xl/") { target = "xl/" + target }

        let shared = SharedStringsHandler()
        try stream(archive, "xl/sharedStrings.xml", file: file, into: shared, required: false)
        let styles = StylesHandler()
        try stream(archive, "xl/styles.xml", file: file, into: styles, required: false)

        let parser = SheetHandler(sharedStrings: shared.strings, dateStyles: styles.dateStyles(),
                                  date1904: workbook.date1904, file: file)
        guard archive[target] != nil else {
            throw FritekstError(.input, "damaged XLSX: sheet '\(chosen.name)' points to \(target), which is missing", file: file)
        }
        try stream(archive, target, file: file, into: parser, required: true)
        var accounting = RowAccounting()
        accounting.warnings = parser.warnings
        let table = try buildTable(rows: parser.rows, file: file, strict: strict, accounting: &accounting)
        return Result(table: table, sheetName: chosen.name, sheetNames: names, accounting: accounting)
    }

    /// Parses sheet XML alone (for tests and the fuzzer): rows as (sheet row number, non-empty cells by 0-based column).
    public static func parseSheetXML(_ xml: Data, sharedStrings: [String] = [], date1904: Bool = false,
                                     file: String = "sheet.xml") throws -> [(row: Int, cells: [(column: Int, text: String)])] {
        let parser = SheetHandler(sharedStrings: sharedStrings, dateStyles: [:], date1904: date1904, file: file)
        let stream = XMLStream(handler: parser, file: file, part: "sheet")
        try stream.feed(xml)
        try stream.finish()
        return parser.rows.map { (row: $0.number, cells: $0.cells.map { (column: $0.column, text: $0.text) }) }
    }

    private static func stream(_ archive: Archive, _ part: String, file: String, into handler: any XMLStreamHandler,
                               required: Bool) throws {
        guard let entry = archive[part] else {
            if required { throw FritekstError(.input, "damaged XLSX: \(part) is missing", file: file) }
            return
        }
        let xml = XMLStream(handler: handler, file: file, part: part)
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                try xml.feed(chunk)
            }
        } catch let e as FritekstError {
            throw e
        } catch {
            throw FritekstError(.input, "damaged or truncated XLSX file: cannot unpack \(part) (\(error))", file: file)
        }
        try xml.finish()
    }

    /// Turns sparse sheet rows into a table: finds the header row, pads rows, reports blank and title rows.
    static func buildTable(rows: [SheetHandler.Row], file: String, strict: Bool, accounting: inout RowAccounting) throws -> Table {
        let nonEmpty = rows.filter { !$0.cells.isEmpty }
        guard !nonEmpty.isEmpty else { throw FritekstError(.input, "the sheet is empty (no header row)", file: file) }
        // Header detection: title rows above the header have few cells; take the first row with at least
        // half as many non-empty cells as the fullest of the first 20 rows.
        let count: (SheetHandler.Row) -> Int = { $0.cells.count }
        let maxCount = nonEmpty.prefix(20).map(count).max() ?? 1
        let headerPos = nonEmpty.firstIndex { count($0) * 2 >= maxCount && count($0) >= min(2, maxCount) } ?? 0
        let headerRow = nonEmpty[headerPos]
        if headerPos > 0 {
            let skipped = nonEmpty[..<headerPos].map { String($0.number) }.joined(separator: ", ")
            accounting.warnings.append("\(file): row(s) \(skipped) above the header row \(headerRow.number) ignored (title rows)")
        }
        let rawHeader = headerRow.dense(width: (headerRow.cells.map(\.column).max() ?? 0) + 1)
        let (header, warnings) = CSVReader.cleanHeader(rawHeader, file: file, line: headerRow.number)
        accounting.warnings += warnings
        var out: [[String]] = []
        var lines: [Int] = []
        var blank = 0
        for row in rows where row.number > headerRow.number {
            if row.cells.isEmpty { blank += 1; continue }
            accounting.rowsRead += 1
            let extra = row.cells.filter { $0.column >= header.count }
            if let first = extra.first {
                let col = columnName(first.column)
                let reason = "row \(row.number): \(extra.count) value(s) right of the header's last column (first in column \(col)), ignored"
                if strict { throw FritekstError(.input, "value right of the header's last column", file: file, line: row.number, column: col) }
                accounting.warnings.append("\(file): \(reason)")
            }
            out.append(row.dense(width: header.count))
            lines.append(row.number)
        }
        if blank > 0 { accounting.warnings.append("\(file): \(blank) empty row(s) ignored") }
        return Table(header: header, rows: out, rowLines: lines)
    }

    /// Spreadsheet column letters for a 0-based index (0 → A, 26 → AA).
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// 0-based column index from a cell reference like `C7` or `AB12`; nil when malformed.
    public static func columnIndex(ofReference ref: String) -> Int? {
        var n = 0
        var letters = 0
        for b in ref.utf8 {
            if b >= 65 && b <= 90 { n = n * 26 + Int(b - 64) } else if b >= 97 && b <= 122 { n = n * 26 + Int(b - 96) } else { break }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n - 1
    }

    /// Text for an Excel serial date/time in the 1900 or 1904 system (ISO 8601, time only when not midnight).
    public static func dateText(serial: Double, date1904: Bool, timeOnly: Bool = false) -> String {
        guard serial.isFinite, abs(serial) < 3_000_000 else { return NumberText.format(serial) }
        var days = serial.rounded(.down)
        var seconds = ((serial - days) * 86_400).rounded()
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let s = Int(seconds)
        let time = String(format: "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        if timeOnly && days == 0 { return time }
        let d = Int(days)
        let civil: String
        if !date1904 && d == 60 {
            civil = "1900-02-29"   // Excel's phantom leap day
        } else {
            let epochDays = date1904 ? d - 24_107 : (d < 60 ? d - 25_568 : d - 25_569)
            civil = civilDate(daysSince1970: epochDays)
        }
        return s == 0 ? civil : civil + " " + time
    }

    /// Proleptic Gregorian `yyyy-mm-dd` for days since 1970-01-01 (H. Hinnant's algorithm).
    static func civilDate(daysSince1970 z0: Int) -> String {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}

/// Formats numbers read from spreadsheets and statistics files the way an analyst typed them.
public enum NumberText {
    /// `42` for integral values, the shortest round-trip decimal otherwise (never exponent form for ordinary sizes).
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        let s = "\(x)"
        if s.contains("e") && abs(x) >= 1e-6 && abs(x) < 1e15 {
            return String(format: "%.15g", x)
        }
        return s
    }
}

// MARK: - Part handlers

/// Reads `xl/workbook.xml`: sheet names, ids, relationship ids and the date system.
final class WorkbookHandler: XMLStreamHandler {
    struct SheetRef { var name: String; var sheetID: String; var relID: String }
    var sheets: [SheetRef] = []
    var date1904 = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            sheets.append(SheetRef(name: attributes["name"] ?? "Sheet\(sheets.count + 1)",
                                   sheetID: attributes["sheetId"] ?? String(sheets.count + 1),
                                   relID: attributes["r:id"] ?? attributes["id"] ?? ""))
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        default: break
        }
    }
    func end(_ name: String) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// Reads `xl/_rels/workbook.xml.rels`: relationship id → part path.
final class RelsHandler: XMLStreamHandler {
    var targets: [String: String] = [:]
    func start(_ name: String, _ attributes: [String: String]) {
        if name == "Relationship", let id = attributes["Id"], let t = attributes["Target"] { targets[id] = t }
    }
    func end(_ name: String) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// Reads `xl/sharedStrings.xml`: each `<si>` joined over its rich-text runs, phonetic runs left out.
final class SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inT = false
    private var inPhonetic = 0
    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current.removeAll(keepingCapacity: true)
        case "t": inT = true
        case "rPh": inPhonetic += 1
        default: break
        }
    }
    func end(_ name: String) {
        switch name {
        case "si": strings.append(String(decoding: current, as: UTF8.self))
        case "t": inT = false
        case "rPh": inPhonetic -= 1
        default: break
        }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if inT && inPhonetic == 0 { current.append(contentsOf: bytes) } }
}

/// Reads `xl/styles.xml`: which cell styles (`s=` index) display dates or times.
final class StylesHandler: XMLStreamHandler {
    private var customFormats: [Int: String] = [:]
    private var cellXfFormats: [Int] = []
    private var inCellXfs = false

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellXfFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }
    func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Style index → date kind, for styles whose number format is a date or time.
    func dateStyles() -> [Int: SheetHandler.DateKind] {
        var out: [Int: SheetHandler.DateKind] = [:]
        for (i, f) in cellXfFormats.enumerated() {
            if let kind = Self.kind(formatID: f, code: customFormats[f]) { out[i] = kind }
        }
        return out
    }

    static func kind(formatID: Int, code: String?) -> SheetHandler.DateKind? {
        switch formatID {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: break
        }
        guard let code, !code.isEmpty else { return nil }
        // Remove quoted text, escaped characters and [colour]/[$-locale] sections, keep [h]/[mm]/[ss].
        var cleaned = ""
        var inQuote = false
        var inBracket = false
        var escape = false
        var bracket = ""
        for ch in code {
            if escape { escape = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let b = bracket.lowercased()
                    if b.allSatisfy({ "hms".contains($0) }) { cleaned += b }
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escape = true
            case "[": inBracket = true; bracket = ""
            default: cleaned.append(ch)
            }
        }
        let lower = cleaned.lowercased()
        if lower.contains("general") { return nil }
        let hasDate = lower.contains("y") || lower.contains("d")
        let hasTime = lower.contains("h") || lower.contains("s")
        let hasM = lower.contains("m")
        if hasDate && hasTime { return .dateTime }
        if hasDate || (hasM && !hasTime && !lower.contains("0") && !lower.contains("#")) { return .date }
        if hasTime { return .time }
        return nil
    }
}

/// Reads a worksheet's `<sheetData>`: sparse rows and cells of every type, as text.
final class SheetHandler: XMLStreamHandler {
    /// How a date-formatted number is shown.
    enum DateKind { case date, time, dateTime }
    /// One sheet row: its 1-based number and its non-empty cells in column order (sparse, so a lone cell
    /// in column XFD costs one entry, not 16 384).
    struct Row {
        var number: Int
        var cells: [(column: Int, text: String)]
        /// The row as `width` cells, "" where nothing is stored.
        func dense(width: Int) -> [String] {
            var out = Array(repeating: "", count: width)
            for c in cells where c.column < width { out[c.column] = c.text }
            return out
        }
    }

    let sharedStrings: [String]
    let dateStyles: [Int: DateKind]
    let date1904: Bool
    let file: String
    var rows: [Row] = []
    var warnings: [String] = []

    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var nextColumn = 0
    private var inRow = false
    /// `<row>` elements nested inside a row (malformed XML that is still well-formed) are ignored.
    private var nestedRows = 0
    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var cellRef = ""
    private var inValue = false
    private var inInlineT = false
    private var inPhonetic = 0
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    private var errorCells = 0
    private var badReferences = 0

    init(sharedStrings: [String], dateStyles: [Int: DateKind], date1904: Bool, file: String) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.file = file
    }

    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row" where inRow:
            nestedRows += 1
        case "row":
            let last = rows.last?.number ?? 0
            if let r = attributes["r"].flatMap({ Int($0) }), r > last, r <= 1_048_576 { rowNumber = r } else { rowNumber = last + 1 }
            cells.removeAll(keepingCapacity: true)
            inRow = true
            cellColumn = 0
            nextColumn = 0
        case "c" where inRow:
            cellRef = attributes["r"] ?? ""
            if !cellRef.isEmpty, let col = XLSXReader.columnIndex(ofReference: cellRef), col < 16_384 {
                cellColumn = max(col, nextColumn)
                if col < nextColumn { badReferences += 1 }
            } else {
                cellColumn = nextColumn
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value.removeAll(keepingCapacity: true)
            inline.removeAll(keepingCapacity: true)
        case "v": inValue = true
        case "t": inInlineT = true
        case "rPh": inPhonetic += 1
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v": inValue = false
        case "t": inInlineT = false
        case "rPh": inPhonetic -= 1
        case "c" where inRow:
            let text = cellText()
            if !text.isEmpty { cells.append((column: cellColumn, text: text)) }
            nextColumn = cellColumn + 1
        case "row" where nestedRows > 0:
            nestedRows -= 1
        case "row" where inRow:
            inRow = false
            rows.append(Row(number: rowNumber, cells: cells))
        case "sheetData", "worksheet":
            if errorCells > 0 { warnings.append("\(file): \(errorCells) cell(s) hold Excel errors (#N/A, #DIV/0!, …), read as that text") }
            if badReferences > 0 { warnings.append("\(file): \(badReferences) cell(s) out of column order; placed after the previous cell") }
            errorCells = 0
            badReferences = 0
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue { value.append(contentsOf: bytes) } else if inInlineT && inPhonetic == 0 { inline.append(contentsOf: bytes) }
    }

    private func cellText() -> String {
        let v = String(decoding: value, as: UTF8.self)
        switch cellType {
        case "s":
            guard let k = Int(v.trimmingCharacters(in: .whitespaces)), k >= 0, k < sharedStrings.count else {
                if v.isEmpty { return "" }
                warnings.append("\(file): cell \(cellRef) refers to shared string \(v), which does not exist; read as empty")
                return ""
            }
            return sharedStrings[k]
        case "inlineStr":
            return String(decoding: inline, as: UTF8.self)
        case "str":
            return v.isEmpty ? String(decoding: inline, as: UTF8.self) : v
        case "b":
            return v == "1" ? "TRUE" : (v == "0" ? "FALSE" : v)
        case "e":
            errorCells += 1
            return v
        case "d":
            return v.hasSuffix("T00:00:00") ? String(v.dropLast(9)) : v
        default:
            let t = v.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return "" }
            guard let x = Double(t) else { return t }
            if let kind = dateStyles[cellStyle] {
                switch kind {
                case .date: return XLSXReader.dateText(serial: x.rounded(.down) == x ? x : x, date1904: date1904)
                case .time: return XLSXReader.dateText(serial: x, date1904: date1904, timeOnly: true)
                case .dateTime: return XLSXReader.dateText(serial: x, date1904: date1904)
                }
            }
            return NumberText.format(x)
        }
    }
}
