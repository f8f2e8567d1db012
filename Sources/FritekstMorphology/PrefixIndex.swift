/// A sorted list of words (UTF-8) answering "does any word start with this prefix?".
///
/// The compound splitter uses it to stop extending a candidate part as soon as no dictionary
/// word can start that way, and the suggester to discard edits that lead nowhere before
/// asking Hunspell. Building it is cheap: the `.dic` files are already almost sorted.
struct PrefixIndex {
    /// All words, concatenated.
    private var blob: [UInt8] = []
    /// (offset << 8 | length) of each word in `blob`, sorted by the word's bytes.
    private var items: [UInt64] = []
    /// For each first byte, the range of `items` starting with it (a first search level).
    private var firstByte: [Range<Int>] = []
    /// For each first two bytes (b0 << 8 | b1), the range of `items` of length >= 2 starting
    /// with them (a second level: later searches run in small, cache-friendly ranges).
    private var firstTwo: [Range<Int>] = []

    /// Collects words as UTF-8 bytes before the index is sorted.
    struct Builder {
        /// All words, concatenated.
        var blob: [UInt8] = []
        /// (offset << 8 | length) of each word.
        var items: [UInt64] = []

        /// Records the bytes appended to `blob` since `start` as one word (empty: ignored).
        mutating func commit(from start: Int) {
            let len = blob.count - start
            if len == 0 { return }
            if len > 255 { blob.removeSubrange(start...); return }
            items.append(UInt64(start) << 8 | UInt64(len))
        }

        /// Adds one word.
        mutating func add(_ w: String) {
            let start = blob.count
            blob.append(contentsOf: w.utf8)
            commit(from: start)
        }
    }

    /// Builds the index from any number of words (duplicates are kept once).
    init<S: Sequence>(words: S) where S.Element == String {
        var b = Builder()
        for w in words { b.add(w) }
        self.init(b)
    }

    /// Sorts the collected words into an index.
    init(_ builder: Builder) {
        blob = builder.blob
        // Sorted by the first eight bytes packed big-endian (zero-padded, so a shorter word
        // sorts before its continuations), the full bytes only for equal keys: most comparisons
        // are one integer compare, which matters for input that is not almost sorted.
        var keyed: [(key: UInt64, item: UInt64)] = []
        keyed.reserveCapacity(builder.items.count)
        blob.withUnsafeBufferPointer { b in
            for x in builder.items {
                let start = Int(x >> 8), len = Int(x & 0xFF)
                var k: UInt64 = 0
                for i in 0..<8 { k = k << 8 | (i < len ? UInt64(b[start + i]) : 0) }
                keyed.append((k, x))
            }
            keyed.sort { x, y in
                if x.key != y.key { return x.key < y.key }
                return PrefixIndex.compare(b, x.item, UnsafeBufferPointer(rebasing: b[Int(y.item >> 8)..<Int(y.item >> 8) + Int(y.item & 0xFF)])) < 0
            }
        }
        // one item per distinct word (nb and nn share most entries), so counts count words
        items.reserveCapacity(keyed.count)
        blob.withUnsafeBufferPointer { b in
            for (i, x) in keyed.enumerated() {
                if i > 0, keyed[i - 1].key == x.key, PrefixIndex.compare(b, keyed[i - 1].item, UnsafeBufferPointer(rebasing:
                    b[Int(x.item >> 8)..<Int(x.item >> 8) + Int(x.item & 0xFF)])) == 0 { continue }
                items.append(x.item)
            }
        }
        firstByte = [Range<Int>](repeating: 0..<0, count: 256)
        var i = 0
        while i < items.count {
            let x = items[i]
            guard x & 0xFF > 0 else { i += 1; continue }
            let byte = blob[Int(x >> 8)]
            var j = i + 1
            while j < items.count, items[j] & 0xFF > 0, blob[Int(items[j] >> 8)] == byte { j += 1 }
            firstByte[Int(byte)] = i..<j
            i = j
        }
        firstTwo = [Range<Int>](repeating: 0..<0, count: 65536)
        i = 0
        while i < items.count {
            let x = items[i]
            guard x & 0xFF >= 2 else { i += 1; continue }
            let key = Int(blob[Int(x >> 8)]) << 8 | Int(blob[Int(x >> 8) + 1])
            var j = i + 1
            while j < items.count, items[j] & 0xFF >= 2,
                  Int(blob[Int(items[j] >> 8)]) << 8 | Int(blob[Int(items[j] >> 8) + 1]) == key { j += 1 }
            firstTwo[key] = i..<j
            i = j
        }
    }

