import FritekstCore
#if canImport(Glibc)
import Glibc
#endif

/// Finds personal data in an answer and replaces it with typed markers.
///
/// One left-to-right pass over the UTF-8 bytes finds URLs, e-mail addresses and digit runs
/// (fødselsnummer, phone, bank account) and collects the words; a second, cheap pass over the
/// collected words looks capitalised words up in the name sets. No regular expressions.
///
/// Identification numbers: an 11-digit number (or 6 + 5 digits with a space) counts as a
/// fødselsnummer when both mod-11 check digits are valid and the date part is a real date once
/// the known offsets are taken off: day + 40 (D-nummer), month + 40 (H-nummer and NAV's synthetic
/// test persons) and month + 80 (Skatteetaten's synthetic test persons, as in the bundled corpus).
public struct Redactor: Sendable {
    /// The name lists in use.
    public let names: NameLists
    private let userByFirst: [String: [[String]]]
    private let userSingles: Set<String>
    /// FNV-1a hashes of the lower-cased UTF-8 of every given name and surname: a word whose hash is absent
    /// is certainly not a listed name, which spares making a string for most capitalised words.
    private let nameHashes: Set<UInt64>

    /// Creates a redactor with the given name lists (the shipped lists by default).
    public init(names: NameLists = .shipped) {
        self.names = names
        var byFirst: [String: [[String]]] = [:]
        var singles: Set<String> = []
        for entry in names.user where !entry.isEmpty {
            byFirst[entry[0], default: []].append(entry)
            if entry.count == 1 { singles.insert(entry[0]) }
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.count > $1.count } }
        userByFirst = byFirst
        userSingles = singles
        var hashes = Set<UInt64>()
        for name in names.given.union(names.surnames) {
            var h = FNV1a64()
            for b in name.utf8 { h.feed(b) }
            hashes.insert(h.value)
        }
        nameHashes = hashes
    }

    /// True when `w` is certainly not a listed name: an unhyphenated ASCII/Latin-1 word whose lower-cased
    /// bytes (and, for a genitive -s, those without the s) hash to no name. False means "look it up".
    @inline(__always)
    private func certainlyNotName(_ w: Word, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !w.hyphenated else { return false }
        var h = FNV1a64(), beforeLast = h
        var last: UInt8 = 0
        var i = w.start
        while i < w.end {
            let b = p[i]
            beforeLast = h
            if b < 0x80 {
                last = b &- 0x41 < 26 ? b | 0x20 : b
                h.feed(last)
                i += 1
            } else if b == 0xC3, i + 1 < w.end {
                // U+00C0–U+00DE (not ×) lower-case by +0x20 on the second byte, as String.lowercased() does.
                let c = p[i + 1]
                last = c >= 0x80 && c <= 0x9E && c != 0x97 ? c + 0x20 : c
                h.feed(0xC3)
                h.feed(last)
                i += 2
            } else {
                return false
            }
        }
        if nameHashes.contains(h.value) { return false }
        if last == 0x73, w.end - w.start > 3, nameHashes.contains(beforeLast.value) { return false }
        return true
    }

    /// Redacts one answer.
    public func redact(_ text: String) -> Redacted {
        var t = text
        let spans = t.withUTF8 { self.spans(in: $0) }
        if spans.isEmpty { return Redacted(text: text, spans: []) }
        return Redacted(text: Redactor.apply(spans, to: text), spans: spans)
    }

    /// The spans to redact in UTF-8 text, sorted and non-overlapping.
    public func spans(in p: UnsafeBufferPointer<UInt8>) -> [RedactionSpan] {
        var scanner = Scanner(p: p)
        scanner.run()
        let nameSpans = findNames(scanner.words, p)
        if nameSpans.isEmpty { return scanner.spans }
        if scanner.spans.isEmpty { return nameSpans }
        return (scanner.spans + nameSpans).sorted { $0.start < $1.start }
    }

    /// `text` with every span replaced by its marker; with `range`, only that byte range of the
    /// text, where a span that overlaps the range is replaced as a whole.
    public static func apply(_ spans: [RedactionSpan], to text: String, range: Range<Int>? = nil) -> String {
        let bytes = Array(text.utf8)
        let r = range ?? 0..<bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(r.count + 8)
        var i = r.lowerBound
        for s in spans where s.end > r.lowerBound && s.start < r.upperBound {
            if s.start > i { out += bytes[i..<s.start] }
            out += s.kind.marker.utf8
            i = max(i, s.end)
        }
        if i < r.upperBound { out += bytes[i..<r.upperBound] }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-cased words of a line, by the same rules the redactor uses to split answers.
    public static func words(of line: String) -> [String] {
        var s = line
        return s.withUTF8 { p -> [String] in
            var scanner = Scanner(p: p, patterns: false)
            scanner.run()
            return scanner.words.map { NameLists.key(String(decoding: UnsafeBufferPointer(rebasing: p[$0.start..<$0.end]), as: UTF8.self)) }
        }
    }

    // MARK: - Names

    enum NameClass { case none, strong, weak }

    /// Words that make a following ambiguous name a name («kollegaen min Per», «lederen Dag»).
    static let cues: Set<String> = [
        "kollega", "kollegaen", "kollegaene", "kollegene", "kollegen", "kollegaer", "kolleger", "kollegar", "kollegaane",
        "leder", "lederen", "leiar", "leiaren", "sjef", "sjefen", "veileder", "veilederen", "rettleiar", "rettleiaren",
        "saksbehandler", "saksbehandleren", "saksbehandlar", "saksbehandlaren", "avdelingsleder", "avdelingslederen",
        "teamleder", "teamlederen", "kontorleder", "kontorlederen", "nav-leder", "nav-lederen", "fagansvarlig",
        "mellomleder", "mellomlederen", "tillitsvalgt", "tillitsvalgte", "verneombud", "verneombudet", "fru", "herr",
        "hr", "heter", "het", "kalt", "navnet", "brukeren", "mannen", "kona", "sønnen", "datteren", "dattera",
    ]
    static let possessives: Set<String> = ["min", "mi", "mitt", "mine", "vår", "våre", "vårt", "vår", "hans", "hennes", "din"]
    static let conjunctions: Set<String> = ["og", "eller", "and", "&"]
    /// Capitalised words that do not continue a name after a given name (systems, units, places in answers).
    static let notSurnames: Set<String> = [
        "nav", "nay", "modia", "gosys", "arena", "navet", "teams", "altinn", "kommune", "kommunen", "fylket",
        "direktoratet", "og", "i", "på", "har", "er", "sa", "og", "hilsen", "mvh",
    ]
    static let surnameEndings = ["sen", "stad", "rud", "heim", "land", "vik", "dal", "dahl", "berg", "nes", "seth", "gård", "mann"]

    private func key(_ w: Word, _ p: UnsafeBufferPointer<UInt8>) -> String {
        NameLists.key(String(decoding: UnsafeBufferPointer(rebasing: p[w.start..<w.end]), as: UTF8.self))
    }

    private func classify(_ key: String) -> NameClass {
        if names.given.contains(key) || names.surnames.contains(key) {
            return names.ambiguous.contains(key) ? .weak : .strong
        }
        if key.utf8.contains(0x2D) {                   // byte test: String.contains(String) goes through Foundation
            let parts = key.split(separator: "-").map(String.init)
            var anyStrong = false
            for part in parts {
                guard names.given.contains(part) || names.surnames.contains(part) else { return .none }
                if !names.ambiguous.contains(part) { anyStrong = true }
            }
            return anyStrong ? .strong : .weak
        }
        if key.count > 3, key.hasSuffix("s") {
            let stem = String(key.dropLast())
            if names.given.contains(stem) || names.surnames.contains(stem) {
                return names.ambiguous.contains(stem) ? .weak : .strong
            }
        }
        return .none
    }

    private func gap(_ a: Word, _ b: Word, _ p: UnsafeBufferPointer<UInt8>) -> String {
        a.end < b.start ? String(decoding: UnsafeBufferPointer(rebasing: p[a.end..<b.start]), as: UTF8.self) : ""
    }

    private func adjacent(_ a: Word, _ b: Word, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = a.end
        guard i < b.start else { return false }
        while i < b.start {
            if p[i] == 0x20 { i += 1; continue }
            if p[i] == 0xC2, i + 1 < b.start, p[i + 1] == 0xA0 { i += 2; continue }
            return false
        }
        return true
    }

    private func findNames(_ words: [Word], _ p: UnsafeBufferPointer<UInt8>) -> [RedactionSpan] {
        var out: [RedactionSpan] = []
        let hasUser = !userByFirst.isEmpty
        var lastNameWord: Int?
        var k = 0
        while k < words.count {
            let w = words[k]
            if hasUser {
                let wk = key(w, p)
                if let end = matchUser(words, k, wk, p) {
                    out.append(RedactionSpan(kind: .navn, start: w.start, end: words[end].end))
                    k = end + 1
                    continue
                }
                if w.hyphenated, !userSingles.isEmpty {
                    var partStart = w.start
                    var found = false
                    for i in w.start...w.end where i == w.end || p[i] == UInt8(ascii: "-") {
                        let pk = NameLists.key(String(decoding: UnsafeBufferPointer(rebasing: p[partStart..<i]), as: UTF8.self))
                        if userSingles.contains(pk) || (pk.hasSuffix("s") && userSingles.contains(String(pk.dropLast()))) {
                            out.append(RedactionSpan(kind: .navn, start: partStart, end: i))
                            found = true
                        }
                        partStart = i + 1
                    }
                    if found { k += 1; continue }
                }
            }
            guard w.capitalised, !certainlyNotName(w, p) else { k += 1; continue }
            let c = classify(key(w, p))
            if c == .none { k += 1; continue }
            // «Nav Lunde», «NAV Hansen»: an office, not a person.
            if k > 0, adjacent(words[k - 1], w, p), key(words[k - 1], p) == "nav" { k += 1; continue }
            var isName = c == .strong
            // «Kari, Ola og Per»: a listed name right after another name joined by a comma or «og».
            if !isName, let last = lastNameWord {
                if last == k - 1, gap(words[k - 1], w, p) == ", " {
                    isName = true
                } else if last == k - 2, gap(words[k - 2], words[k - 1], p) == " ", adjacent(words[k - 1], w, p),
                          Redactor.conjunctions.contains(key(words[k - 1], p)) {
                    isName = true
                }
            }
            if !isName {
                if k + 1 < words.count, words[k + 1].capitalised, adjacent(w, words[k + 1], p),
                   !certainlyNotName(words[k + 1], p), classify(key(words[k + 1], p)) != .none {
                    isName = true
                } else if k > 0 {
                    let prev = key(words[k - 1], p)
                    if Redactor.cues.contains(prev) {
                        isName = true
                    } else if k > 1, Redactor.possessives.contains(prev), Redactor.cues.contains(key(words[k - 2], p)) {
                        isName = true
                    }
                }
            }
            guard isName else { k += 1; continue }
            var e = k
            var afterGiven = names.given.contains(key(w, p))
            while e + 1 < words.count, words[e + 1].capitalised, adjacent(words[e], words[e + 1], p) {
                let nk = key(words[e + 1], p)
                // A capitalised word right after a given name is taken as the surname («Ingrid Sæbø»).
                if classify(nk) != .none || (nk.count >= 5 && Redactor.surnameEndings.contains { nk.hasSuffix($0) })
                    || (afterGiven && !Redactor.notSurnames.contains(nk)) {
                    afterGiven = names.given.contains(nk)
                    e += 1
                } else {
                    break
                }
            }
            out.append(RedactionSpan(kind: .navn, start: w.start, end: words[e].end))
            lastNameWord = e
            k = e + 1
        }
        return out
    }

    private func matchUser(_ words: [Word], _ k: Int, _ first: String, _ p: UnsafeBufferPointer<UInt8>) -> Int? {
        var candidates = userByFirst[first] ?? []
        if first.count > 2, first.hasSuffix("s"), let more = userByFirst[String(first.dropLast())] {
            candidates += more.filter { $0.count == 1 }
        }
        for entry in candidates {
            if entry.count == 1 { return k }
            guard k + entry.count - 1 < words.count else { continue }
            var ok = true
            for j in 1..<entry.count {
                let w = words[k + j]
                guard adjacent(words[k + j - 1], w, p) else { ok = false; break }
                let wk = key(w, p)
                if wk != entry[j] && !(j == entry.count - 1 && wk == entry[j] + "s") { ok = false; break }
            }
            if ok { return k + entry.count - 1 }
        }
        return nil
    }
}

