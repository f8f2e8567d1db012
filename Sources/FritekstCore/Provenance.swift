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
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Digest of a file on disk (nil when unreadable).
    public static func digest(ofFile path: String) -> FileDigest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return FileDigest(path: path, fnv1a64: data.withUnsafeBytes { fnv1a64($0) })
    }
}
