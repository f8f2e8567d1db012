import Foundation

/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter, a quote, a line break or edge spaces.
public struct CSVWriter: Sendable {
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

    /// Appends a row of one text field, 0/1 flags and one more text field (`coded.csv` rows; `CodedRowWriter` writes the same bytes faster).
    public mutating func row(_ first: String, flags: [Bool], _ last: String) {
        out += Self.escape(first, delimiter: delimiter)
        for f in flags {
            out.append(delimiter)
            out += f ? "1" : "0"
        }
        out.append(delimiter)
        out += Self.escape(last, delimiter: delimiter)
        out += "\n"
    }

    /// The CSV text as UTF-8 bytes.
    public var data: Data { Data(out.utf8) }

    /// A field quoted if needed.
    public static func escape(_ f: String, delimiter: Character = ",") -> String {
        // One pass over the bytes (String.contains(_:) goes through Foundation on Linux and is slow per field).
        let d = delimiter.asciiValue ?? 0
        var needs = false
        var quotes = false
        for b in f.utf8 {
            if b == 0x22 { quotes = true; needs = true; break }
            if b == d || b == 0x0A || b == 0x0D { needs = true }
        }
        if !needs && !delimiter.isASCII { needs = f.contains(delimiter) }
        if !needs, let first = f.utf8.first, let last = f.utf8.last { needs = first == 0x20 || last == 0x20 }
        guard needs else { return f }
        if !quotes { return "\"" + f + "\"" }
        var out = "\""
        out.reserveCapacity(f.utf8.count + 8)
        for ch in f.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
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
