import CReadStat
import Foundation
import FritekstCore

/// Writes SPSS `.sav` files with ReadStat: numeric columns, strings, value labels and user-missing codes.
public enum SAVWriter {
    /// How one column is written.
    public enum Kind: Sendable, Equatable {
        /// Numbers (empty cells are system-missing).
        case numeric
        /// Text of the given byte width.
        case string(width: Int)
        /// Numeric codes 1…n for the listed texts, with those texts as value labels.
        case labelled([String])
    }

    /// A column specification.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var label: String
        public var kind: Kind
        /// A code written for empty cells and declared user-missing (with its own value label), or nil for system-missing.
        public var missingCode: (code: Double, label: String)?
        /// Value labels of a `numeric` column (`0` → «Ikke nevnt», `1` → «Nevnt»).
        public var valueLabels: [(value: Double, label: String)] = []

        /// Creates a column specification.
        public init(name: String, label: String = "", kind: Kind, missingCode: (code: Double, label: String)? = nil,
                    valueLabels: [(value: Double, label: String)] = []) {
            self.name = name
            self.label = label
            self.kind = kind
            self.missingCode = missingCode
            self.valueLabels = valueLabels
        }

        /// Equality on every field.
        public static func == (a: Column, b: Column) -> Bool {
            a.name == b.name && a.label == b.label && a.kind == b.kind
                && a.missingCode?.code == b.missingCode?.code && a.missingCode?.label == b.missingCode?.label
                && a.valueLabels.map(\.value) == b.valueLabels.map(\.value) && a.valueLabels.map(\.label) == b.valueLabels.map(\.label)
        }
    }

    /// Chooses column kinds for a table: `labelled` columns get codes in sorted order, all-numeric columns are numeric.
    public static func columns(for table: Table, labelled: [String], missingCode: (code: Double, label: String)? = nil) -> [Column] {
        table.header.enumerated().map { c, name in
            let values = table.rows.map { $0[c] }
            if labelled.contains(name) {
                let distinct = Set(values.filter { !$0.isEmpty }).sorted()
                let hasEmpty = values.contains("")
                return Column(name: name, kind: .labelled(distinct), missingCode: hasEmpty ? missingCode : nil)
            }
            let numeric = values.allSatisfy { v in v.isEmpty || Double(v).map { formatNumber($0) == v } == true }
                && values.contains { !$0.isEmpty }
            if numeric { return Column(name: name, kind: .numeric) }
            let width = max(1, values.map(\.utf8.count).max() ?? 1)
            return Column(name: name, kind: .string(width: width))
        }
    }

    /// The file container: SPSS `.sav` (bytecode-compressed), `.zsav` (zlib), `.por` (portable) or Stata `.dta`.
    public enum Container: String, Sendable, CaseIterable {
        case sav, zsav, por, dta
    }

    /// Writes `table` with `columns` (same order as the header) to `path`; on failure no file is left.
    ///
    /// Stata has no user-missing codes: in `.dta` labelled columns are int32 codes and empty cells system-missing.
    /// `notes` become the file's documents (SPSS `DISPLAY DOCUMENTS`); `timestamp` fixes the creation time in the header.
    public static func write(_ table: Table, columns: [Column], to path: String, fileLabel: String? = nil,
                             container: Container = .sav, notes: [String] = [], timestamp: Date? = nil) throws {
        guard columns.count == table.header.count else {
            throw FritekstError(.output, "SAV writer: \(columns.count) column specs for \(table.header.count) columns", file: path)
        }
        guard let fp = fopen(path, "wb") else { throw FritekstError(.output, "cannot create file", file: path) }
        let sink = Sink(fp)
        var closed = false
        var finished = false
        defer {
            if !closed { fclose(fp) }
            if !finished { try? FileManager.default.removeItem(atPath: path) }
        }
        guard let writer = readstat_writer_init() else { throw FritekstError(.output, "cannot start ReadStat writer", file: path) }
        defer { readstat_writer_free(writer) }
        func check(_ err: readstat_error_t, _ what: String) throws {
            if err != READSTAT_OK {
                throw FritekstError(.output, "cannot write .\(container.rawValue) (\(what)): \(String(cString: readstat_error_message(err)))", file: path)
            }
        }
        try check(readstat_set_data_writer(writer) { data, len, ctx in
            let sink = Unmanaged<Sink>.fromOpaque(ctx!).takeUnretainedValue()
            return fwrite(data, 1, len, sink.fp) == len ? len : -1
        }, "data writer")
        if let fileLabel { _ = readstat_writer_set_file_label(writer, fileLabel) }
        if let timestamp { _ = readstat_writer_set_file_timestamp(writer, time_t(timestamp.timeIntervalSince1970)) }
        for note in notes { readstat_add_note(writer, note) }
        // Bytecode (row) compression, SPSS's default: long answer columns are mostly padding.
        if container == .sav { try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS), "compression") }
        if container == .zsav { try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_BINARY), "compression") }
        let stata = container == .dta
        var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
        for (c, col) in columns.enumerated() {
            let variable: UnsafeMutablePointer<readstat_variable_t>?
            switch col.kind {
            case .numeric:
                variable = readstat_add_variable(writer, col.name, READSTAT_TYPE_DOUBLE, 0)
                if let v = variable {
                    let decimals = table.rows.contains { $0[c].contains(".") }
                    if !stata { readstat_variable_set_format(v, decimals ? "F12.4" : "F8.0") }
                    if !col.valueLabels.isEmpty && !stata {
                        let set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, "labels\(c)")
                        for (value, text) in col.valueLabels { readstat_label_double_value(set, value, text) }
                        readstat_variable_set_label_set(v, set)
                        readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL)
                    }
                }
            case .string(let width):
                variable = readstat_add_variable(writer, col.name, READSTAT_TYPE_STRING, max(1, width))
            case .labelled(let texts):
                variable = readstat_add_variable(writer, col.name, stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, 0)
                if let v = variable {
                    let set = readstat_add_label_set(writer, stata ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, "labels\(c)")
                    for (k, t) in texts.enumerated() {
                        if stata { readstat_label_int32_value(set, Int32(k + 1), t) } else { readstat_label_double_value(set, Double(k + 1), t) }
                    }
                    if let m = col.missingCode, !stata {
                        readstat_label_double_value(set, m.code, m.label)
                        try check(readstat_variable_add_missing_double_value(v, m.code), "missing code for \(col.name)")
                    }
                    readstat_variable_set_label_set(v, set)
                    if !stata { readstat_variable_set_format(v, "F8.0") }
                    readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL)
                }
            }
            guard let variable else { throw FritekstError(.output, "cannot add variable '\(col.name)'", file: path) }
            if !col.label.isEmpty { readstat_variable_set_label(variable, col.label) }
            variables.append(variable)
        }
        let codes: [[String: Double]] = columns.map { col in
            if case .labelled(let texts) = col.kind {
                return Dictionary(uniqueKeysWithValues: texts.enumerated().map { ($1, Double($0 + 1)) })
            }
            return [:]
        }
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        switch container {
        case .sav, .zsav: try check(readstat_begin_writing_sav(writer, ctx, table.rows.count), "begin")
        case .por: try check(readstat_begin_writing_por(writer, ctx, table.rows.count), "begin")
        case .dta: try check(readstat_begin_writing_dta(writer, ctx, table.rows.count), "begin")
        }
        for (r, row) in table.rows.enumerated() {
            try check(readstat_begin_row(writer), "row \(r + 1)")
            for (c, col) in columns.enumerated() {
                let v = variables[c]
                let cell = row[c]
                switch col.kind {
                case .numeric:
                    if let x = Double(cell), !cell.isEmpty {
                        try check(readstat_insert_double_value(writer, v, x), "row \(r + 1) column \(col.name)")
                    } else {
                        try check(readstat_insert_missing_value(writer, v), "row \(r + 1) column \(col.name)")
                    }
                case .string:
                    try check(readstat_insert_string_value(writer, v, cell), "row \(r + 1) column \(col.name)")
                case .labelled:
                    if cell.isEmpty {
                        if let m = col.missingCode, !stata {
                            try check(readstat_insert_double_value(writer, v, m.code), "row \(r + 1) column \(col.name)")
                        } else {
                            try check(readstat_insert_missing_value(writer, v), "row \(r + 1) column \(col.name)")
                        }
                    } else if let code = codes[c][cell] {
                        if stata {
                            try check(readstat_insert_int32_value(writer, v, Int32(code)), "row \(r + 1) column \(col.name)")
                        } else {
                            try check(readstat_insert_double_value(writer, v, code), "row \(r + 1) column \(col.name)")
                        }
                    } else {
                        throw FritekstError(.output, "value '\(cell)' has no code in the value labels", file: path, line: r + 1, column: col.name)
                    }
                }
            }
            try check(readstat_end_row(writer), "row \(r + 1)")
        }
        try check(readstat_end_writing(writer), "end")
        closed = true
        if fclose(fp) != 0 { throw FritekstError(.output, "cannot finish writing", file: path) }
        finished = true
    }

    /// Number text as the readers produce it (integers without decimals).
    static func formatNumber(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    final class Sink {
        let fp: UnsafeMutablePointer<FILE>
        init(_ fp: UnsafeMutablePointer<FILE>) { self.fp = fp }
    }
}
