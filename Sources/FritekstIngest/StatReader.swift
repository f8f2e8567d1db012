import CReadStat
import Foundation
import FritekstCore

/// A variable of a statistics file (SPSS, Stata): its name, label and value labels.
public struct VariableInfo: Sendable, Equatable {
    /// Variable (column) name.
    public var name: String
    /// Variable label (the question text), or "".
    public var label: String
    /// Value labels by the value's text form (`"1"` → `"statlig"`).
    public var valueLabels: [String: String]
    /// The variable's display format (`F8.2`, `DATE11`, `%td`, …).
    public var format: String
    /// How many values were user-defined missing codes and read as empty.
    public var userMissing: Int

    /// Creates variable information.
    public init(name: String, label: String = "", valueLabels: [String: String] = [:], format: String = "", userMissing: Int = 0) {
        self.name = name
        self.label = label
        self.valueLabels = valueLabels
        self.format = format
        self.userMissing = userMissing
    }
}

/// Reads SPSS `.sav`/`.zsav`/`.por` and Stata `.dta` files with ReadStat; value labels become text.
public enum StatReader {
    /// Which ReadStat parser to use.
    public enum Kind: String, Sendable {
        case sav, por, dta
    }

    /// A parsed file: the table (row "lines" are case numbers), the variables and the accounting.
    public struct Result: Sendable {
        public var table: Table
        public var variables: [VariableInfo]
        public var accounting: RowAccounting
    }

