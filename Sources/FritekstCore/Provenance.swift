import Foundation

/// Where an output came from: tool version, input and codebook hashes, options and time.
public struct Provenance: Sendable, Codable, Equatable {
    /// Fritekst version string.
    public static let toolVersion = "0.1.0"

    public var tool: String = "fritekst \(Provenance.toolVersion)"
    public var inputs: [FileDigest]
    public var codebook: FileDigest?
    public var options: [String: String]
    public var createdAt: String?

    /// A file path with its content hash.
    public struct FileDigest: Sendable, Codable, Equatable {
        public var path: String
        public var fnv1a64: String
        /// The format the file was read as (csv, xlsx, sav, …), when it is an input.
        public var format: String?
        /// Creates a digest record.
        public init(path: String, fnv1a64: String, format: String? = nil) { self.path = path; self.fnv1a64 = fnv1a64; self.format = format }
    }

    /// Creates provenance; `reproducible` leaves out the time.
    public init(inputs: [FileDigest], codebook: FileDigest?, options: [String: String], reproducible: Bool = false) {
        self.inputs = inputs
        self.codebook = codebook
        self.options = options
        self.createdAt = reproducible ? nil : ISO8601DateFormatter().string(from: Date())
    }

    /// FNV-1a 64-bit hash of bytes, as 16 hex digits.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
        var h = FNV1a64()
        for b in bytes { h.feed(b) }
        return h.hex
    }

    /// Digest of a file on disk (nil when unreadable).
    public static func digest(ofFile path: String) -> FileDigest? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        var hash = FNV1a64()
        // A megabyte at a time: a large input is hashed without being held in memory.
        while let chunk = try? h.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hash.feed($0) }
        }
        return FileDigest(path: path, fnv1a64: hash.hex)
    }
}

/// The FNV-1a 64-bit hash, fed incrementally.
public struct FNV1a64: Sendable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates the hash of nothing.
    public init() {}

    /// Adds one byte.
    @inline(__always)
    public mutating func feed(_ b: UInt8) {
        value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3
    }

    /// Adds bytes.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        value = h
    }

    /// Adds the UTF-8 bytes of a string and a separator byte (so that "ab","c" and "a","bc" differ).
    public mutating func feed(_ s: String) {
        var s = s
        s.withUTF8 { feed(UnsafeRawBufferPointer($0)) }
        feed(0xFF)
    }

    /// The hash as 16 hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
