import Foundation
import FritekstCore
import FritekstText

extension DictionaryImporter {
    /// Columns a tab advances the indentation to (the next multiple of this).
    static let wordStatTabWidth = 4

    /// Imports a WordStat `.cat`: category lines (upper case, no weight) and, indented under them,
    /// entries `TERM (weight)`; deeper-indented category lines are subcategories (child themes).
    /// `@` marks a phrase, whose words are separated by `_` or spaces (`_` separates words everywhere).
    public static func importWordStat(text: String, file: String) throws -> ImportedDictionary {
        func fail(_ msg: String, _ line: Int, _ column: Int) -> FritekstError {
            FritekstError(.codebook, msg, file: file, line: line, position: column)
        }
        /// An open category: its indentation, its theme index and the indentation its lines use.
        struct Frame { var indent: Int; var theme: Int; var childIndent: Int?; var childLine: Int }
        var stack: [Frame] = []
        var themes: [Theme] = []
        var ids: [String: Int] = [:]
        var notes: [String] = []
        var topIndent: Int?
        for line in lines(text) {
            let text = line.text
            guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
            var indent = 0
            for c in text[..<first] { indent = c == "\t" ? (indent / wordStatTabWidth + 1) * wordStatTabWidth : indent + 1 }
            let content = text[first...].trimmingCharacters(in: .whitespaces)
            let col = column(of: first, in: text)
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            // Every line under a category must use the same indentation as its siblings.
            if !stack.isEmpty {
                let top = stack.count - 1
                if let expected = stack[top].childIndent {
                    if expected != indent {
                        throw fail("indentation (\(indent) columns) does not line up with the other lines of category '\(themes[stack[top].theme].label)' (\(expected) columns, line \(stack[top].childLine))",
                                   line.number, col)
                    }
                } else {
                    stack[top].childIndent = indent
                    stack[top].childLine = line.number
                }
            } else if let topIndent, topIndent != indent {
                throw fail("indentation (\(indent) columns) does not line up with any enclosing category (top-level categories use \(topIndent))",
                           line.number, col)
            }

            if let weightText = trailingParenthesis(content) {
                // An entry: TERM (weight).
                guard let parent = stack.last else {
                    throw fail("entry '\(content)' is not indented under a category", line.number, col)
                }
                let rawWeight = weightText.inner.trimmingCharacters(in: .whitespaces)
                guard let weight = Double(rawWeight.replacingOccurrences(of: ",", with: ".")), weight.isFinite else {
                    throw fail("weight '(\(weightText.inner))' is not a number", line.number, col + weightText.offset)
                }
                var term = String(content[..<content.index(content.startIndex, offsetBy: weightText.offset)]).trimmingCharacters(in: .whitespaces)
                if term.hasPrefix("@") { term.removeFirst() }
                let words = term.split(whereSeparator: { $0.isWhitespace || $0 == "_" })
                let operators: Set<Substring> = ["NEAR", "BEFORE", "AFTER", "NOT", "AND", "OR"]
                if words.contains(where: { $0.hasPrefix("#") })
                    || (words.count >= 3 && words.dropFirst().dropLast().contains(where: { operators.contains($0) })) {
                    notes.append("\(file):\(line.number):\(col): WordStat rule '\(term)' skipped (rules are not imported)")
                    continue
                }
                let pattern = try pattern(term: term, underscores: true, questionMark: true) { fail("\($0) in '\(content)'", line.number, col) }
                themes[parent.theme].entries.append(Entry(pattern: pattern, weight: weight,
                                                          location: SourceLocation(file: file, line: line.number, column: col)))
            } else {
                // A category.
                if stack.isEmpty && topIndent == nil { topIndent = indent }
                let parent = stack.last.map { themes[$0.theme].id }
                var id = themeID(content)
                if ids[id] != nil, let parent { id = "\(parent).\(id)" }
                if let first = ids[id] {
                    throw fail("category '\(content)' is defined twice (first at line \(themes[first].location?.line ?? 0))", line.number, col)
                }
                ids[id] = themes.count
                stack.append(Frame(indent: indent, theme: themes.count, childIndent: nil, childLine: 0))
                themes.append(Theme(id: id, label: content, parent: parent,
                                    location: SourceLocation(file: file, line: line.number, column: col)))
            }
        }
        if themes.isEmpty { throw FritekstError(.codebook, "dictionary defines no categories", file: file, line: 1, position: 1) }
        return ImportedDictionary(codebook: Codebook(name: codebookName(file), format: .fritekst, themes: themes, file: file), notes: notes)
    }

    /// The text inside a final `( … )` and the character offset of its `(`, when the line ends with one.
    static func trailingParenthesis(_ s: String) -> (inner: Substring, offset: Int)? {
        guard s.hasSuffix(")"), let open = s.lastIndex(of: "(") else { return nil }
        let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
        return (inner, s.distance(from: s.startIndex, to: open))
    }
}
