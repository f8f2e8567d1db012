import Foundation

/// JSON text helpers shared by the readers and writers.
public enum JSONText {
    /// A JSON string literal for `s`: quotes, backslashes and control characters escaped, and U+007F,
    /// U+0085, U+2028, U+2029 and U+FEFF as `\uXXXX` too, so the same literal is also a valid YAML
    /// double-quoted scalar (YAML forbids those characters unescaped).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x85 || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
