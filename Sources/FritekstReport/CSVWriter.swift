import Foundation

/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter, a quote, a line break or edge spaces.
public struct CSVWriter {
    /// Field delimiter.
    public var delimiter: Character
    /// Prefix a UTF-8 byte-order mark (for Norwegian Excel).
    public var byteOrderMark: Bool
    private var out = ""

    /// Creates a writer.
    public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        if byteOrderMark { out = "\u{FEFF}" }
    }

    /// Appends one row.
    public mutating func row(_ fields: [String]) {
        var first = true
        for f in fields {
            if !first { out.append(delimiter) }
            first = false
            out += Self.escape(f, delimiter: delimiter)
        }
        out += "\n"
    }

    /// The CSV text as UTF-8 bytes.
    public var data: Data { Data(out.utf8) }

    /// A field quoted if needed.
    public static func escape(_ f: String, delimiter: Character = ",") -> String {
        let needs = f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r")
            || f.first == " " || f.last == " "
        return needs ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
    }
}

/// Number formatting for output tables.
public enum NumberFormat {
    /// A fraction with 6 decimals (`0.333333`).
    public static func fraction(_ x: Double) -> String { String(format: "%.6f", x) }

    /// A p-value as a plain decimal number with at least 6 significant digits (no exponent).
    public static func pValue(_ p: Double) -> String {
        if p <= 0 { return "0" }
        if p >= 1 { return "1" }
        let magnitude = Int((-log10(p)).rounded(.down))
        let decimals = min(340, max(6, magnitude + 6))
        return String(format: "%.\(decimals)f", p)
    }
}
