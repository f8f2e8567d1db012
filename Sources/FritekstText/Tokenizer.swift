import FritekstCore

/// How text is cut into tokens.
public enum TokenizerMode: String, Sendable, Codable {
    /// quanteda-compatible: maximal runs of letters and numbers; a hyphen-minus stays only between two letters.
    case quanteda
    /// Norwegian: adds inner hyphens next to digits (`14a-vedtak`), inner apostrophes, decimal numbers and
    /// times (`3,5`, `10.30`), abbreviations with periods (`f.eks.`), e-mail addresses and URLs.
    case norwegian
}

/// A token span found by the scanner, before interning.
public struct RawToken: Sendable, Equatable {
    /// Byte offset of the first byte.
    public var start: Int
    /// Byte offset one past the last byte.
    public var end: Int
    /// 0-based sentence index.
    public var sentence: Int32
    /// Token kind.
    public var kind: TokenKind
    /// How a word broken over a line end with a hyphen was joined.
    public var lineJoin: LineJoin = .none

    /// Creates a raw token.
    public init(start: Int, end: Int, sentence: Int32, kind: TokenKind, lineJoin: LineJoin = .none) {
        self.start = start
        self.end = end
        self.sentence = sentence
        self.kind = kind
        self.lineJoin = lineJoin
    }
}

/// Repair of a word hyphenated over a line end (`arbeids-⏎evnevurdering`).
public enum LineJoin: UInt8, Sendable {
    /// Not broken over a line.
    case none
    /// The parts form a known word: hyphen and line break dropped.
    case dropHyphen
    /// A real hyphen (`NAV-⏎kontoret`): only the line break dropped.
    case keepHyphen
}

/// Cuts UTF-8 text into token spans and sentence indices; pure and reentrant.
public struct Tokenizer: Sendable {
    /// Tokenizer mode.
    public let mode: TokenizerMode

    /// Abbreviations written with periods that do not end a sentence (lower-case, with final period).
    public static let abbreviations: Set<String> = [
        "f.eks.", "bl.a.", "pr.", "ca.", "osv.", "dvs.", "mht.", "jf.", "jfr.", "d.d.", "nr.", "kl.", "evt.", "ev.",
        "inkl.", "ekskl.", "mv.", "m.m.", "etc.", "o.l.", "m.fl.", "t.o.m.", "f.o.m.", "iflg.", "ifm.", "vha.",
        "pga.", "p.g.a.", "mtp.", "bl.", "tlf.", "avd.", "ang.", "vedr.", "hhv.", "ift.", "iht.", "dr.", "stk.",
        "t.d.", "m.a.", "o.a.", "s.", "pkt.", "kap.", "jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "des.",
    ]
    /// Abbreviations that may also close a sentence when a capitalised word follows.
    static let finalAbbreviations: Set<String> = ["osv.", "etc.", "mv.", "m.m.", "o.l.", "m.fl."]

    /// Tells whether a lower-case word is known (dictionary word or valid compound); enables line-end hyphenation repair.
    public let knownWord: (@Sendable (String) -> Bool)?

    /// Creates a tokenizer; `knownWord` turns on repair of words hyphenated over a line end (Norwegian mode).
    public init(mode: TokenizerMode, knownWord: (@Sendable (String) -> Bool)? = nil) {
        self.mode = mode
        self.knownWord = mode == .norwegian ? knownWord : nil
    }

    /// Token spans of `text`, in order.
    public func tokenize(_ text: String) -> [RawToken] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    /// Token spans of UTF-8 bytes, in order.
    public func tokenize(bytes p: UnsafeBufferPointer<UInt8>) -> [RawToken] {
        var out: [RawToken] = []
        out.reserveCapacity(p.count / 6)
        scan(p) { out.append($0) }
        return out
    }