/// A word found by the scanner: letters with inner hyphens.
struct Word {
    var start: Int
    var end: Int
    /// Every part starts with an upper-case letter and has a lower-case one (not ALL CAPS).
    var capitalised: Bool
    var hyphenated: Bool
}

/// The byte scanner: URLs, e-mail addresses and digit runs become spans; words are collected.
struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    var patterns = true
    var spans: [RedactionSpan] = []
    var words: [Word] = []

    init(p: UnsafeBufferPointer<UInt8>, patterns: Bool = true) {
        self.p = p
        self.n = p.count
        self.patterns = patterns
        words.reserveCapacity(p.count / 5 + 1)          // about one word per five bytes of Norwegian text
    }

    // MARK: byte classes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) }
    @inline(__always) static func isEmailLocal(_ b: UInt8) -> Bool {
        isASCIIAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    /// Decoded scalar at `i` and its length (invalid bytes: U+FFFD, length 1).
    @inline(__always) func scalar(_ i: Int) -> (UInt32, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xC2 && b0 <= 0xDF, i + 1 < n, p[i + 1] & 0xC0 == 0x80 {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4, i + 3 < n {
            return (0xFFFD, 4)
        }
        return (0xFFFD, 1)
    }

    /// Letter classes: 0 not a letter, 1 lower case, 2 upper case, 3 other letter, 4 combining mark.
    @inline(__always) static func letterClass(_ c: UInt32) -> UInt8 {
        if c < 0x80 {
            if c &- 0x61 < 26 { return 1 }
            if c &- 0x41 < 26 { return 2 }
            return 0
        }
        if c >= 0xC0 && c <= 0xDE && c != 0xD7 { return 2 }
        if c >= 0xDF && c <= 0xFF && c != 0xF7 { return 1 }
        if c >= 0x100 && c <= 0x17F { return c & 1 == 0 ? 2 : 1 }
        if c >= 0x180 && c <= 0x24F { return 3 }
        if c >= 0x370 && c <= 0x52F { return 3 }
        if c >= 0x300 && c <= 0x36F { return 4 }  // combining mark: continues a word (NFD «å» = a + U+030A)
        if c == 0xAA || c == 0xB5 || c == 0xBA { return 1 }
        return 0
    }

    // MARK: main loop

    mutating func run() {
        let hasAt = patterns && n > 0 && memchr(p.baseAddress!, 0x40, n) != nil
        let hasURL = patterns && containsURLStart()
        var i = 0
        while i < n {
            let b = p[i]
            if hasURL, (b | 0x20) == 0x68 || (b | 0x20) == 0x77, i == 0 || !Scanner.isASCIIAlnum(p[i - 1]),
               let end = urlEnd(from: i) {
                if urlCarriesIdentifier(i, end) { spans.append(RedactionSpan(kind: .url, start: i, end: end)) }
                i = end
                continue
            }
            if hasAt, Scanner.isEmailLocal(b) || b >= 0x80, i == 0 || !isEmailCharBefore(i), let end = emailEnd(from: i) {
                spans.append(RedactionSpan(kind: .epost, start: i, end: end))
                i = end
                continue
            }
            if patterns, Scanner.isDigit(b) || (b == 0x2B && i + 1 < n && Scanner.isDigit(p[i + 1])) {
                i = digitRun(from: i)
                continue
            }
            if b < 0x80 {
                if Scanner.isASCIILetter(b) { i = word(from: i); continue }
                i += 1
                continue
            }
            let (c, len) = scalar(i)
            let cls = Scanner.letterClass(c)
            if cls != 0 && cls != 4 { i = word(from: i); continue }
            i += len
        }
    }

    /// True when the text holds `://` or `www.` (any case) with a byte after it: a URL may start here.
    private func containsURLStart() -> Bool {
        guard n >= 4, let base = p.baseAddress else { return false }
        // memchr finds the rare `:` and the `.` of `www.` without a per-byte loop in Swift.
        var from = 0
        while from < n - 3, let hit = memchr(base + from, 0x3A, n - 3 - from) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[i + 1] == 0x2F, p[i + 2] == 0x2F { return true }
            from = i + 1
        }
        from = 3
        while from < n, let hit = memchr(base + from, 0x2E, n - from) {
            let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[j - 3] | 0x20 == 0x77, p[j - 2] | 0x20 == 0x77, p[j - 1] | 0x20 == 0x77 { return true }
            from = j + 1
        }
        return false
    }

    // MARK: words

    /// Scans a word (letters with inner hyphens) starting at `i`; returns its end.
    mutating func word(from start: Int) -> Int {
        var i = start
        var capitalised = true
        var hyphenated = false
        var partStart = true
        var partHasLower = false
        while i < n {
            // ASCII letters, most of every word, decided on the byte (same outcome as the general path below).
            let b = p[i]
            if b &- 0x61 < 26 {
                if partStart { capitalised = false } else { partHasLower = true }
                partStart = false
                i += 1
                continue
            }
            if b &- 0x41 < 26 { partStart = false; i += 1; continue }
            let (c, len) = scalar(i)
            let cls = Scanner.letterClass(c)
            if cls != 0 && !(cls == 4 && partStart) {
                if partStart { if cls != 2 { capitalised = false } } else if cls == 1 { partHasLower = true }
                partStart = false
                i += len
                continue
            }
            if c == 0x2D, i + 1 < n, !partStart {
                let (c2, _) = scalar(i + 1)
                if Scanner.letterClass(c2) != 0 {
                    if !partHasLower { capitalised = false }
                    hyphenated = true
                    partStart = true
                    partHasLower = false
                    i += 1
                    continue
                }
            }
            break
        }
        if !partHasLower { capitalised = false }
        words.append(Word(start: start, end: i, capitalised: capitalised, hyphenated: hyphenated))
        return i
    }

    // MARK: e-mail

    /// Length of the e-mail character at `i` (ASCII local-part character or any letter), or 0.
    private func emailChar(_ i: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return Scanner.isEmailLocal(b) ? 1 : 0 }
        let (c, len) = scalar(i)
        return Scanner.letterClass(c) != 0 ? len : 0
    }

    private func isEmailCharBefore(_ i: Int) -> Bool {
        var s = i - 1
        while s > 0, p[s] & 0xC0 == 0x80 { s -= 1 }
        return emailChar(s) > 0
    }

    func emailEnd(from start: Int) -> Int? {
        var i = start
        while i < n {
            let len = emailChar(i)
            if len == 0 { break }
            i += len
        }
        guard i < n, p[i] == 0x40, i > start, p[start] != 0x2E, p[i - 1] != 0x2E else { return nil }
        var j = i + 1
        var lastDot = -1
        var labelLen = 0
        while j < n {
            let b = p[j]
            if b == 0x2E {
                if labelLen > 0, j + 1 < n, emailChar(j + 1) > 0, p[j + 1] != 0x2E { lastDot = j; labelLen = 0; j += 1; continue }
                break
            }
            let len = b == 0x2D ? 1 : emailChar(j)
            if len == 0 || (b < 0x80 && !(Scanner.isASCIIAlnum(b) || b == 0x2D)) { break }
            labelLen += 1
            j += len
        }
        guard lastDot > i + 1 else { return nil }
        // The top-level label must be letters only, at least two.
        var tld = 0
        for k in (lastDot + 1)..<j {
            guard Scanner.isASCIILetter(p[k]) else { return nil }
            tld += 1
        }
        return tld >= 2 ? j : nil
    }

    // MARK: URLs

    func urlEnd(from start: Int) -> Int? {
        func matches(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard start + u.count <= n else { return false }
            for k in 0..<u.count where p[start + k] | 0x20 != u[k] { return false }
            return true
        }
        var i: Int
        if matches("https://") { i = start + 8 } else if matches("http://") { i = start + 7 } else if matches("www.") { i = start + 4 } else { return nil }
        guard i < n, Scanner.isASCIIAlnum(p[i]) else { return nil }
        while i < n {
            let b = p[i]
            if b <= 0x20 || b == 0x22 || b == 0x3C || b == 0x3E { break }
            if b == 0xC2, i + 1 < n, p[i + 1] == 0xAB || p[i + 1] == 0xBB || p[i + 1] == 0xA0 { break }
            i += 1
        }
        while i > start, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x27].contains(p[i - 1]) { i -= 1 }
        return i
    }

    static let identifierParameters: [String] = [
        "fnr", "fodselsnummer", "foedselsnummer", "fødselsnummer", "personnummer", "personident", "ident", "pid",
        "aktoerid", "aktorid", "aktørid", "dnr", "ssn", "epost", "e-post", "email", "mail", "tlf", "telefon", "phone",
        "mobil", "navn", "name", "brukernavn",
    ]

    func urlCarriesIdentifier(_ start: Int, _ end: Int) -> Bool {
        let lower = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self).lowercased()
        if lower.contains("@") { return true }
        for name in Scanner.identifierParameters where lower.contains("?\(name)=") || lower.contains("&\(name)=") || lower.contains(";\(name)=") {
            return true
        }
        // Digit runs: a valid fødselsnummer, or a 13-digit aktør-id.
        var i = start
        while i < end {
            guard Scanner.isDigit(p[i]) else { i += 1; continue }
            var j = i
            while j < end, Scanner.isDigit(p[j]) { j += 1 }
            if j - i == 13 { return true }
            if j - i == 11 {
                let d = (i..<j).map { Int(p[$0] &- 0x30) }
                if Identifiers.isFodselsnummer(d) { return true }
            }
            i = j
        }
        return false
    }

    // MARK: digit runs

    /// Scans a run of digit groups from `start` and records an identifier span if one matches.
    mutating func digitRun(from start: Int) -> Int {
        // Inside a word or a decimal number («R0456», «3,5»): skip the digits.
        if start > 0 {
            let prev = p[start - 1]
            let inWord = Scanner.isASCIILetter(prev) || prev == 0x5F || prev >= 0x80 && isLetterBefore(start)
            let inNumber = (prev == 0x2C || prev == 0x2E) && start > 1 && Scanner.isDigit(p[start - 2])
            if inWord || inNumber {
                var i = start
                while i < n, Scanner.isDigit(p[i]) { i += 1 }
                return i
            }
        }
        let plus = p[start] == 0x2B
        if !plus {
            // A lone group of under 8 digits («2019», «14», «3») is no identifier: every kind needs 8 digits or more.
            var j = start
            while j < n, Scanner.isDigit(p[j]) { j += 1 }
            if j - start < 8 && groupSeparator(at: j) == nil { return j }
        }
        var i = plus ? start + 1 : start
        var groups: [(Int, Int)] = []
        var seps: [UInt8] = []
        var spanStart = start  // «(+47) 22 33 44 55» starts at the parenthesis
        while true {
            let g = i
            while i < n, Scanner.isDigit(p[i]) { i += 1 }
            groups.append((g, i))
            guard groups.count < 12, i < n else { break }
            let b = p[i]
            if let (sep, length) = groupSeparator(at: i) { seps.append(sep); i += length; continue }
            if plus, groups.count == 1, b == 0x29, i + 2 < n, p[i + 1] == 0x20, Scanner.isDigit(p[i + 2]),
               start > 0, p[start - 1] == 0x28 {
                seps.append(0x20); i += 2; spanStart = start - 1; continue
            }
            break
        }
        let end = i
        let trailingOK = end >= n || !(Scanner.isASCIILetter(p[end]) || (p[end] >= 0x80 && isLetterAt(end)))
        var k = groups.count
        while k > 0 {
            // A shorter prefix only when a plain space follows it («ring 22 33 44 55 2 ganger»).
            let full = k == groups.count
            if full ? trailingOK : seps[k - 1] == 0x20 {
                if let kind = classify(groups: Array(groups[0..<k]), seps: Array(seps[0..<(k - 1)]), plus: plus) {
                    spans.append(RedactionSpan(kind: kind, start: k > 1 ? spanStart : start, end: groups[k - 1].1))
                    return full ? end : groups[k - 1].1
                }
            }
            k -= 1
        }
        return end
    }

    /// The separator between two digit groups at `i` (a space or no-break space, recorded as a space; a dot; a
    /// hyphen) and its length in bytes, when a digit follows it.
    private func groupSeparator(at i: Int) -> (UInt8, Int)? {
        guard i < n else { return nil }
        let b = p[i]
        if b == 0x20 || b == 0x2E || b == 0x2D, i + 1 < n, Scanner.isDigit(p[i + 1]) { return (b, 1) }
        if b == 0xC2, i + 2 < n, p[i + 1] == 0xA0, Scanner.isDigit(p[i + 2]) { return (0x20, 2) }
        return nil
    }

    private func isLetterAt(_ i: Int) -> Bool { Scanner.letterClass(scalar(i).0) != 0 }

    private func isLetterBefore(_ i: Int) -> Bool {
        var s = i - 1
        while s > 0, p[s] & 0xC0 == 0x80 { s -= 1 }
        return isLetterAt(s)
    }

    private func classify(groups: [(Int, Int)], seps: [UInt8], plus: Bool) -> RedactionKind? {
        let lens = groups.map { $0.1 - $0.0 }
        var d: [Int] = []
        d.reserveCapacity(16)
        for (a, b) in groups { for k in a..<b { d.append(Int(p[k] &- 0x30)) } }
        let spaced = seps.allSatisfy { $0 == 0x20 }
        if !plus {
            if d.count == 11, lens == [11] || (lens == [6, 5] && spaced) {
                if Identifiers.isFodselsnummer(d) { return .fnr }
            }
            if d.count == 11, lens == [11] || (lens == [4, 2, 5] && seps[0] == seps[1] && (seps[0] == 0x20 || seps[0] == 0x2E)) {
                if Identifiers.isAccountNumber(d), !kroneContext(groups[0].0, groups[groups.count - 1].1) { return .konto }
            }
        }
        // Phone numbers: optional country code, then 8 digits grouped as 8, 2-2-2-2 or 3-2-3.
        var national: ArraySlice<Int>
        var nationalLens: [Int]
        var nationalSeps: ArraySlice<UInt8>
        var prefixed = false
        if plus {
            guard d.count >= 2, d[0] == 4, d[1] == 7 else { return nil }
            prefixed = true
            if lens[0] == 2 { nationalLens = Array(lens.dropFirst()); nationalSeps = seps.dropFirst() } else if lens[0] == 10 && lens.count == 1 { nationalLens = [8]; nationalSeps = [] } else { return nil }
            national = d[2...]
        } else if d.count >= 4, d[0] == 0, d[1] == 0, d[2] == 4, d[3] == 7, lens[0] == 4 || (lens[0] == 12 && lens.count == 1) {
            prefixed = true
            if lens[0] == 4 { nationalLens = Array(lens.dropFirst()); nationalSeps = seps.dropFirst() } else { nationalLens = [8]; nationalSeps = [] }
            national = d[4...]
        } else {
            national = d[...]
            nationalLens = lens
            nationalSeps = seps[...]
        }
        guard national.count == 8, let first = national.first, first >= 2 else { return nil }
        // Groups are separated by spaces, or all by hyphens («922-33-445»), never by dots (times, dates).
        let hyphens = !nationalSeps.isEmpty && nationalSeps.allSatisfy { $0 == 0x2D }
        guard nationalSeps.allSatisfy({ $0 == 0x20 }) || hyphens else { return nil }
        let shapes: [[Int]] = [[8], [2, 2, 2, 2], [3, 2, 3]]
        if !prefixed {
            // 4 + 4 («9223 3445») only after a phone word: «2019 2020» is two years.
            guard shapes.contains(nationalLens) || (nationalLens == [4, 4] && !hyphens && phoneCueBefore(groups[0].0)) else { return nil }
            if nationalLens == [8] {
                if Identifiers.isDate(ddmmyyyy: Array(national)) { return nil }
                if kroneContext(groups[0].0, groups[groups.count - 1].1) { return nil }
            }
        }
        return .tlf
    }

    static let phoneCues: Set<String> = ["tlf", "telefon", "telefonnummer", "mobil", "mobilnummer", "mob", "nummer",
                                         "nr", "tlfnr", "ring", "ringe", "sms", "direkte", "direktenummer", "mobilen", "telefonen"]

    /// True when a phone word stands just before `start` («tlf. 9223 3445», «mobil: …»).
    private func phoneCueBefore(_ start: Int) -> Bool {
        var i = start
        while i > 0, p[i - 1] == 0x20 || p[i - 1] == 0x3A || p[i - 1] == 0x2E { i -= 1 }
        var w = i
        while w > 0, Scanner.isASCIILetter(p[w - 1]) { w -= 1 }
        guard w < i else { return false }
        return Scanner.phoneCues.contains(String(decoding: UnsafeBufferPointer(rebasing: p[w..<i]), as: UTF8.self).lowercased())
    }

    /// True when an amount marker stands right before or after the number («kr 12345678», «12345678 kroner», «12345678,-»).
    private func kroneContext(_ start: Int, _ end: Int) -> Bool {
        // Before: «kr», «kr.», «nok» with at most one space.
        var i = start
        if i > 0, p[i - 1] == 0x20 { i -= 1 }
        if i > 0, p[i - 1] == 0x2E { i -= 1 }
        var w = i
        while w > 0, Scanner.isASCIILetter(p[w - 1]) { w -= 1 }
        let before = String(decoding: UnsafeBufferPointer(rebasing: p[w..<i]), as: UTF8.self).lowercased()
        if before == "kr" || before == "nok" { return true }
        // After.
        var j = end
        if j + 1 < n, p[j] == 0x2C || p[j] == 0x2E, p[j + 1] == 0x2D { return true }
        if j < n, p[j] == 0x20 { j += 1 }
        var e = j
        while e < n, Scanner.isASCIILetter(p[e]) { e += 1 }
        let after = String(decoding: UnsafeBufferPointer(rebasing: p[j..<e]), as: UTF8.self).lowercased()
        return after == "kr" || after == "kroner" || after == "nok" || after == "kronar"
    }
}

