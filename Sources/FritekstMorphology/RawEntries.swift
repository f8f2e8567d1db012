#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Affix-flag sets of Hunspell dictionary entries, as a bit set.
///
/// Bit 0 marks "the entry exists"; a flag character `c` (all flags of the Norwegian
/// dictionaries are single ASCII characters between `A` and `z`) sets bit `c - 0x40`.
struct FlagSet: Sendable, Equatable {
    /// The raw bits.
    var bits: UInt64

    /// The empty set (entry absent).
    static let absent = FlagSet(bits: 0)

    /// True when the entry exists in the dictionary.
    var exists: Bool { bits & 1 != 0 }

    /// True when the affix flag `c` is set.
    func has(_ c: UInt8) -> Bool { bits & FlagSet.bit(c) != 0 }

    /// The bit used for flag character `c` (0 for characters outside `A`...`\u{7F}`).
    static func bit(_ c: UInt8) -> UInt64 {
        (c > 0x40 && c < 0x80) ? (UInt64(1) << UInt64(c - 0x40)) : 0
    }

    /// Union of two sets.
    func union(_ o: FlagSet) -> FlagSet { FlagSet(bits: bits | o.bits) }
}

/// The base words ("entries") of one Hunspell `.dic` file with their affix flags.
///
/// Hunspell's C API gives stems and applied flags but no part of speech and no way to ask
/// whether a string is a base entry. Both are needed: the compound splitter accepts only base
/// entries as parts, and the lemma chooser reads a few flags as part-of-speech hints
/// (see `LemmaChooser`).
struct RawEntries {
    /// Entry word (decoded from ISO-8859-1) to its flag set.
    private(set) var flags: [String: FlagSet] = [:]

    /// Reads a `.dic` file in ISO-8859-1 (first line a count, then `word[/FLAGS]` per line) and
    /// also feeds every entry, lower-cased, to a prefix-index builder (in file order, which is
    /// nearly sorted, so the index sorts fast).
    init(dicPath: String, lowerCasedInto sink: inout PrefixIndex.Builder) throws(MorphologyError) {
        guard let f = fopen(dicPath, "rb") else { throw MorphologyError.missingDictionary(path: dicPath) }
        defer { fclose(f) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        flags.reserveCapacity(data.count / 14)
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var i = 0
        var firstLine = true
        let count = data.count
        while i < count {
            var j = i
            while j < count && data[j] != 0x0A { j += 1 }
            defer { i = j + 1 }
            if firstLine { firstLine = false; continue }
            // word ends at '/', whitespace or end of line; an escaped "\/" is kept literally.
            word.removeAll(keepingCapacity: true)
            let lowerStart = sink.blob.count
            var k = i
            while k < j {
                let b = data[k]
                if b == 0x2F || b == 0x09 || b == 0x20 || b == 0x0D { break }
                // lower case: A-Z and the Latin-1 capitals À-Þ (not ×)
                let l = (b >= 0x41 && b <= 0x5A) || (b >= 0xC0 && b <= 0xDE && b != 0xD7) ? b + 0x20 : b
                if b < 0x80 {
                    word.append(b)
                    sink.blob.append(l)
                } else {                       // ISO-8859-1 -> UTF-8
                    word.append(0xC0 | (b >> 6))
                    word.append(0x80 | (b & 0x3F))
                    sink.blob.append(0xC0 | (l >> 6))
                    sink.blob.append(0x80 | (l & 0x3F))
                }
                k += 1
            }
            sink.commit(from: lowerStart)
            if word.isEmpty { continue }
            var bits: UInt64 = 1
            if k < j && data[k] == 0x2F {
                k += 1
                while k < j {
                    let b = data[k]
                    if b == 0x09 || b == 0x20 || b == 0x0D { break }
                    bits |= FlagSet.bit(b)
                    k += 1
                }
            }
            let key = String(decoding: word, as: UTF8.self)
            flags[key, default: .absent].bits |= bits
        }
    }

    /// All entry words (as written in the file, decoded).
    var words: Dictionary<String, FlagSet>.Keys { flags.keys }

    /// The flag set of `word` (`.absent` when it is not a base entry).
    subscript(_ word: String) -> FlagSet { flags[word] ?? .absent }

    /// Nouns in -ing derived by the t / Y flags (kvalifisere -> kvalifisering), which the
    /// word list does not hold as entries.
    func derivedIngNouns() -> [String] {
        let t = UInt8(ascii: "t"), y = UInt8(ascii: "Y")
        var out: [String] = []
        for (w, f) in flags where f.has(t) || f.has(y) {
            out.append(w.hasSuffix("e") ? String(w.dropLast()) + "ing" : w + "ing")
        }
        return out
    }
}
