import Foundation
import FritekstCore
import FritekstIngest
import FritekstText

/// Foreign dictionary formats that `DictionaryImporter` reads.
public enum DictionaryFormat: String, Sendable, CaseIterable {
    /// LIWC: `.dic` (a `%` category header, then `word<TAB>categories`) or LIWC-22 `.dicx` (CSV with X marks).
    case liwc
    /// WordStat `.cat`: categories and indented entries with weights in parentheses.
    case wordstat
    /// quanteda-style YAML dictionary (categories mapping to lists of globs, nesting allowed).
    case quanteda

    /// The format a file name suggests (`.dic`/`.dicx` LIWC, `.cat` WordStat, `.yaml`/`.yml` quanteda).
    public static func guess(path: String) -> DictionaryFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "dic", "dicx": return .liwc
        case "cat": return .wordstat
        case "yaml", "yml": return .quanteda
        default: return nil
        }
    }
}

/// A codebook imported from a foreign dictionary, with notes about what had to be adapted.
public struct ImportedDictionary: Sendable {
    /// The codebook (Fritekst format; entries located in the source dictionary).
    public var codebook: Codebook
    /// Remarks for the user (encoding guessed, conditional LIWC categories, skipped rules, …).
    public var notes: [String]

    /// Creates an import result.
    public init(codebook: Codebook, notes: [String] = []) {
        self.codebook = codebook
        self.notes = notes
    }
}

/// Reads LIWC, WordStat and quanteda dictionaries into the codebook model.
///
/// Wildcards (`*`, WordStat `?`) become `glob` entries, multi-word terms become `phrase` entries
/// (every element a glob), plain terms become `word` entries; weights are kept and nested
/// categories become child themes (`parent`). Every parse error is a `FritekstError` of kind
/// `.codebook` naming the file, the line and the 1-based character column.
public enum DictionaryImporter {
    /// Imports the dictionary at `path`; `format` nil guesses it from the file name.
    public static func importFile(path: String, format: DictionaryFormat? = nil) throws -> ImportedDictionary {
        guard let format = format ?? DictionaryFormat.guess(path: path) else {
            throw FritekstError(.usage, "cannot tell the dictionary format from the file name; give --from liwc|wordstat|quanteda",
                                file: path)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw FritekstError(.codebook, "no such dictionary file", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.codebook, "cannot read dictionary file", file: path)
        }
        let (text, notes) = try decode(data, file: path)
        var result: ImportedDictionary
        switch format {
        case .liwc:
            result = isDICX(path: path, text: text) ? try importLIWCX(text: text, file: path) : try importLIWC(text: text, file: path)
        case .wordstat:
            result = try importWordStat(text: text, file: path)
        case .quanteda:
            result = try importQuanteda(text: text, file: path)
        }
        result.notes = notes + result.notes
        return result
    }

    /// Decodes dictionary bytes (UTF-8/UTF-16 with or without BOM, else Windows-1252) to text.
    public static func decode(_ data: Data, file: String) throws -> (text: String, notes: [String]) {
        if data.isEmpty { throw FritekstError(.codebook, "dictionary file is empty", file: file) }
        do {
            let decoded = try TextDecoder.decode(data, file: file)
            return (String(decoding: decoded.bytes, as: UTF8.self), decoded.warnings)
        } catch let e as FritekstError {
            throw FritekstError(.codebook, e.message, file: e.file ?? file, line: e.line, position: e.position)
        }
    }

    /// True when the file is a LIWC-22 `.dicx` (by extension, or a first cell `DicTerm`).
    static func isDICX(path: String, text: String) -> Bool {
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "dicx" { return true }
        let first = text.prefix(while: { !$0.isNewline }).trimmingCharacters(in: .whitespaces)
        return first.lowercased().hasPrefix("dicterm") || first.lowercased().hasPrefix("\"dicterm\"")
    }

    // MARK: quanteda

