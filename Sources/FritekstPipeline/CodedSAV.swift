import Foundation
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstPrivacy
import FritekstReport

/// One input as read, kept for outputs that carry the input's own variables (`coded.sav`).
public struct ReadInput: Sendable {
    /// The input's table (every row the reader produced).
    public var table: Table
    /// Variable and value labels of an SPSS/Stata input (empty for CSV, XLSX, JSON).
    public var variables: [VariableInfo]
    /// The input's answer column and wave label.
    public var textColumn: String
    public var wave: String?
    /// Index of the first of this input's responses in the job's response list.
    public var firstResponse: Int
    /// Number of responses taken from this input.
    public var responseCount: Int
}

/// Builds `coded.sav`: the inputs' variables followed by one 0/1 variable per theme (variable label = theme
/// label, value labels 0 «Ikke nevnt», 1 «Nevnt»), one case per input row, merged by respondent.
///
/// Variable labels and value labels of an SPSS/Stata input are kept (labelled values are written back as
/// their original codes); CSV/XLSX/JSON columns become numeric when every value is a number, else strings.
/// The answer column is redacted as in every other output. A row the mapping skipped keeps its variables
/// and gets missing theme codes.
public enum CodedSAV {
    /// Value labels of a theme variable.
    public static let themeValueLabels: [(value: Double, label: String)] = [(0, "Ikke nevnt"), (1, "Nevnt")]

