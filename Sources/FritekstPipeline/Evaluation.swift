import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstIngest
import FritekstLexicon
import FritekstPrivacy
import FritekstReport
import FritekstText

/// Codes responses with a codebook (the same steps as `JobRunner`), for evaluation and analysis.
public enum CodingEngine {
    /// Loads and compiles `codebookPath`, then codes every response in order.
    public static func code(_ responses: [Response], codebookPath: String,
                            lemmaProvider: (any LemmaProvider)? = nil) throws -> (CompiledCodebook, [CodedAnswer], [[Token]], Vocabulary) {
        let codebook = try JobRunner.loadCodebook(codebookPath)
        let compiled = try CompiledCodebook(codebook, lemmas: try lemmaProvider ?? JobRunner.defaultLemmas(for: codebook))
        let coded = JobRunner.code(responses, with: compiled, keepTokens: true)
        return (compiled, coded.codings, coded.tokens, coded.vocabulary)
    }

    /// Evidence of the hits on the given theme indices only, in the `coded.csv` format.
    public static func evidence(_ coded: CodedAnswer, themes: Set<Int>, text: String, compiled: CompiledCodebook,
                                redacting spans: [RedactionSpan] = []) -> String {
        coded.evidence(text: text, compiled: compiled, themes: themes,
                       matchedText: spans.isEmpty ? nil : { Redactor.apply(spans, to: text, range: $0) })
    }
}

/// One line of a JSONL file: `{"id": …, "text": …, "themes": […]}`.
public struct LabelledItem: Sendable, Equatable {
    public var id: String
    public var text: String?
    public var themes: Set<String>
    public var line: Int
    /// Other string fields of the line (e.g. `role`), kept as background variables.
    public var fields: [String: String]
}

/// Reads JSONL files of labelled items (one JSON object a line; blank lines are ignored).
public enum LabelledJSONL {
    /// Parses `path`; `needText` requires a `text` field (string or null) on every line.
    public static func read(path: String, needText: Bool) throws -> [LabelledItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.input, FileManager.default.fileExists(atPath: path) ? "cannot read file" : "no such file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FritekstError(.input, "file is not valid UTF-8", file: path)
        }
        var items: [LabelledItem] = []
        var seen = Set<String>()
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = k + 1
            var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if k == 0 && s.hasPrefix("\u{FEFF}") { s.removeFirst() }
            if s.isEmpty { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(s.utf8))
            } catch {
                throw FritekstError(.input, "not a JSON object: \((error as NSError).localizedDescription)", file: path, line: line)
            }
            guard let o = object as? [String: Any] else { throw FritekstError(.input, "not a JSON object", file: path, line: line) }
            let id: String
            switch o["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: throw FritekstError(.input, "missing or invalid 'id' (string or number)", file: path, line: line, column: "id")
            }
            if !seen.insert(id).inserted { throw FritekstError(.input, "duplicate id '\(id)'", file: path, line: line, column: "id") }
            var themes = Set<String>()
            switch o["themes"] {
            case let list as [Any]:
                for t in list {
                    guard let s = t as? String, !s.isEmpty else {
                        throw FritekstError(.input, "'themes' must be a list of theme ids (strings)", file: path, line: line, column: "themes")
                    }
                    themes.insert(s)
                }
            case nil, is NSNull:
                throw FritekstError(.input, "missing 'themes' (a list of theme ids; [] for none)", file: path, line: line, column: "themes")
            default:
                throw FritekstError(.input, "'themes' must be a list of theme ids (strings)", file: path, line: line, column: "themes")
            }
            var answer: String?
            switch o["text"] {
            case let s as String: answer = s
            case nil, is NSNull: answer = needText ? "" : nil
            default: throw FritekstError(.input, "'text' must be a string", file: path, line: line, column: "text")
            }
            if needText && o["text"] == nil {
                throw FritekstError(.input, "missing 'text'", file: path, line: line, column: "text")
            }
            var fields: [String: String] = [:]
            for (key, value) in o where !["id", "text", "themes"].contains(key) {
                if let s = value as? String { fields[key] = s }
            }
            items.append(LabelledItem(id: id, text: answer, themes: themes, line: line, fields: fields))
        }
        return items
    }
}

/// Where the texts and the gold codes of an evaluation come from.
public enum EvaluationSource: Sendable {
    /// A CSV of answers; gold from `manual_<theme>` columns, or from a JSONL file of `{id, themes}` when given.
    case csv(path: String, mapping: ColumnMapping, options: CSVOptions, gold: String?)
    /// A JSONL file holding both the text and the gold themes of every item.
    case jsonl(path: String)
}

/// One item where the codes and the gold disagree on a theme.
public struct Disagreement: Sendable, Equatable {
    public var id: String
    public var theme: String
    public var gold: Bool
    public var predicted: Bool
    public var evidence: String
    public var text: String
}

