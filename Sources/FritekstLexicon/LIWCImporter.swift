import Foundation
import FritekstCore
import FritekstText

extension DictionaryImporter {
    // MARK: LIWC .dic

    /// Imports a LIWC `.dic`: a `%`-delimited header of `number<TAB>name` lines, then one
    /// `term<TAB>category …` line per term, where a category is a header number or (LIWC-22) a name.
    public static func importLIWC(text: String, file: String) throws -> ImportedDictionary {
        let all = lines(text)
        func fail(_ msg: String, _ line: Int, _ column: Int) -> FritekstError {
            FritekstError(.codebook, msg, file: file, line: line, position: column)
        }
        var k = 0
        while k < all.count && all[k].text.allSatisfy(\.isWhitespace) { k += 1 }
        guard k < all.count else { throw FritekstError(.codebook, "dictionary has no content", file: file, line: 1, position: 1) }
        let opening = all[k]
        guard opening.text.trimmingCharacters(in: .whitespaces) == "%" else {
            let col = (opening.text.firstIndex(where: { !$0.isWhitespace }).map { column(of: $0, in: opening.text) }) ?? 1
            throw fail("a LIWC dictionary starts with a line holding only '%' (the category header); found '\(opening.text.trimmingCharacters(in: .whitespaces))'",
                       opening.number, col)
        }
        k += 1
        // Header: number → theme index; name → theme index.
        var themes: [Theme] = []
        var byNumber: [String: Int] = [:]
        var byName: [String: Int] = [:]
        var closed = false
        while k < all.count {
            let line = all[k]
            k += 1
            let f = fields(line.text)
            if f.isEmpty { continue }
            if f.count == 1 && f[0].text == "%" { closed = true; break }
            guard let number = Int(f[0].text), number >= 0 else {
                throw fail("category header line must be 'number<TAB>name'; '\(f[0].text)' is not a number (is the header missing its closing %?)",
                           line.number, f[0].column)
            }
            guard f.count >= 2 else {
                throw fail("category \(number) has no name", line.number, f[0].column + f[0].text.count)
            }
            let key = String(number)
            if let first = byNumber[key] {
                throw fail("category number \(number) is defined twice (first at line \(themes[first].location?.line ?? 0))",
                           line.number, f[0].column)
            }
            let name = String(f[1].text)
            let id = themeID(name)
            if let first = byName[id] {
                throw fail("category name '\(name)' is defined twice (first at line \(themes[first].location?.line ?? 0))",
                           line.number, f[1].column)
            }
            byNumber[key] = themes.count
            byName[id] = themes.count
            themes.append(Theme(id: id, label: name, location: SourceLocation(file: file, line: line.number, column: f[0].column)))
        }
        guard closed else {
            throw fail("the category header opened here is never closed by a line holding only '%'", opening.number, 1)
        }
        if themes.isEmpty { throw fail("the category header defines no categories", opening.number, 1) }

        var notes: [String] = []
        var conditional = 0
        while k < all.count {
            let line = all[k]
            k += 1
            if line.text.allSatisfy(\.isWhitespace) { continue }
            let text = line.text
            // The term runs to the first tab; without a tab, categories are the trailing fields that name one.
            var termText: Substring
            var termColumn: Int
            var categoryFields: [(text: Substring, column: Int)]
            if let tab = text.firstIndex(of: "\t") {
                termText = text[..<tab]
                let lead = termText.prefix(while: { $0 == " " })
                termColumn = lead.count + 1
                termText = termText.dropFirst(lead.count)
                let offset = column(of: tab, in: text)
                categoryFields = fields(text[text.index(after: tab)...]).map { ($0.text, $0.column + offset) }
            } else {
                let f = fields(text)
                var split = f.count
                while split > 1, resolves(f[split - 1].text, byNumber, byName) || f[split - 1].text.allSatisfy(\.isNumber) { split -= 1 }
                termColumn = f[0].column
                termText = text[f[0].text.startIndex..<f[split - 1].text.endIndex]
                categoryFields = Array(f[split...])
            }
            let term = termText.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { throw fail("line has categories but no term", line.number, 1) }
            // LIWC2007 conditional categories, `(02 134)125/464`: both outcomes are kept.
            var tokens: [(text: Substring, column: Int)] = []
            var c = 0
            while c < categoryFields.count {
                var f = categoryFields[c]
                if f.text.hasPrefix("(") {
                    var end = c
                    while end < categoryFields.count && !categoryFields[end].text.contains(")") { end += 1 }
                    guard end < categoryFields.count, let close = categoryFields[end].text.firstIndex(of: ")") else {
                        throw fail("unclosed '(' in the categories of '\(term)'", line.number, f.column)
                    }
                    let after = categoryFields[end].text[categoryFields[end].text.index(after: close)...]
                    let afterColumn = categoryFields[end].column + categoryFields[end].text.distance(from: categoryFields[end].text.startIndex, to: close) + 1
                    var col = afterColumn
                    for part in after.split(separator: "/", omittingEmptySubsequences: false) {
                        tokens.append((part, col))
                        col += part.count + 1
                    }
                    conditional += 1
                    c = end + 1
                    continue
                }
                f.text = f.text.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))[...]
                tokens.append(f)
                c += 1
            }
            if tokens.isEmpty { throw fail("term '\(term)' has no category", line.number, termColumn + termText.count) }
            let loc = SourceLocation(file: file, line: line.number, column: termColumn)
            let pattern = try pattern(term: term, underscores: false, questionMark: false) { fail($0, line.number, termColumn) }
            var seen = Set<Int>()
            for t in tokens {
                guard let ti = lookup(t.text, byNumber, byName) else {
                    let what = t.text.allSatisfy(\.isNumber) ? "unknown category number \(t.text)" : "unknown category '\(t.text)'"
                    throw fail("\(what) (not in the % header)", line.number, t.column)
                }
                if seen.insert(ti).inserted {
                    themes[ti].entries.append(Entry(pattern: pattern, location: loc))
                }
            }
        }
        if conditional > 0 {
            notes.append("\(file): \(conditional) conditional LIWC categor\(conditional == 1 ? "y" : "ies") ((a b)x/y) imported as plain membership of both x and y")
        }
        return ImportedDictionary(codebook: Codebook(name: codebookName(file), format: .fritekst, themes: themes, file: file), notes: notes)
    }

    /// True when `token` names a header category.
    private static func resolves(_ token: Substring, _ byNumber: [String: Int], _ byName: [String: Int]) -> Bool {
        lookup(token, byNumber, byName) != nil
    }

    /// The theme index a category token (number, or name) refers to.
    private static func lookup(_ token: Substring, _ byNumber: [String: Int], _ byName: [String: Int]) -> Int? {
        if let n = Int(token) { return byNumber[String(n)] }
        return byName[themeID(String(token))]
    }

    // MARK: LIWC-22 .dicx

    /// Imports a LIWC-22 `.dicx`: CSV whose header is `DicTerm,cat1,cat2,…` and whose cells mark
    /// membership with `X` (or give a numeric weight).
    public static func importLIWCX(text: String, file: String) throws -> ImportedDictionary {
        let records = try CSVCells.parse(text, file: file)
        func fail(_ msg: String, _ line: Int, _ column: Int) -> FritekstError {
            FritekstError(.codebook, msg, file: file, line: line, position: column)
        }
        guard let header = records.first(where: { !$0.isBlank }) else {
            throw FritekstError(.codebook, "dictionary has no content", file: file, line: 1, position: 1)
        }
        guard header.cells[0].text.trimmingCharacters(in: .whitespaces).lowercased() == "dicterm" else {
            throw fail("a LIWC-22 .dicx starts with the column header 'DicTerm'; found '\(header.cells[0].text)'", header.line, header.cells[0].column)
        }
        guard header.cells.count > 1 else { throw fail("the header names no categories after DicTerm", header.line, header.cells[0].column) }
        var themes: [Theme] = []
        var ids: [String: Int] = [:]
        for cell in header.cells.dropFirst() {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { throw fail("empty category name in the header", header.line, cell.column) }
            let id = themeID(name)
            if let first = ids[id] {
                throw fail("category '\(name)' appears twice in the header (first in column \(first + 2))", header.line, cell.column)
            }
            ids[id] = themes.count
            themes.append(Theme(id: id, label: name, location: SourceLocation(file: file, line: header.line, column: cell.column)))
        }
        var started = false
        for record in records {
            if !started { if record.line == header.line { started = true }; continue }
            if record.isBlank { continue }
            if record.cells.count > header.cells.count {
                let extra = record.cells[header.cells.count]
                throw fail("\(record.cells.count) cells, the header has \(header.cells.count)", record.line, extra.column)
            }
            let termCell = record.cells[0]
            let term = termCell.text.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { throw fail("row has marks but no term", record.line, termCell.column) }
            let loc = SourceLocation(file: file, line: record.line, column: termCell.column)
            let pattern = try pattern(term: term, underscores: false, questionMark: false) { fail($0, record.line, termCell.column) }
            var any = false
            for (c, cell) in record.cells.enumerated().dropFirst() {
                let v = cell.text.trimmingCharacters(in: .whitespaces)
                if v.isEmpty { continue }
                let weight: Double
                if v.lowercased() == "x" { weight = 1 } else if let w = Double(v.replacingOccurrences(of: ",", with: ".")), w.isFinite { weight = w } else {
                    throw fail("cell for category '\(themes[c - 1].label)' must be X, a number or empty; found '\(v)'", record.line, cell.column)
                }
                themes[c - 1].entries.append(Entry(pattern: pattern, weight: weight, location: loc))
                any = true
            }
            if !any { throw fail("term '\(term)' is marked in no category", record.line, termCell.column) }
        }
        return ImportedDictionary(codebook: Codebook(name: codebookName(file), format: .fritekst, themes: themes, file: file))
    }
}