    /// A valid, unique SPSS variable name for `name` (letters, digits, `_`, `.`; starts with a letter; at most 64 bytes).
    public static func variableName(_ name: String, taken: inout Set<String>) -> String {
        var s = String(name.unicodeScalars.map { u -> Character in
            (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "_" || u == ".") ? Character(u) : "_"
        })
        while s.hasSuffix(".") { s.removeLast() }
        if s.isEmpty || !(s.unicodeScalars.first!.properties.isAlphabetic) { s = "v_" + s }
        while s.utf8.count > 60 { s.removeLast() }
        var candidate = s
        var k = 2
        while taken.contains(candidate.lowercased()) {
            candidate = s + "_\(k)"
            k += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The merged table and its column specifications.
    public static func build(inputs: [ReadInput], responses: [Response], flags: [[Bool]], themes: [Theme],
                             spans: [[RedactionSpan]], redactor: Redactor) -> (Table, [SAVWriter.Column]) {
        // Union of the inputs' columns in order of first appearance, then `wave` when an input sets it.
        var names: [String] = []
        for i in inputs { for h in i.table.header where !names.contains(h) { names.append(h) } }
        let addWave = inputs.contains { $0.wave != nil } && !names.contains("wave")
        if addWave { names.append("wave") }
        var info: [String: VariableInfo] = [:]
        for i in inputs { for v in i.variables where info[v.name] == nil { info[v.name] = v } }
        let textColumns = Set(inputs.map(\.textColumn))

        var rows: [[String]] = []
        var lines: [Int] = []
        for input in inputs {
            let index = Dictionary(input.table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            // Responses of this input by data row (1-based).
            var byRow: [Int: Int] = [:]
            for k in input.firstResponse..<(input.firstResponse + input.responseCount) { byRow[responses[k].row] = k }
            for (r, cells) in input.table.rows.enumerated() {
                let respondent = byRow[r + 1]
                var row = names.map { name -> String in
                    if name == "wave" && addWave { return input.wave ?? "" }
                    guard let c = index[name] else { return "" }
                    let value = cells[c]
                    if textColumns.contains(name), name == input.textColumn {
                        // The answer as every output shows it; a row without a response is redacted here.
                        if let k = respondent { return spans[k].isEmpty ? value : Redactor.apply(spans[k], to: value) }
                        return redactor.redact(value).text
                    }
                    return value
                }
                row += themes.indices.map { t in respondent.map { flags[$0][t] ? "1" : "0" } ?? "" }
                rows.append(row)
                lines.append(r < input.table.rowLines.count ? input.table.rowLines[r] : r + 2)
            }
        }
        var taken = Set<String>()
        var header: [String] = []
        var columns: [SAVWriter.Column] = []
        for (c, name) in names.enumerated() {
            let spss = variableName(name, taken: &taken)
            header.append(spss)
            let values = rows.map { $0[c] }
            var column: SAVWriter.Column
            if let v = info[name], !v.valueLabels.isEmpty {
                // Labelled SPSS/Stata variable: back to its codes, with its value labels.
                let codeOf = Dictionary(v.valueLabels.map { ($1, $0) }, uniquingKeysWith: { a, b in min(a, b) })
                let numericCodes = v.valueLabels.keys.allSatisfy { Double($0) != nil }
                if numericCodes && values.allSatisfy({ $0.isEmpty || codeOf[$0] != nil || Double($0) != nil }) {
                    for r in rows.indices where !rows[r][c].isEmpty { rows[r][c] = codeOf[rows[r][c]] ?? rows[r][c] }
                    column = SAVWriter.Column(name: spss, kind: .numeric,
                                              valueLabels: v.valueLabels.compactMap { k, l in Double(k).map { ($0, l) } }.sorted { $0.0 < $1.0 })
                } else {
                    column = plain(spss, values)
                }
            } else {
                column = plain(spss, values)
            }
            column.label = info[name]?.label ?? (name == spss ? "" : name)
            if name == "wave" && addWave { column.label = "Bølge" }
            columns.append(column)
        }
        for theme in themes {
            let spss = variableName(theme.id, taken: &taken)
            header.append(spss)
            columns.append(SAVWriter.Column(name: spss, label: theme.label, kind: .numeric, valueLabels: themeValueLabels))
        }
        return (Table(header: header, rows: rows, rowLines: lines), columns)
    }

    /// Numeric when every non-empty value is a plain number, else a string as wide as the longest value.
    static func plain(_ name: String, _ values: [String]) -> SAVWriter.Column {
        let numeric = values.contains { !$0.isEmpty } && values.allSatisfy { v in
            v.isEmpty || (Double(v) != nil && !v.hasPrefix("+") && !v.lowercased().contains("e") && !v.lowercased().contains("n")
                          && !(v.count > 1 && v.hasPrefix("0") && !v.hasPrefix("0.")))
        }
        if numeric { return SAVWriter.Column(name: name, kind: .numeric) }
        return SAVWriter.Column(name: name, kind: .string(width: max(1, values.map(\.utf8.count).max() ?? 1)))
    }

    /// Writes the merged file to `path` with the provenance as the file's documents.
    public static func write(inputs: [ReadInput], responses: [Response], flags: [[Bool]], themes: [Theme], spans: [[RedactionSpan]],
                             redactor: Redactor, provenance: Provenance, to path: String) throws {
        let (table, columns) = build(inputs: inputs, responses: responses, flags: flags, themes: themes, spans: spans, redactor: redactor)
        var notes = ["Laget av \(provenance.tool): inndata med ett 0/1-tema per kodeboktema (0 = Ikke nevnt, 1 = Nevnt)."]
        for i in provenance.inputs { notes.append("Inndata: \(i.path) (\(i.format ?? "fil"), fnv1a64 \(i.fnv1a64))") }
        if let c = provenance.codebook { notes.append("Kodebok: \(c.path) (fnv1a64 \(c.fnv1a64))") }
        for (k, v) in provenance.options.sorted(by: { $0.key < $1.key }) { notes.append("\(k): \(v)") }
        notes.append("Kjørt: " + (provenance.createdAt ?? "reproduserbar kjøring (tid utelatt)"))
        let timestamp = provenance.createdAt == nil ? Date(timeIntervalSince1970: 946_684_800) : nil
        try SAVWriter.write(table, columns: columns, to: path, fileLabel: "Fritekst: koder per tema",
                            notes: notes.flatMap(lines80), timestamp: timestamp)
    }

    /// A note cut into pieces of at most 80 UTF-8 bytes (SPSS document lines), at character boundaries.
    static func lines80(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in s {
            if cur.utf8.count + String(ch).utf8.count > 80 { out.append(cur); cur = "" }
            cur.append(ch)
        }
        if !cur.isEmpty || out.isEmpty { out.append(cur) }
        return out
    }
}