    /// Lexicographic comparison of item `x` with the bytes `q`: -1, 0 or 1.
    private static func compare(_ b: UnsafeBufferPointer<UInt8>, _ x: UInt64, _ q: UnsafeBufferPointer<UInt8>) -> Int {
        let start = Int(x >> 8), len = Int(x & 0xFF)
        let n = min(len, q.count)
        var i = 0
        while i < n {
            let a = b[start + i], c = q[i]
            if a != c { return a < c ? -1 : 1 }
            i += 1
        }
        return len == q.count ? 0 : (len < q.count ? -1 : 1)
    }

    /// True when some word starts with the UTF-8 bytes `prefix` (always true for empty input).
    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        prefix.isEmpty || probe(prefix[...]).prefix
    }

    /// One binary search: does some word start with `q`, and is `q` itself a word?
    func probe(_ query: ArraySlice<UInt8>) -> (prefix: Bool, exact: Bool) {
        blob.withUnsafeBufferPointer { b in
            query.withUnsafeBufferPointer { q in
                var lo = 0, hi = items.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if PrefixIndex.compare(b, items[mid], q) < 0 { lo = mid + 1 } else { hi = mid }
                }
                guard lo < items.count else { return (false, false) }
                let x = items[lo]
                let start = Int(x >> 8), len = Int(x & 0xFF)
                guard len >= q.count else { return (false, false) }
                for i in 0..<q.count where b[start + i] != q[i] { return (false, false) }
                return (true, len == q.count)
            }
        }
    }

    /// A range of words sharing the bytes fed so far (see `advance`).
    struct Cursor {
        /// First word in the range.
        var lo: Int
        /// One past the last word in the range.
        var hi: Int
        /// Number of bytes fed.
        var depth: Int
        /// The bytes fed so far are themselves a word.
        var exact: Bool
        /// The bytes fed before the last byte were a word.
        var previousExact: Bool
        /// The first byte fed.
        var first: UInt8 = 0
    }

    /// A cursor over all words (nothing fed yet).
    func cursor() -> Cursor { Cursor(lo: 0, hi: items.count, depth: 0, exact: false, previousExact: false) }

    /// Narrows the cursor to the words continuing with `byte`; false when none does.
    /// Inside a range sharing `depth` bytes, words of exactly that length sort first, the
    /// others by their byte at `depth`, so two binary searches find the new range.
    @discardableResult
    func advance(_ c: inout Cursor, _ byte: UInt8) -> Bool {
        if c.depth == 0 {
            let r = firstByte[Int(byte)]
            c.previousExact = false
            c.lo = r.lowerBound
            c.hi = r.upperBound
            c.depth = 1
            c.first = byte
            c.exact = !r.isEmpty && items[r.lowerBound] & 0xFF == 1
            return !r.isEmpty
        }
        if c.depth == 1 {
            guard c.lo < c.hi else { return false }
            let r = firstTwo[Int(c.first) << 8 | Int(byte)]
            c.previousExact = c.exact
            c.lo = r.lowerBound
            c.hi = r.upperBound
            c.depth = 2
            c.exact = !r.isEmpty && items[r.lowerBound] & 0xFF == 2
            return !r.isEmpty
        }
        return blob.withUnsafeBufferPointer { b in
            let d = c.depth
            func key(_ i: Int) -> Int {          // -1 for words that end at depth d
                let x = items[i]
                return Int(x & 0xFF) > d ? Int(b[Int(x >> 8) + d]) : -1
            }
            var lo = c.lo, hi = c.hi
            while lo < hi { let m = (lo + hi) >> 1; if key(m) < Int(byte) { lo = m + 1 } else { hi = m } }
            let start = lo
            hi = c.hi
            while lo < hi { let m = (lo + hi) >> 1; if key(m) <= Int(byte) { lo = m + 1 } else { hi = m } }
            c.previousExact = c.exact
            c.lo = start
            c.hi = lo
            c.depth = d + 1
            c.exact = start < lo && Int(items[start] & 0xFF) == d + 1
            return start < lo
        }
    }

    /// Feeds the UTF-8 bytes of `s` to the cursor; false once no word continues this way.
    @discardableResult
    func advance(_ c: inout Cursor, scalar s: Unicode.Scalar) -> Bool {
        var ok = c.lo < c.hi
        let v = s.value
        if v < 0x80 {
            if ok { ok = advance(&c, UInt8(v)) }
        } else if v < 0x800 {
            if ok { ok = advance(&c, UInt8(0xC0 | (v >> 6))) }
            if ok { ok = advance(&c, UInt8(0x80 | (v & 0x3F))) }
        } else {
            var bytes: [UInt8] = []
            appendUTF8(s, to: &bytes)
            for byte in bytes where ok { ok = advance(&c, byte) }
        }
        if !ok { c.lo = c.hi; c.exact = false }
        return ok
    }

    /// True when some word in the cursor's range is at least `extra` bytes longer than the
    /// bytes fed (looks at no more than 200 words).
    func hasLongerWord(_ c: Cursor, extra: Int) -> Bool {
        var i = c.lo
        while i < c.hi && i < c.lo + 200 {
            if Int(items[i] & 0xFF) >= c.depth + extra { return true }
            i += 1
        }
        return false
    }

    /// Whether the bytes fed, or those bytes without a final linking s/e, are a word.
    func mayBePart(_ c: Cursor, last: Unicode.Scalar) -> Bool {
        c.exact || ((last == "s" || last == "e") && c.previousExact && c.depth > 1)
    }

    /// The same words grouped by their last two bytes, for questions about word endings.
    func endings() -> EndingIndex {
        var offsets = [Int32](repeating: 0, count: 65537)
        func bucket(_ x: UInt64) -> Int? {
            let start = Int(x >> 8), len = Int(x & 0xFF)
            return len < 2 ? nil : Int(blob[start + len - 2]) << 8 | Int(blob[start + len - 1])
        }
        for x in items { if let b = bucket(x) { offsets[b + 1] += 1 } }
        for b in 0..<65536 { offsets[b + 1] += offsets[b] }
        var next = offsets
        var grouped = [UInt64](repeating: 0, count: Int(offsets[65536]))
        for x in items {
            guard let b = bucket(x) else { continue }
            grouped[Int(next[b])] = x
            next[b] += 1
        }
        return EndingIndex(blob: blob, offsets: offsets, items: grouped)
    }

    /// `hasPrefix` for a String.
    func hasPrefix(_ prefix: String) -> Bool { hasPrefix(Array(prefix.utf8)) }

    /// `hasPrefix` for a run of scalars (walks a cursor, using the first-level tables).
    func hasPrefix(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var c = cursor()
        for s in scalars where !advance(&c, scalar: s) { return false }
        return true
    }
}