    @inline(__always)
    private func classAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharClass, Int, UInt32) {
        let b = p[i]
        if b < 0x80 { return (asciiClassOf(b), 1, UInt32(b)) }
        let (cp, len) = decodeScalar(p, i)
        return (CharClasses.of(cp), len, cp)
    }

    /// Scans `p`, calling `emit` for every token in order.
    public func scan(_ p: UnsafeBufferPointer<UInt8>, _ emit: (RawToken) -> Void) {
        let n = p.count
        var i = 0
        var sentence: Int32 = 0
        var sawToken = false
        var pendingStrong = false       // ! ? … seen since the last token
        var pendingPeriod = false       // . seen since the last token
        var periodGlued = false         // that period had no space after it
        var newlines = 0                // newlines since the last token
        var bullet = false              // a line starting with a bullet since the last token
        var lineStart = true
        let norwegian = mode == .norwegian

        while i < n {
            if p[i] == 0x20 { i += 1; continue }          // the most common byte between tokens changes no state
            let (cls, len, cp) = classAt(p, i)
            if cls.isAlnum {
                // Decide the token span.
                var kind: TokenKind = .word
                var end: Int
                var join = LineJoin.none
                if norwegian, let e = urlEnd(p, i) {
                    end = e; kind = .url
                } else {
                    (end, kind) = wordEnd(p, i, firstClass: cls)
                    if knownWord != nil, kind == .word, let (e, j) = lineBreakJoin(p, i, end) { end = e; join = j }
                    // Only a word that stops at one of these can be the start of an e-mail address
                    // or an abbreviation with periods; checking afterwards keeps the common path short.
                    if norwegian && end < n {
                        let c = p[end]
                        if c == 0x40 || c == 0x2E || c == 0x5F || c == 0x2B || c == 0x2D, let e = emailEnd(p, i) {
                            end = e; kind = .email
                        } else if c == 0x2E, cls.isLetter, let e = abbreviationEnd(p, i) {
                            end = e; kind = .abbreviation
                        }
                    }
                }
                // Sentence boundary before this token?
                if sawToken {
                    var boundary = false
                    if pendingStrong { boundary = true }
                    if pendingPeriod && (cls == .upper || cls == .number || cls == .otherLetter) {
                        boundary = !periodGlued || cls == .upper
                    }
                    if newlines >= 2 || bullet { boundary = true }
                    if newlines == 1 && cls == .upper { boundary = true }
                    if boundary { sentence += 1 }
                }
                out(RawToken(start: i, end: end, sentence: sentence, kind: kind, lineJoin: join), emit)
                sawToken = true
                pendingStrong = false; pendingPeriod = false; periodGlued = false
                newlines = 0; bullet = false; lineStart = false
                // An abbreviation that may close a sentence leaves a weak period behind.
                if kind == .abbreviation {
                    let s = lowerASCII(p, i, end)
                    if Self.finalAbbreviations.contains(s) { pendingPeriod = true }
                }
                i = end
                continue
            }
            switch cls {
            case .newline:
                if cp == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                newlines += 1
                lineStart = true
            case .space, .ignorable:
                break
            default:
                if cp == 0x21 || cp == 0x3F || cp == 0x2026 { pendingStrong = true }       // ! ? …
                else if cp == 0x2E {                                                         // .
                    if i + 2 < n && p[i + 1] == 0x2E && p[i + 2] == 0x2E { pendingStrong = true } else {
                        pendingPeriod = true
                        periodGlued = i + 1 < n && classAt(p, i + 1).0.isAlnum
                    }
                } else if lineStart && (cp == 0x2D || cp == 0x2022 || cp == 0x2A || cp == 0x2013 || cp == 0x2014) {
                    bullet = true                                                           // - • * – —
                }
                if cls != .mark { lineStart = false }
                if cls == .other, cp == 0xA7, norwegian {                                    // § as its own token
                    if sawToken && (pendingStrong || newlines >= 2) { sentence += 1 }
                    out(RawToken(start: i, end: i + len, sentence: sentence, kind: .symbol), emit)
                    sawToken = true; pendingStrong = false; pendingPeriod = false; newlines = 0; bullet = false
                }
            }
            i += len
        }
    }

    @inline(__always)
    private func out(_ t: RawToken, _ emit: (RawToken) -> Void) { emit(t) }

    /// End of a word or number starting at `i`.
    private func wordEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, firstClass: CharClass) -> (Int, TokenKind) {
        let n = p.count
        var j = i
        var prev = firstClass
        var hasLetter = false
        var numeric = true
        let norwegian = mode == .norwegian
        while j < n {
            // Fast path: ASCII letters and digits, the bulk of Norwegian text.
            let b = p[j]
            if b < 0x80 {
                let folded = b | 0x20
                if folded >= 0x61 && folded <= 0x7A {
                    hasLetter = true; numeric = false; prev = b < 0x60 ? .upper : .lower; j += 1; continue
                }
                if b >= 0x30 && b <= 0x39 { prev = .number; j += 1; continue }
            }
            let (cls, len, cp) = classAt(p, j)
            if cls.isWordPart || (norwegian && cls == .ignorable) {
                if cls.isLetter { hasLetter = true; numeric = false }
                if cls != .ignorable && cls != .mark { prev = cls }
                j += len
                continue
            }
            let isHyphen = cp == 0x2D || (norwegian && (cp == 0x2010 || cp == 0x2011))
            if isHyphen, j + len < n {
                let (next, _, _) = classAt(p, j + len)
                let keep: Bool
                if norwegian {
                    keep = next.isAlnum && prev.isAlnum && (next.isLetter || prev.isLetter)
                } else {
                    keep = prev.isLetter && next.isLetter
                }
                if keep { j += len; numeric = false; continue }
                break
            }
            if norwegian, cp == 0x27 || cp == 0x2019, prev.isLetter, j + len < n {           // inner apostrophe
                let (next, _, _) = classAt(p, j + len)
                if next.isLetter { j += len; continue }
                break
            }
            if norwegian, numeric, cp == 0x2C || cp == 0x2E || cp == 0x3A, prev == .number, j + 1 < n {
                let (next, _, _) = classAt(p, j + 1)
                if next == .number { j += 1; continue }                                      // 3,5  10.30  1.745
            }
            break
        }
        return (j, numeric && !hasLetter ? .number : .word)
    }

    /// When the word `p[i..<end]` is followed by a hyphen, one line break and a lower- or upper-case word,
    /// the end of the joined word and how it joins; nil when it should stay two tokens
    /// (a suspended compound like `utviklings- og driftsarbeid` has no line break and is never joined).
    private func lineBreakJoin(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Int, LineJoin)? {
        let n = p.count
        guard end < n, p[end] == 0x2D, let knownWord else { return nil }
        var k = end + 1
        var newlines = 0
        while k < n, p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0D || p[k] == 0x0A {
            if p[k] == 0x0A { newlines += 1 }
            k += 1
        }
        guard newlines == 1, k < n else { return nil }
        let (cls, _, _) = classAt(p, k)
        guard cls.isLetter else { return nil }
        let (secondEnd, _) = wordEnd(p, k, firstClass: cls)
        let first = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self)
        let second = String(decoding: UnsafeBufferPointer(rebasing: p[k..<secondEnd]), as: UTF8.self)
        // An abbreviation or a capitalised second part marks a real hyphen (NAV-kontoret, AAP-Søknad).
        let firstAllCaps = first.count > 1 && first.allSatisfy { $0.isUppercase || $0.isNumber }
        if cls == .upper || firstAllCaps { return (secondEnd, .keepHyphen) }
        if knownWord((first + second).lowercased()) { return (secondEnd, .dropHyphen) }
        return nil
    }

    /// End of an abbreviation with periods (`f.eks.`) starting at `i`, if one is listed.
    private func abbreviationEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = p.count
        var j = i
        var lastPeriodEnd: [Int] = []
        while j < n && j - i < 12 {
            let b = p[j]
            if b == 0x2E { lastPeriodEnd.append(j + 1); j += 1; continue }
            if b < 0x80 {
                let c = asciiClassOf(b)
                if c.isLetter { j += 1; continue }
                break
            }
            let (cp, len) = decodeScalar(p, j)
            if CharClasses.of(cp).isLetter { j += len; continue }
            break
        }
        for e in lastPeriodEnd.reversed() {
            // The abbreviation must not run straight into another letter ("pr.kl" is two words).
            if e < n {
                let (next, _, _) = classAt(p, e)
                if next.isLetter && !(p[e - 1] == 0x2E && e - i > 2 && lastPeriodEnd.count > 1) { continue }
            }
            if Self.abbreviations.contains(lowerASCII(p, i, e)) { return e }
        }
        return nil
    }

    /// End of a URL (http://, https://, www.) starting at `i`.
    private func urlEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let b = p[i]
        guard b == 0x68 || b == 0x48 || b == 0x77 || b == 0x57 else { return nil }     // h H w W
        let prefixes: [[UInt8]] = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]
        var matched = false
        for pre in prefixes where i + pre.count < p.count {
            var ok = true
            for k in 0..<pre.count where p[i + k] | 0x20 != pre[k] | 0x20 { ok = false; break }
            if ok { matched = true; break }
        }
        guard matched else { return nil }
        var j = i
        while j < p.count {
            let c = p[j]
            if c <= 0x20 || c == 0x22 || c == 0x3C || c == 0x3E { break }
            if c >= 0x80 {
                let (cp, len) = decodeScalar(p, j)
                let cls = CharClasses.of(cp)
                if cls == .space || cls == .newline || cp == 0xBB || cp == 0xAB { break }
                j += len
                continue
            }
            j += 1
        }
        // Trailing punctuation belongs to the sentence.
        while j > i, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x27].contains(p[j - 1]) { j -= 1 }
        return j - i > 4 ? j : nil
    }

    /// End of an e-mail address starting at `i`.
    private func emailEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = p.count
        var j = i
        func isLocal(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
        }
        while j < n && j - i < 64 && isLocal(p[j]) { j += 1 }
        guard j < n, p[j] == 0x40, j > i else { return nil }
        j += 1
        let domainStart = j
        var lastDot = -1
        while j < n {
            let c = p[j]
            if (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2D { j += 1; continue }
            if c == 0x2E, j + 1 < n, (p[j + 1] | 0x20) >= 0x61 && (p[j + 1] | 0x20) <= 0x7A || (j + 1 < n && p[j + 1] >= 0x30 && p[j + 1] <= 0x39) {
                lastDot = j; j += 1; continue
            }
            break
        }
        guard lastDot > domainStart, j - lastDot >= 3 else { return nil }
        return j
    }

    private func lowerASCII(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        var bytes = [UInt8](p[s..<e])
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}

/// Class of an ASCII byte (a switch, not a global table: no lazy-initialisation check in the hot loop).
@inline(__always)
func asciiClassOf(_ b: UInt8) -> CharClass {
    if b >= 0x61 && b <= 0x7A { return .lower }
    if b >= 0x41 && b <= 0x5A { return .upper }
    if b >= 0x30 && b <= 0x39 { return .number }
    if b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C { return .space }
    if b == 0x0A || b == 0x0D { return .newline }
    return .other
}