/// A minimal RFC 4180 reader that keeps each cell's line and column (for `.dicx` messages).
enum CSVCells {
    struct Cell { var text: String; var column: Int }
    struct Record {
        var line: Int
        var cells: [Cell]
        var isBlank: Bool { cells.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// Parses comma-separated text (quotes, doubled quotes, quoted line breaks).
    static func parse(_ text: String, file: String) throws -> [Record] {
        var records: [Record] = []
        var cells: [Cell] = []
        var field = ""
        var fieldColumn = 1
        var line = 1, column = 1
        var recordLine = 1
        var quoted = false, wasQuoted = false
        var quoteLine = 0, quoteColumn = 0
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var i = chars.startIndex
        func endField() { cells.append(Cell(text: field, column: fieldColumn)); field = ""; wasQuoted = false }
        while i < chars.endIndex {
            let c = chars[i]
            let next = chars.index(after: i)
            if quoted {
                if c == "\"" {
                    if next < chars.endIndex && chars[next] == "\"" { field.append("\""); i = chars.index(after: next); column += 2; continue }
                    quoted = false
                } else if c == "\n" || c == "\r\n" || c == "\r" {
                    field.append("\n"); line += 1; column = 0
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true; quoteLine = line; quoteColumn = column } else {
                    throw FritekstError(.codebook, "stray '\"' inside an unquoted cell", file: file, line: line, position: column)
                }
            } else if c == "," {
                endField()
                fieldColumn = column + 1
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endField()
                records.append(Record(line: recordLine, cells: cells))
                cells = []
                line += 1; column = 0
                recordLine = line
                fieldColumn = 1
            } else {
                if wasQuoted {
                    throw FritekstError(.codebook, "text after the closing quote of a cell", file: file, line: line, position: column)
                }
                field.append(c)
            }
            column += 1
            i = next
        }
        if quoted { throw FritekstError(.codebook, "quoted cell is never closed", file: file, line: quoteLine, position: quoteColumn) }
        if !field.isEmpty || !cells.isEmpty || wasQuoted {
            endField()
            records.append(Record(line: recordLine, cells: cells))
        }
        return records
    }
}