    /// Imports a quanteda-style YAML dictionary; nested categories keep their dotted ids and get parent themes.
    public static func importQuanteda(text: String, file: String) throws -> ImportedDictionary {
        let loaded = try CodebookLoader.load(yaml: text, file: file)
        guard loaded.format == .quanteda else {
            throw FritekstError(.codebook, "this is already a Fritekst codebook (it has `themes:`), not a quanteda dictionary",
                                file: file, line: 1, position: 1)
        }
        var themes: [Theme] = []
        var ids = Set(loaded.themes.map(\.id))
        for var theme in loaded.themes {
            let path = theme.id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if path.count > 1 {
                // Ancestors a, a.b of a.b.c become entry-less parent themes, placed before their first child.
                for depth in 1..<path.count {
                    let id = path[0..<depth].joined(separator: ".")
                    if ids.insert(id).inserted {
                        themes.append(Theme(id: id, label: path[depth - 1],
                                            parent: depth > 1 ? path[0..<(depth - 1)].joined(separator: ".") : nil,
                                            location: theme.location))
                    }
                }
                theme.parent = path.dropLast().joined(separator: ".")
                theme.label = path[path.count - 1]
            }
            themes.append(theme)
        }
        let codebook = Codebook(name: loaded.name, version: loaded.version, format: .fritekst, themes: themes, file: file)
        return ImportedDictionary(codebook: codebook)
    }

    // MARK: shared helpers

    /// One line of a dictionary file: its 1-based number and its text without the line break.
    struct Line {
        var number: Int
        var text: Substring
    }

    /// Splits text into lines on LF, CRLF or CR, dropping a leading BOM.
    static func lines(_ text: String) -> [Line] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .enumerated().map { Line(number: $0.offset + 1, text: $0.element) }
    }

    /// Whitespace-separated fields of a line with their 1-based character columns.
    static func fields(_ s: Substring, separators: (Character) -> Bool = { $0 == " " || $0 == "\t" }) -> [(text: Substring, column: Int)] {
        var out: [(Substring, Int)] = []
        var column = 1
        var start: Substring.Index?
        var startColumn = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if separators(c) {
                if let st = start { out.append((s[st..<i], startColumn)); start = nil }
            } else if start == nil {
                start = i; startColumn = column
            }
            column += 1
            i = s.index(after: i)
        }
        if let st = start { out.append((s[st..<s.endIndex], startColumn)) }
        return out
    }

    /// 1-based character column of `index` in `line`.
    static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.distance(from: line.startIndex, to: index) + 1
    }

    /// The entry pattern for a dictionary term: words split on spaces (and `_` when `underscores`),
    /// NFC-normalised and lower-cased; a wildcard (`*`, and `?` when `questionMark`) makes a glob, several words a phrase of globs.
    static func pattern(term: String, underscores: Bool, questionMark: Bool,
                        fail: (String) -> FritekstError) throws -> EntryPattern {
        let words = term.split(whereSeparator: { $0.isWhitespace || (underscores && $0 == "_") }).map { Normalizer.lowercase(Normalizer.nfc(String($0))) }
        if words.isEmpty { throw fail("empty term") }
        if words.count == 1 {
            let w = words[0]
            if w.contains("*") || (questionMark && w.contains("?")) { return .token(.glob(w)) }
            return .token(.word(w))
        }
        if let gap = words.first(where: { $0.hasPrefix("~") }) {
            throw fail("phrase element '\(gap)' starts with '~', which Fritekst reads as a gap")
        }
        return .phrase(words.map { .glob($0) }, gaps: Array(repeating: 0, count: words.count - 1))
    }

    /// A theme id for a category name: lower-cased, spaces as `_`.
    static func themeID(_ name: String) -> String {
        Normalizer.lowercase(name.trimmingCharacters(in: .whitespaces))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: "_")
    }

    /// The codebook name for a dictionary file: its base name.
    static func codebookName(_ file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
