import CHunspell

/// A thin, non-thread-safe wrapper over one Hunspell handle that speaks UTF-8 `String`s.
///
/// The Norwegian dictionaries declare `SET ISO8859-1`, so every word is converted to Latin-1
/// before the call and every result is decoded from Latin-1. Words with characters outside
/// Latin-1 cannot be in such a dictionary and are treated as unknown.
final class HunspellDictionary {
    private let handle: OpaquePointer

    /// Opens `<directory>/<name>.aff` and `.dic`; throws when either file is missing.
    init(directory: String, name: String) throws(MorphologyError) {
        let aff = directory + "/" + name + ".aff"
        let dic = directory + "/" + name + ".dic"
        for path in [aff, dic] where !fileExists(path) {
            throw MorphologyError.missingDictionary(path: path)
        }
        guard let h = Hunspell_create(aff, dic) else {
            throw MorphologyError.cannotOpenDictionary(path: dic)
        }
        handle = h
    }

    deinit { Hunspell_destroy(handle) }

    /// True when the dictionary accepts `word` (including its own compounding rules).
    func spell(_ word: String) -> Bool {
        guard let bytes = Latin1.encode(word) else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                Hunspell_spell(handle, $0) != 0
            }
        }
    }

    /// `Hunspell_analyze` results (morphological descriptions such as " st:vurdere fl:Y").
    func analyses(_ word: String) -> [String] {
        list(word) { h, out, w in Hunspell_analyze(h, out, w) }
    }

    /// Calls a list-returning Hunspell function and frees its list.
    private func list(
        _ word: String,
        _ call: (OpaquePointer, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, UnsafePointer<CChar>) -> Int32
    ) -> [String] {
        guard let bytes = Latin1.encode(word) else { return [] }
        var out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let n = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                call(handle, &out, $0)
            }
        }
        guard n > 0, let list = out else {
            if out != nil { Hunspell_free_list(handle, &out, n) }
            return []
        }
        var result: [String] = []
        result.reserveCapacity(Int(n))
        for i in 0..<Int(n) {
            if let p = list[i] { result.append(Latin1.decode(p)) }
        }
        Hunspell_free_list(handle, &out, n)
        return result
    }
}

/// ISO-8859-1 <-> Swift `String` conversion without Foundation.
enum Latin1 {
    /// NUL-terminated Latin-1 bytes, or nil when a character lies outside Latin-1.
    static func encode(_ s: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 1)
        for scalar in s.unicodeScalars {
            guard scalar.value < 256, scalar.value != 0 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        bytes.append(0)
        return bytes
    }

    /// Decodes a NUL-terminated Latin-1 C string.
    static func decode(_ p: UnsafePointer<CChar>) -> String {
        var s = String.UnicodeScalarView()
        var q = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)
        while q.pointee != 0 {
            s.append(Unicode.Scalar(q.pointee))
            q += 1
        }
        return String(s)
    }
}
