import CStemmer

/// A non-thread-safe wrapper over one Snowball `norwegian` stemmer (UTF-8).
final class SnowballStemmer {
    private let handle: OpaquePointer

    /// Creates the Snowball stemmer for `algorithm`; throws when libstemmer does not know it.
    init(algorithm: String = "norwegian") throws(MorphologyError) {
        guard let h = sb_stemmer_new(algorithm, "UTF_8") else {
            throw MorphologyError.stemmerUnavailable(algorithm: algorithm)
        }
        handle = h
    }

    deinit { sb_stemmer_delete(handle) }

    /// The Snowball stem of `word` (pass it lower-cased: Snowball does not fold case).
    func stem(_ word: String) -> String {
        var w = word
        return w.withUTF8 { buf -> String in
            guard let base = buf.baseAddress, buf.count > 0 else { return "" }
            guard let out = sb_stemmer_stem(handle, base, Int32(buf.count)) else { return word }
            let n = Int(sb_stemmer_length(handle))
            // The buffer belongs to the stemmer: copy it before the next call.
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
    }
}