/// Appends the UTF-8 encoding of `s` to `bytes`.
@inline(__always)
func appendUTF8(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
    let v = s.value
    if v < 0x80 {
        bytes.append(UInt8(v))
    } else if v < 0x800 {
        bytes.append(UInt8(0xC0 | (v >> 6)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        bytes.append(UInt8(0xE0 | (v >> 12)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        bytes.append(UInt8(0xF0 | (v >> 18)))
        bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
    }
}

/// The words of a `PrefixIndex` grouped by their last two bytes (a counting sort, no string
/// comparisons): how many words end in a given word.
struct EndingIndex {
    /// All words, concatenated (shared with the prefix index).
    let blob: [UInt8]
    /// Words ending in the bytes (b0, b1) are `items[offsets[b0 << 8 | b1] ..< offsets[(b0 << 8 | b1) + 1]]`.
    let offsets: [Int32]
    /// (offset << 8 | length) of each word of two or more bytes, by bucket.
    let items: [UInt64]

    /// The number of words that end in `suffix` and are at least `extra` bytes longer, at most `limit`.
    func countWords(endingIn suffix: [UInt8], extra: Int, limit: Int) -> Int {
        guard suffix.count >= 2 else { return 0 }
        let b = Int(suffix[suffix.count - 2]) << 8 | Int(suffix[suffix.count - 1])
        var n = 0
        blob.withUnsafeBufferPointer { w in
            for x in items[Int(offsets[b])..<Int(offsets[b + 1])] where n < limit {
                let start = Int(x >> 8), len = Int(x & 0xFF)
                guard len >= suffix.count + extra else { continue }
                var i = 0
                while i < suffix.count - 2 && w[start + len - suffix.count + i] == suffix[i] { i += 1 }
                if i == suffix.count - 2 { n += 1 }
            }
        }
        return n
    }
}
