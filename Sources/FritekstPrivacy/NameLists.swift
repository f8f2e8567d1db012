import Foundation
import FritekstCore

/// The name lists the redactor looks capitalised words up in, plus user-supplied names.
public struct NameLists: Sendable {
    /// Lower-cased given names.
    public var given: Set<String>
    /// Lower-cased surnames.
    public var surnames: Set<String>
    /// Lower-cased names that are also words or places (redacted only next to another name or a cue).
    public var ambiguous: Set<String>
    /// User names as lower-cased word sequences (one entry per line of a `--names` file).
    public var user: [[String]]

    /// Creates lists from words in any case.
    public init(given: [String], surnames: [String], ambiguous: [String], user: [[String]] = []) {
        self.given = Set(given.map(NameLists.key))
        self.surnames = Set(surnames.map(NameLists.key))
        self.ambiguous = Set(ambiguous.map(NameLists.key))
        self.user = user
    }

    /// The lists shipped with Fritekst (Lexicons/names), no user names.
    public static let shipped = NameLists(given: ShippedNames.given, surnames: ShippedNames.surnames,
                                          ambiguous: ShippedNames.ambiguous)

    /// No names at all (only the pattern detectors run).
    public static let none = NameLists(given: [], surnames: [], ambiguous: [])

    /// Lower-cased lookup key of a word (Unicode lower case).
    public static func key(_ word: String) -> String { word.lowercased() }

    /// Adds user names, one per line of UTF-8 text; blank lines and `#` comments are ignored.
    public mutating func addUserNames(_ text: String) {
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = Redactor.words(of: line)
            if words.isEmpty { continue }
            user.append(words)
            if words.count > 1 { user.append([words.joined(separator: "-")]) }
        }
    }

    /// Adds the user names in the UTF-8 file at `path`; a missing or non-UTF-8 file is an input error.
    public mutating func addUserNames(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.input, FileManager.default.fileExists(atPath: path) ? "cannot read names file" : "no such names file",
                                file: path)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FritekstError(.input, "names file is not valid UTF-8", file: path)
        }
        addUserNames(text)
    }
}