/// What `fritekst evaluate` computes.
public struct EvaluationResult: Sendable {
    /// The agreement table (per theme, micro, macro).
    public var table: Agreement.Table
    /// Every (item, theme) disagreement, in input order then theme order.
    public var disagreements: [Disagreement]
    /// Items with gold codes that were evaluated.
    public var items: Int
    /// Rows read from the input.
    public var rowsRead: Int
    /// Where the gold came from (for the summary).
    public var goldSource: String
    /// Themes of the evaluation with no theme of the codebook counting for them.
    public var notInCodebook: [String]
    /// Warnings (gold ids missing from the input, codebook themes without gold, skipped rows).
    public var warnings: [String]

    /// The agreement table as aligned text lines.
    public var lines: [String] {
        var out = ["items: \(items) with gold codes (of \(rowsRead) read); gold: \(goldSource)"]
        let width = max(12, (table.themes.map(\.theme.count).max() ?? 0) + (notInCodebook.isEmpty ? 0 : 1))
        func f(_ x: Double?) -> String { x.map { String(format: "%6.3f", abs($0) < 5e-4 ? 0 : $0) } ?? "     –" }
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        out.append(pad("theme") + " n_gold n_pred    TP    FP    FN  precis recall     F1  kappa  alpha")
        func line(_ r: Agreement.Row, mark: Bool = false) -> String {
            let c = r.counts
            return pad(r.theme + (mark ? "†" : "")) + String(format: " %6d %6d %5d %5d %5d", c.nGold, c.nPredicted, c.tp, c.fp, c.fn)
                + " " + [f(r.precision), f(r.recall), f(r.f1), f(r.kappa), f(r.alpha)].joined(separator: " ")
        }
        for r in table.themes { out.append(line(r, mark: notInCodebook.contains(r.theme))) }
        out.append(line(table.micro))
        out.append(line(table.macro))
        if !notInCodebook.isEmpty { out.append("† no theme of the codebook counts for this gold theme") }
        out.append("macro: mean over the \(table.themes.filter { $0.counts.nGold > 0 }.count) themes with gold positives; – = undefined")
        return out
    }

