import CNoICU

/// Coarse character classes the tokenizer works with (from ICU's general categories).
enum CharClass: UInt8 {
    case lower, upper, otherLetter, number, mark, ignorable, space, newline, other
    var isLetter: Bool { self == .lower || self == .upper || self == .otherLetter }
    var isAlnum: Bool { isLetter || self == .number }
    var isWordPart: Bool { isAlnum || self == .mark }
}

/// Class lookups: ASCII by table, the rest by ICU's general category (cached below U+3000).
enum CharClasses {
    static let cachedLimit: UInt32 = 0x3000
    static let table: [CharClass] = {
        var t = [CharClass](repeating: .other, count: Int(cachedLimit))
        for cp in 0..<cachedLimit { t[Int(cp)] = compute(cp) }
        return t
    }()

    @inline(__always)
    static func of(_ cp: UInt32) -> CharClass {
        cp < cachedLimit ? table[Int(cp)] : compute(cp)
    }

    static func compute(_ cp: UInt32) -> CharClass {
        if cp == 0x0A || cp == 0x0D || cp == 0x2028 || cp == 0x2029 || cp == 0x85 { return .newline }
        if cp == 0x09 || cp == 0x0B || cp == 0x0C { return .space }
        switch nt_char_type(Int32(bitPattern: cp)) {
        case 1, 3: return .upper                       // Lu, Lt
        case 2: return .lower                          // Ll
        case 4, 5: return .otherLetter                 // Lm, Lo
        case 6, 7, 8: return .mark                     // Mn, Me, Mc
        case 9, 10, 11: return .number                 // Nd, Nl, No
        case 12: return .space                         // Zs (incl. no-break and narrow no-break spaces)
        case 13, 14: return .newline                   // Zl, Zp
        case 16: return .ignorable                     // Cf: soft hyphen, zero-width space/joiners, BOM
        default: return .other
        }
    }
}

/// Decodes one UTF-8 scalar at `i`; invalid bytes decode as U+FFFD of length 1.
@inline(__always)
func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    let n = p.count
    if b0 >= 0xC2 && b0 <= 0xDF, i + 1 < n, p[i + 1] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
    }
    if b0 >= 0xE0 && b0 <= 0xEF, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
    }
    if b0 >= 0xF0 && b0 <= 0xF4, i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 {
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F), 4)
    }
    return (0xFFFD, 1)
}
