import Foundation
import FritekstCore

/// Text encodings the readers detect or accept.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// The encoding a user named (`--encoding`), nil when none was given; an unknown name is a usage error.
    public static func parse(_ name: String?) throws -> TextEncoding? {
        guard let name else { return nil }
        guard let e = TextEncoding(name: name) else {
            throw FritekstError(.usage, "unknown encoding '\(name)' (known: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return e
    }

    /// Parses a user-given encoding name (case-insensitive, common aliases).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "windows-1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": self = .latin1
        default: return nil
        }
    }
}

/// Decodes file bytes to UTF-8 bytes, detecting BOMs, UTF-16 and Windows-1252.
public enum TextDecoder {
    /// Result of decoding: UTF-8 bytes without BOM, the encoding used, and warnings.
    public struct Decoded: Sendable {
        public var bytes: [UInt8]
        public var encoding: TextEncoding
        public var warnings: [String]
    }

    /// Decodes `data`; `forced` overrides detection.
    public static func decode(_ data: Data, file: String, forced: TextEncoding? = nil) throws -> Decoded {
        var bytes = [UInt8](data)
        var warnings: [String] = []
        var encoding: TextEncoding
        if let forced {
            encoding = forced
            // Drop a BOM that agrees with the forced encoding.
            if forced == .utf8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if forced == .utf16le, bytes.starts(with: [0xFF, 0xFE]) { bytes.removeFirst(2) }
            if forced == .utf16be, bytes.starts(with: [0xFE, 0xFF]) { bytes.removeFirst(2) }
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3); encoding = .utf8
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            bytes.removeFirst(2); encoding = .utf16le
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bytes.removeFirst(2); encoding = .utf16be
        } else if looksLikeUTF16(bytes, littleEndian: true) {
            encoding = .utf16le
        } else if looksLikeUTF16(bytes, littleEndian: false) {
            encoding = .utf16be
        } else if isValidUTF8(bytes) {
            encoding = .utf8
        } else {
            encoding = .windows1252
            warnings.append("\(file): not valid UTF-8; read as Windows-1252 (use --encoding to override)")
        }
        let out: [UInt8]
        switch encoding {
        case .utf8:
            if isValidUTF8(bytes) {
                out = bytes
            } else {
                warnings.append("\(file): invalid UTF-8 byte sequences replaced with U+FFFD")
                out = Array(String(decoding: bytes, as: UTF8.self).utf8)
            }
        case .utf16le, .utf16be:
            if bytes.count % 2 != 0 {
                throw FritekstError(.input, "odd number of bytes for \(encoding.rawValue) text", file: file)
            }
            var units = [UInt16]()
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(encoding == .utf16le ? (a | b << 8) : (a << 8 | b))
                i += 2
            }
            out = Array(String(decoding: units, as: UTF16.self).utf8)
        case .windows1252:
            out = windows1252ToUTF8(bytes)
        case .latin1:
            var o = [UInt8](); o.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes { appendScalar(UInt32(b), to: &o) }
            out = o
        }
        return Decoded(bytes: out, encoding: encoding, warnings: warnings)
    }

    /// True when every byte sequence is well-formed UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// True when every byte sequence is well-formed UTF-8 (ASCII runs are checked eight bytes at a time).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            let len: Int
            if b >= 0xC2 && b <= 0xDF { len = 2 } else if b >= 0xE0 && b <= 0xEF { len = 3 } else if b >= 0xF0 && b <= 0xF4 { len = 4 } else { return false }
            if i + len > n { return false }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return false }
            if len == 3 {
                let c = bytes[i + 1]
                if (b == 0xE0 && c < 0xA0) || (b == 0xED && c >= 0xA0) { return false }
            } else if len == 4 {
                let c = bytes[i + 1]
                if (b == 0xF0 && c < 0x90) || (b == 0xF4 && c >= 0x90) { return false }
            }
            i += len
        }
        return true
    }

    private static func looksLikeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Bool {
        // ASCII-heavy UTF-16 without BOM: every other byte of the first 200 is zero.
        let n = min(bytes.count, 200) & ~1
        guard n >= 4 else { return false }
        var zeros = 0
        var i = littleEndian ? 1 : 0
        while i < n { if bytes[i] == 0 { zeros += 1 }; i += 2 }
        return zeros * 10 >= (n / 2) * 9
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Converts Windows-1252 bytes to UTF-8 bytes.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b) } else if b < 0xA0 { appendScalar(cp1252High[Int(b - 0x80)], to: &out) } else { appendScalar(UInt32(b), to: &out) }
        }
        return out
    }

    private static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