    /// The agreement table as CSV: theme, n_items, n_gold, n_pred, TP, FP, FN, TN, precision, recall, f1, kappa, alpha.
    public func tableCSV() -> Data {
        var w = CSVWriter()
        w.row(["theme", "n_items", "n_gold", "n_pred", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa", "alpha", "in_codebook"])
        func f(_ x: Double?) -> String { x.map { String(format: "%.10f", $0) } ?? "" }
        for r in table.themes + [table.micro, table.macro] {
            let c = r.counts
            w.row([r.theme, String(c.n), String(c.nGold), String(c.nPredicted), String(c.tp), String(c.fp), String(c.fn), String(c.tn),
                   f(r.precision), f(r.recall), f(r.f1), f(r.kappa), f(r.alpha),
                   r.theme.hasPrefix("(") ? "" : (notInCodebook.contains(r.theme) ? "0" : "1")])
        }
        return w.data
    }

    /// The disagreements as CSV: id, theme, gold, predicted, evidence, text.
    public func disagreementsCSV() -> Data {
        var w = CSVWriter()
        w.row(["id", "theme", "gold", "predicted", "evidence", "text"])
        for d in disagreements {
            w.row([d.id, d.theme, d.gold ? "1" : "0", d.predicted ? "1" : "0", d.evidence, d.text])
        }
        return w.data
    }
}

/// Compares a codebook's automatic codes with manual codes.
public enum Evaluator {
    /// Prefix of the manual-code columns in an input CSV.
    public static let manualPrefix = "manual_"

    /// Codes the items of `source` with `codebookPath` and compares with the gold, theme by theme.
    ///
    /// A gold theme counts as predicted when the codebook codes it or any theme below it: a dotted
    /// child (`digitalisering.systemer`) or a theme whose `parent` chain reaches it. Gold labels are
    /// rolled up the same way (a gold `a.b` marks `a`).
    /// `nearMisses` traces the items with a missed gold theme again to fill their evidence (see
    /// `ExplainFormatter.nearMisses`); without it a miss's evidence is empty.
    public static func evaluate(_ source: EvaluationSource, codebookPath: String,
                                lemmaProvider: (any LemmaProvider)? = nil, nearMisses: Bool = true) throws -> EvaluationResult {
        var responses: [Response] = []
        var gold: [Set<String>?] = []
        var evalThemes: [String] = []
        var warnings: [String] = []
        var rowsRead = 0
        var goldSource = ""
        var goldFromJSONLOnly = false

        switch source {
        case .jsonl(let path):
            let items = try LabelledJSONL.read(path: path, needText: true)
            for (k, it) in items.enumerated() {
                responses.append(Response(id: it.id, row: k + 1, line: it.line, fields: it.fields, text: it.text ?? ""))
                gold.append(it.themes)
            }
            rowsRead = items.count
            goldSource = "themes in \(path)"
            goldFromJSONLOnly = true
        case .csv(let path, let mapping, let options, let goldPath):
            let result = try CSVReader.read(path: path, options: options)
            var acc = result.accounting
            responses = try mapping.responses(from: result.table, file: path, accounting: &acc)
            warnings += acc.warnings
            warnings += acc.skipped.map { "skipped row \(path):\($0.line): \($0.reason)" }
            rowsRead = acc.rowsRead
            if let goldPath {
                let items = try LabelledJSONL.read(path: goldPath, needText: false)
                var byID: [String: Set<String>] = [:]
                for it in items { byID[it.id] = it.themes }
                let ids = Set(responses.map(\.id))
                let missing = items.filter { !ids.contains($0.id) }
                if !missing.isEmpty {
                    warnings.append("\(goldPath): \(missing.count) gold id(s) not in \(path): "
                                    + missing.prefix(5).map(\.id).joined(separator: ", "))
                }
                gold = responses.map { byID[$0.id] }
                goldSource = goldPath
                goldFromJSONLOnly = true
            } else {
                let manual = result.table.header.filter { $0.hasPrefix(manualPrefix) && $0.count > manualPrefix.count }
                if manual.isEmpty {
                    throw FritekstError(.input, "no gold codes: no '\(manualPrefix)<theme>' columns (or give --gold FILE.jsonl)", file: path, line: 1)
                }
                evalThemes = manual.map { String($0.dropFirst(manualPrefix.count)) }
                for r in responses {
                    var filled = 0
                    var set = Set<String>()
                    for (k, col) in manual.enumerated() {
                        let v = (r.fields[col] ?? "").trimmingCharacters(in: .whitespaces)
                        if v.isEmpty { continue }
                        filled += 1
                        switch v {
                        case "1": set.insert(evalThemes[k])
                        case "0": break
                        default:
                            throw FritekstError(.input, "manual code must be 0, 1 or empty, not '\(v)'", file: path, line: r.line, column: col)
                        }
                    }
                    if filled == 0 {
                        gold.append(nil)
                    } else if filled < manual.count {
                        let empty = manual.first { (r.fields[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }!
                        throw FritekstError(.input, "row is partly manually coded (\(filled) of \(manual.count) manual columns filled)",
                                            file: path, line: r.line, column: empty)
                    } else {
                        gold.append(set)
                    }
                }
                goldSource = "\(manual.count) \(manualPrefix)* columns in \(path)"
            }
        }

        let (compiled, codings, tokens, _) = try CodingEngine.code(responses, codebookPath: codebookPath, lemmaProvider: lemmaProvider)
        let coder = Coder(compiled)
        let themes = compiled.codebook.themes
        let ids = themes.map(\.id)
        var parents: [String: String] = [:]
        for t in themes { if let p = t.parent { parents[t.id] = p } }
        // Roots of the codebook: themes without parent, dotted ids cut at the first dot.
        var roots: [String] = []
        for t in themes where t.parent == nil && !t.hidden {          // hidden helper themes are not codes
            let r = ThemeTree.root(t.id)
            if !roots.contains(r) { roots.append(r) }
        }
        if goldFromJSONLOnly {
            evalThemes = roots
            let labels = Set(gold.compactMap { $0 }.flatMap { $0 }.map(ThemeTree.root))
            evalThemes += labels.subtracting(roots).sorted()
        } else {
            let without = roots.filter { !evalThemes.contains($0) }
            if !without.isEmpty {
                warnings.append("codebook theme(s) without a manual column, not evaluated: " + without.joined(separator: ", "))
            }
        }
        let members = evalThemes.map { Set(ThemeTree.members(of: $0, in: ids, parents: parents)) }
        let notInCodebook = zip(evalThemes, members).filter { $0.1.isEmpty }.map(\.0)

        var counts = Array(repeating: Agreement.Counts(), count: evalThemes.count)
        var disagreements: [Disagreement] = []
        var items = 0
        for (k, r) in responses.enumerated() {
            guard let g = gold[k] else { continue }
            items += 1
            let coded = Set(codings[k].hits.map(\.theme))
            var traces: [ThemeTrace]? = nil          // traced once, for the first missed gold theme of the item
            for (t, theme) in evalThemes.enumerated() {
                let isGold = ThemeTree.labels(g, include: theme)
                let isPredicted = !coded.isDisjoint(with: members[t])
                counts[t].add(gold: isGold, predicted: isPredicted)
                guard isGold != isPredicted else { continue }
                let evidence: String
                if isPredicted {
                    evidence = CodingEngine.evidence(codings[k], themes: members[t], text: r.text, compiled: compiled)
                } else if !nearMisses {
                    evidence = ""
                } else {
                    if traces == nil {
                        var text = r.text
                        traces = text.withUTF8 { coder.explain(tokens: tokens[k], text: $0).1 }
                    }
                    evidence = ExplainFormatter.nearMisses(traces ?? [], themes: members[t], text: r.text, compiled: compiled)
                }
                disagreements.append(Disagreement(id: r.id, theme: theme, gold: isGold, predicted: isPredicted,
                                                  evidence: evidence, text: r.text))
            }
        }
        if items == 0 { warnings.append("no item has gold codes; nothing evaluated") }
        return EvaluationResult(table: Agreement.table(Array(zip(evalThemes, counts))), disagreements: disagreements,
                                items: items, rowsRead: rowsRead, goldSource: goldSource, notInCodebook: notInCodebook,
                                warnings: warnings)
    }
}
