import CXlsxWriter
import Foundation
import FritekstCore

/// A cell value for the workbook writer.
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case empty
    /// Bold text, whatever the column's style (headings inside an overview sheet).
    case bold(String)
}

/// Column style in a sheet.
public enum ColumnStyle: Sendable {
    case plain, wrapped, percent, decimal, integer
    /// Bold text (section headings in an overview sheet).
    case heading
}

/// Document properties of a workbook (File › Info in Excel).
public struct DocumentProperties: Sendable {
    public var title: String
    public var subject: String
    public var comments: String
    /// Creation time written into the file; nil for a fixed time, so that re-runs are byte-identical.
    public var created: Date?

    /// Creates properties.
    public init(title: String = "", subject: String = "", comments: String = "", created: Date? = nil) {
        self.title = title; self.subject = subject; self.comments = comments; self.created = created
    }
}

/// A sheet to write: name, header, rows, and per-column widths and styles.
public struct Sheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    public var widths: [Double]
    public var styles: [ColumnStyle]
    /// Freeze the header row and add an autofilter.
    public var tableLike: Bool

    /// Creates a sheet.
    public init(name: String, header: [String], rows: [[Cell]], widths: [Double] = [], styles: [ColumnStyle] = [], tableLike: Bool = true) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
        self.styles = styles
        self.tableLike = tableLike
    }
}

/// Writes XLSX workbooks with libxlsxwriter.
public enum XLSXWriter {
    /// Excel's limit on characters in one cell.
    public static let maxCellCharacters = 32_767

    /// Writes `sheets` to `path` (the caller stages the path; on failure no file is left).
    public static func write(_ sheets: [Sheet], to path: String, properties: DocumentProperties? = nil) throws {
        guard let wb = workbook_new(path) else {
            throw FritekstError(.output, "cannot create workbook", file: path)
        }
        if let p = properties {
            // Fixed creation time (2000-01-01) when none is given: byte-identical re-runs.
            let created = time_t(p.created.map { $0.timeIntervalSince1970 } ?? 946_684_800)
            p.title.withCString { title in
                p.subject.withCString { subject in
                    p.comments.withCString { comments in
                        "Fritekst".withCString { author in
                            var props = lxw_doc_properties()
                            props.title = UnsafeMutablePointer(mutating: title)
                            props.subject = UnsafeMutablePointer(mutating: subject)
                            props.comments = UnsafeMutablePointer(mutating: comments)
                            props.author = UnsafeMutablePointer(mutating: author)
                            props.created = created
                            _ = workbook_set_properties(wb, &props)
                        }
                    }
                }
            }
        }
        let header = workbook_add_format(wb)
        format_set_bold(header)
        format_set_bg_color(header, 0xDDEBF7)
        format_set_pattern(header, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let wrapped = workbook_add_format(wb)
        format_set_text_wrap(wrapped)
        format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let percent = workbook_add_format(wb)
        format_set_num_format(percent, "0.0%")
        let decimal = workbook_add_format(wb)
        format_set_num_format(decimal, "0.000000")
        let integer = workbook_add_format(wb)
        format_set_num_format(integer, "0")
        let top = workbook_add_format(wb)
        format_set_align(top, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let heading = workbook_add_format(wb)
        format_set_bold(heading)
        format_set_align(heading, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))

        for sheet in sheets {
            guard let ws = workbook_add_worksheet(wb, String(sheet.name.prefix(31))) else {
                _ = workbook_close(wb)
                try? FileManager.default.removeItem(atPath: path)
                throw FritekstError(.output, "cannot add sheet '\(sheet.name)'", file: path)
            }
            func format(_ c: Int) -> UnsafeMutablePointer<lxw_format>? {
                switch c < sheet.styles.count ? sheet.styles[c] : .plain {
                case .plain: return top
                case .wrapped: return wrapped
                case .percent: return percent
                case .decimal: return decimal
                case .integer: return integer
                case .heading: return heading
                }
            }
            for c in 0..<sheet.header.count {
                let width = c < sheet.widths.count ? sheet.widths[c] : 14
                worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width, nil)
                worksheet_write_string(ws, 0, lxw_col_t(c), sheet.header[c], header)
            }
            for (r, row) in sheet.rows.enumerated() {
                let rr = lxw_row_t(r + 1)
                for (c, cell) in row.enumerated() {
                    let cc = lxw_col_t(c)
                    switch cell {
                    case .text(let s):
                        let clipped = s.count > maxCellCharacters ? String(s.prefix(maxCellCharacters - 1)) + "…" : s
                        worksheet_write_string(ws, rr, cc, clipped, format(c))
                    case .number(let x):
                        if x.isFinite { worksheet_write_number(ws, rr, cc, x, format(c)) }
                    case .integer(let i):
                        worksheet_write_number(ws, rr, cc, Double(i), format(c))
                    case .empty:
                        break
                    case .bold(let s):
                        worksheet_write_string(ws, rr, cc, s, heading)
                    }
                }
            }
            if sheet.tableLike && !sheet.header.isEmpty {
                worksheet_freeze_panes(ws, 1, 0)
                worksheet_autofilter(ws, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.header.count - 1))
            }
        }
        let err = workbook_close(wb)
        if err != LXW_NO_ERROR {
            try? FileManager.default.removeItem(atPath: path)
            throw FritekstError(.output, "cannot write workbook: \(String(cString: lxw_strerror(err)))", file: path)
        }
    }
}