    /// Reads `path` as `kind`. Labelled values become their labels; user-missing and system-missing values become "".
    public static func read(path: String, kind: Kind) throws -> Result {
        let ctx = Context(file: path)
        guard let parser = readstat_parser_init() else { throw FritekstError(.input, "cannot start ReadStat", file: path) }
        defer { readstat_parser_free(parser) }
        _ = readstat_set_metadata_handler(parser) { metadata, ctx in
            let me = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            let n = Int(readstat_get_row_count(metadata))
            if n > 0 { me.expectedRows = n; me.rows.reserveCapacity(n) }
            return Int32(READSTAT_HANDLER_OK)
        }
        _ = readstat_set_variable_handler(parser) { index, variable, labelSet, ctx in
            let me = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            let name = String(cString: readstat_variable_get_name(variable))
            let label = readstat_variable_get_label(variable).map { String(cString: $0) } ?? ""
            let format = readstat_variable_get_format(variable).map { String(cString: $0) } ?? ""
            me.variables.append(VariableInfo(name: name, label: label, format: format))
            me.labelSetOf.append(labelSet.map { String(cString: $0) })
            _ = index
            return Int32(READSTAT_HANDLER_OK)
        }
        _ = readstat_set_value_handler(parser) { obs, variable, value, ctx in
            let me = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            let v = Int(readstat_variable_get_index(variable))
            let o = Int(obs)
            while me.rows.count <= o { me.rows.append(Array(repeating: .missing, count: me.variables.count)) }
            guard v < me.rows[o].count else { return Int32(READSTAT_HANDLER_OK) }
            let raw: Raw
            if readstat_value_is_system_missing(value) != 0 || readstat_value_is_tagged_missing(value) != 0 {
                raw = .missing
            } else if readstat_value_is_defined_missing(value, variable) != 0 {
                me.variables[v].userMissing += 1
                raw = .missing
            } else if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
                raw = .string(readstat_string_value(value).map { String(cString: $0) } ?? "")
            } else {
                raw = .number(readstat_double_value(value))
            }
            me.rows[o][v] = raw
            return Int32(READSTAT_HANDLER_OK)
        }
        _ = readstat_set_value_label_handler(parser) { setName, value, label, ctx in
            let me = Unmanaged<Context>.fromOpaque(ctx!).takeUnretainedValue()
            guard let setName, let label else { return Int32(READSTAT_HANDLER_OK) }
            let key: String
            if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
                key = readstat_string_value(value).map { String(cString: $0) } ?? ""
            } else if readstat_value_is_tagged_missing(value) != 0 || readstat_value_is_system_missing(value) != 0 {
                return Int32(READSTAT_HANDLER_OK)
            } else {
                key = NumberText.format(readstat_double_value(value))
            }
            me.labelSets[String(cString: setName), default: [:]][key] = String(cString: label)
            return Int32(READSTAT_HANDLER_OK)
        }
        _ = readstat_set_error_handler(parser) { message, ctx in
            guard let ctx, let message else { return }
            let me = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            me.errors.append(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let opaque = Unmanaged.passUnretained(ctx).toOpaque()
        let err: readstat_error_t
        switch kind {
        case .sav: err = readstat_parse_sav(parser, path, opaque)
        case .por: err = readstat_parse_por(parser, path, opaque)
        case .dta: err = readstat_parse_dta(parser, path, opaque)
        }
        if err != READSTAT_OK {
            let what = String(cString: readstat_error_message(err))
            let detail = ctx.errors.first.map { " (\($0))" } ?? ""
            let name = kind == .dta ? "Stata" : "SPSS"
            let hint = (err == READSTAT_ERROR_READ || err == READSTAT_ERROR_PARSE || err == READSTAT_ERROR_SEEK)
                ? "; the file is damaged or truncated, or not a \(name) file" : ""
            throw FritekstError(.input, "cannot read as \(name) .\(kind.rawValue): \(what)\(detail)\(hint)", file: path)
        }
        return try ctx.result()
    }

    /// Text of a number in a variable with `format`: dates for date formats, the plain number otherwise.
    static func text(_ x: Double, format: String) -> String {
        let f = format.uppercased()
        if f.hasPrefix("%TD") || f.hasPrefix("%D") {                      // Stata days since 1960-01-01
            return XLSXReader.civilDate(daysSince1970: Int(x.rounded(.down)) - 3653)
        }
        if f.hasPrefix("%TC") {                                           // Stata milliseconds since 1960
            return spssLike(seconds: x / 1000, epochDays: -3653, withTime: true)
        }
        let dateFormats = ["DATE", "ADATE", "EDATE", "SDATE", "JDATE", "EDATE"]
        if f.hasPrefix("DATETIME") || f.hasPrefix("YMDHMS") {
            return spssLike(seconds: x, epochDays: -141_428, withTime: true)
        }
        if dateFormats.contains(where: { f.hasPrefix($0) }) {
            return spssLike(seconds: x, epochDays: -141_428, withTime: false)
        }
        return NumberText.format(x)
    }

    private static func spssLike(seconds: Double, epochDays: Int, withTime: Bool) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return NumberText.format(seconds) }
        let days = (seconds / 86_400).rounded(.down)
        let date = XLSXReader.civilDate(daysSince1970: Int(days) + epochDays)
        let rest = Int((seconds - days * 86_400).rounded())
        if !withTime || rest == 0 { return date }
        return date + String(format: " %02d:%02d:%02d", rest / 3600, (rest / 60) % 60, rest % 60)
    }

    enum Raw { case missing, number(Double), string(String) }

    final class Context {
        let file: String
        var variables: [VariableInfo] = []
        var labelSetOf: [String?] = []
        var labelSets: [String: [String: String]] = [:]
        var rows: [[Raw]] = []
        var expectedRows = -1
        var errors: [String] = []

        init(file: String) { self.file = file }

        func result() throws -> Result {
            guard !variables.isEmpty else { throw FritekstError(.input, "the file has no variables", file: file) }
            var accounting = RowAccounting()
            var unlabelled: [String: Set<String>] = [:]
            for v in variables.indices {
                if let set = labelSetOf[v], let labels = labelSets[set] { variables[v].valueLabels = labels }
            }
            var table: [[String]] = []
            table.reserveCapacity(rows.count)
            for row in rows {
                var cells: [String] = []
                cells.reserveCapacity(variables.count)
                for (v, raw) in row.enumerated() {
                    switch raw {
                    case .missing: cells.append("")
                    case .string(let s):
                        cells.append(variables[v].valueLabels[s] ?? s)
                    case .number(let x):
                        let key = NumberText.format(x)
                        if let label = variables[v].valueLabels[key] {
                            cells.append(label)
                        } else {
                            if !variables[v].valueLabels.isEmpty { unlabelled[variables[v].name, default: []].insert(key) }
                            cells.append(StatReader.text(x, format: variables[v].format))
                        }
                    }
                }
                table.append(cells)
            }
            accounting.rowsRead = table.count
            if expectedRows > 0 && expectedRows != table.count {
                accounting.warnings.append("\(file): header says \(expectedRows) cases, \(table.count) read")
            }
            for v in variables where v.userMissing > 0 {
                accounting.warnings.append("\(file): column '\(v.name)': \(v.userMissing) user-missing value(s) read as empty")
            }
            for (name, values) in unlabelled.sorted(by: { $0.key < $1.key }) {
                let shown = values.sorted().prefix(5).joined(separator: ", ")
                accounting.warnings.append("\(file): column '\(name)': value(s) without a label kept as numbers: \(shown)")
            }
            let (header, warnings) = CSVReader.cleanHeader(variables.map(\.name), file: file, line: 1)
            accounting.warnings += warnings
            return Result(table: Table(header: header, rows: table, rowLines: (0..<table.count).map { $0 + 1 }),
                          variables: variables, accounting: accounting)
        }
    }
}