/// Check-digit and date validation for Norwegian identification and account numbers.
public enum Identifiers {
    /// True for a fødselsnummer, D-nummer (day + 40), H-nummer (month + 40) or synthetic test
    /// number (month + 80) whose date is real and whose two mod-11 check digits are valid.
    public static func isFodselsnummer(_ d: [Int]) -> Bool {
        guard d.count == 11 else { return false }
        var day = d[0] * 10 + d[1]
        var month = d[2] * 10 + d[3]
        let yy = d[4] * 10 + d[5]
        if day > 40 { day -= 40 }
        if month > 80 { month -= 80 } else if month > 40 { month -= 40 }
        guard (1...12).contains(month), day >= 1 else { return false }
        let individual = d[6] * 100 + d[7] * 10 + d[8]
        var year: Int?
        switch individual {
        case 0...499: year = 1900 + yy
        case 500...749 where yy >= 54: year = 1800 + yy
        case 500...999 where yy <= 39: year = 2000 + yy
        case 900...999 where yy >= 40: year = 1900 + yy
        default: year = nil
        }
        guard day <= daysIn(month: month, year: year) else { return false }
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
        let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        var s1 = 0
        for k in 0..<9 { s1 += d[k] * w1[k] }
        var k1 = 11 - s1 % 11
        if k1 == 11 { k1 = 0 }
        guard k1 != 10, k1 == d[9] else { return false }
        var s2 = 0
        for k in 0..<10 { s2 += d[k] * w2[k] }
        var k2 = 11 - s2 % 11
        if k2 == 11 { k2 = 0 }
        return k2 != 10 && k2 == d[10]
    }

    /// True for an 11-digit Norwegian bank account number with a valid mod-11 check digit.
    public static func isAccountNumber(_ d: [Int]) -> Bool {
        guard d.count == 11, d.contains(where: { $0 != 0 }) else { return false }
        let w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        var s = 0
        for k in 0..<10 { s += d[k] * w[k] }
        let r = s % 11
        let check = r == 0 ? 0 : 11 - r
        return check != 10 && check == d[10]
    }

    /// True when 8 digits read as a plausible date ddmmyyyy (years 1900–2099).
    public static func isDate(ddmmyyyy d: [Int]) -> Bool {
        guard d.count == 8 else { return false }
        let day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        let year = d[4] * 1000 + d[5] * 100 + d[6] * 10 + d[7]
        guard (1900...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
