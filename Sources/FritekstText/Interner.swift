import CNoICU
import FritekstCore

/// Maps token surface bytes to normalised type ids, normalising each distinct surface form once.
///
/// Normalisation of a surface form: zero-width and soft-hyphen characters removed, typographic
/// hyphens and apostrophes folded, NFC (ICU), then full Unicode lower-casing (ICU, locale nb).
public struct Interner {
    /// The normalised types.
    public private(set) var vocabulary = Vocabulary()
    var table = SurfaceTable()

    /// Creates an empty interner.
    public init() {}

    /// Number of distinct surface forms seen.
    public var surfaceCount: Int { table.count }

    /// Type id of the token bytes `p[start..<end]`.
    @inline(__always)
    public mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TypeID {
        let slice = UnsafeBufferPointer(rebasing: p[start..<end])
        if let id = table.find(slice) { return id }
        let normalised = Normalizer.normalizeToken(slice)
        let id = vocabulary.intern(normalised)
        table.insert(slice, id)
        return id
    }

    /// Type id of surface bytes whose normalised form is already known (a surface another thread normalised).
    mutating func internNormalised(_ slice: UnsafeBufferPointer<UInt8>, _ normalised: String) -> TypeID {
        if let id = table.find(slice) { return id }
        let id = vocabulary.intern(normalised)
        table.insert(slice, id)
        return id
    }

    /// Interns a word broken over a line end without its line break (and hyphen, when dropped).
    private mutating func internJoined(_ p: UnsafeBufferPointer<UInt8>, _ raw: RawToken) -> TypeID {
        Interner.joinedBytes(p, raw).withUnsafeBufferPointer { intern($0, 0, $0.count) }
    }

    /// The bytes of a word broken over a line end, without the line break (and the hyphen, when dropped).
    static func joinedBytes(_ p: UnsafeBufferPointer<UInt8>, _ raw: RawToken) -> [UInt8] {
        var bytes: [UInt8] = []
        var k = raw.start
        while k < raw.end {
            if p[k] == 0x2D, k + 1 < raw.end, [0x20, 0x09, 0x0D, 0x0A].contains(p[k + 1]) {
                if raw.lineJoin == .keepHyphen { bytes.append(0x2D) }
                k += 1
                while k < raw.end, [0x20, 0x09, 0x0D, 0x0A].contains(p[k]) { k += 1 }
                continue
            }
            bytes.append(p[k])
            k += 1
        }
        return bytes
    }

    /// Tokenises and interns `text`, appending tokens to `tokens`.
    public mutating func tokens(of text: String, tokenizer: Tokenizer, into tokens: inout [Token]) {
        var text = text
        text.withUTF8 { p in
            tokenizer.scan(p) { raw in
                let id = raw.lineJoin == .none ? intern(p, raw.start, raw.end) : internJoined(p, raw)
                tokens.append(Token(type: id, start: Int32(raw.start), end: Int32(raw.end), sentence: raw.sentence, kind: raw.kind))
            }
        }
    }
}

/// Text normalisation helpers backed by ICU.
public enum Normalizer {
    /// Normalised (case-folded) form of one token's bytes.
    public static func normalizeToken(_ p: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in p where b >= 0x80 { ascii = false; break }
        if ascii {
            var bytes = [UInt8](p)
            for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Fold and drop characters scalar by scalar, then NFC and lower-case with ICU.
        var folded = [UInt8]()
        folded.reserveCapacity(p.count)
        var i = 0
        var simpleLatin = true
        while i < p.count {
            let (cp, len) = decodeScalar(p, i)
            switch cp {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: break            // invisible
            case 0x2010, 0x2011: folded.append(0x2D)                              // hyphens
            case 0x2019, 0x02BC: folded.append(0x27)                              // apostrophes
            default:
                if cp >= 0x100 || (cp >= 0x80 && cp < 0xC0) { simpleLatin = false }
                folded.append(contentsOf: p[i..<(i + len)])
            }
            i += len
        }
        if simpleLatin {
            // Latin-1 letters are NFC already and lower-case by a fixed offset.
            var out = [UInt8]()
            out.reserveCapacity(folded.count)
            var k = 0
            while k < folded.count {
                let b = folded[k]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b); k += 1
                } else {
                    // Two-byte U+00C0–U+00FF: upper-case letters C0–DE except D7 map to +0x20.
                    let cp = (UInt32(b & 0x1F) << 6) | UInt32(folded[k + 1] & 0x3F)
                    let lower = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp
                    out.append(UInt8(0xC0 | (lower >> 6))); out.append(UInt8(0x80 | (lower & 0x3F)))
                    k += 2
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return lowercase(nfc(String(decoding: folded, as: UTF8.self)))
    }

    /// NFC form of `s` (ICU).
    public static func nfc(_ s: String) -> String { applyICU(s, nt_nfc_utf8) }

    /// Full Unicode lower-case of `s` (ICU, locale nb).
    public static func lowercase(_ s: String) -> String { applyICU(s, nt_lower_utf8) }

    private static func applyICU(_ s: String,
                                 _ f: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32) -> String {
        var s = s
        return s.withUTF8 { src -> String in
            let srcPtr = UnsafeRawPointer(src.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var cap = Int32(src.count * 2 + 16)
            while true {
                var err: Int32 = 0
                var buf = [CChar](repeating: 0, count: Int(cap))
                let need = buf.withUnsafeMutableBufferPointer { f(srcPtr, Int32(src.count), $0.baseAddress, cap, &err) }
                if err == 15 || need > cap { cap = need + 1; continue }
                if nt_icu_failure(err) != 0 { return String(decoding: src, as: UTF8.self) }
                return buf.withUnsafeBufferPointer { b in
                    String(decoding: UnsafeRawBufferPointer(start: b.baseAddress, count: Int(need)).bindMemory(to: UInt8.self), as: UTF8.self)
                }
            }
        }
    }
}

/// Open-addressing hash table from byte strings to type ids, with keys stored in one arena.
struct SurfaceTable {
    private var arena: [UInt8] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)   // index into entries, -1 empty
    private var entries: [(offset: Int32, length: Int32, hash: UInt32, id: TypeID)] = []
    private var mask = 1023

    var count: Int { entries.count }

    @inline(__always)
    static func hash(_ s: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    func find(_ s: UnsafeBufferPointer<UInt8>) -> TypeID? {
        let h = Self.hash(s)
        var slot = Int(h) & mask
        return arena.withUnsafeBufferPointer { a -> TypeID? in
            while true {
                let e = slots[slot]
                if e < 0 { return nil }
                let entry = entries[Int(e)]
                if entry.hash == h && Int(entry.length) == s.count {
                    var equal = true
                    let base = Int(entry.offset)
                    for k in 0..<s.count where a[base + k] != s[k] { equal = false; break }
                    if equal { return entry.id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Calls `body` with the key bytes of the entry inserted `k`-th.
    func withKey<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let e = entries[k]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(e.offset)..<Int(e.offset + e.length)])) }
    }

    mutating func insert(_ s: UnsafeBufferPointer<UInt8>, _ id: TypeID) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(s)
        let offset = Int32(arena.count)
        arena.append(contentsOf: s)
        entries.append((offset, Int32(s.count), h, id))
        place(Int32(entries.count - 1), hash: h)
    }

    private mutating func place(_ e: Int32, hash h: UInt32) {
        var slot = Int(h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = e
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (k, e) in entries.enumerated() { place(Int32(k), hash: e.hash) }
    }
}
