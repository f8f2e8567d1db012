import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstMorphology
import FritekstReport
import FritekstText

/// Options of `fritekst suggest`.
public struct SuggestOptions: Sendable {
    /// Rows per list (uncovered words, parts) and per theme (associated words, variants).
    public var top = 25
    /// Minimum number of answers a suggested word or part occurs in.
    public var minAnswers = 3
    /// Minimum word length for uncovered words and variants.
    public var minLength = 3
    /// Creates options.
    public init(top: Int = 25, minAnswers: Int = 3, minLength: Int = 3) {
        self.top = top; self.minAnswers = minAnswers; self.minLength = minLength
    }
}

/// Finds words a codebook could use: uncovered frequent words and parts, words associated with a
/// theme's coded answers, and spelling variants of existing entries.
public enum Suggester {
    /// Codes `responses` with the codebook and returns the suggestions, list by list.
    public static func suggest(_ responses: [Response], codebookPath: String, lemmaProvider: (any LemmaProvider)? = nil,
                               options: SuggestOptions = SuggestOptions()) throws -> [SuggestionRow] {
        let (compiled, codings, tokens, vocabulary) = try CodingEngine.code(responses, codebookPath: codebookPath, lemmaProvider: lemmaProvider)
        // Suggestions of lemmas and compound parts need the morphology even when the codebook does not.
        let lemmaProvider: (any LemmaProvider)? = lemmaProvider ?? compiled.lemmaProvider ?? (try? FritekstMorphology.Morphology())
        let themes = compiled.codebook.themes
        // Per type: occurrences, answers, the themes whose single-token entries match it.
        var count: [TypeID: Int] = [:], answers: [TypeID: Int] = [:]
        for ts in tokens {
            var seen = Set<TypeID>()
            for t in ts where t.kind == .word {
                count[t.type, default: 0] += 1
                if seen.insert(t.type).inserted { answers[t.type, default: 0] += 1 }
            }
        }
        func coveringThemes(_ type: TypeID) -> Set<Int> {
            var out = Set<Int>()
            for u in compiled.units(of: type) { for e in compiled.singles[Int(u)] { out.insert(compiled.entries[Int(e)].theme) } }
            return out
        }
        func isContent(_ s: String) -> Bool {
            s.count >= options.minLength && !Stopwords.norwegian.contains(s) && s.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
        let order: (SuggestionRow, SuggestionRow) -> Bool = { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }
        var rows: [SuggestionRow] = []

        // 1. Frequent uncovered words, and (with morphology) their lemmas and compound parts.
        let uncovered = answers.keys.filter { answers[$0]! >= 1 && coveringThemes($0).isEmpty && isContent(vocabulary[$0]) }
        rows += uncovered.filter { answers[$0]! >= options.minAnswers }
            .map { SuggestionRow(kind: .uncovered, theme: "", term: vocabulary[$0], count: count[$0]!, answers: answers[$0]!,
                                 score: Double(answers[$0]!), detail: "") }
            .sorted(by: order).prefix(options.top)
        if let lp = lemmaProvider {
            var partCount: [String: Int] = [:], partAnswers: [String: Int] = [:], examples: [String: [String]] = [:]
            for type in uncovered {
                let info = lp.lemmaInfo(vocabulary[type])
                for p in Set(info.parts + info.lemmas.prefix(1)) where isContent(p) {
                    partCount[p, default: 0] += count[type]!
                    partAnswers[p, default: 0] += answers[type]!
                    if examples[p, default: []].count < 3 && vocabulary[type] != p { examples[p, default: []].append(vocabulary[type]) }
                }
            }
            rows += partAnswers.filter { $0.value >= options.minAnswers }
                .map { SuggestionRow(kind: .uncoveredPart, theme: "", term: $0.key, count: partCount[$0.key]!, answers: $0.value,
                                     score: Double($0.value), detail: (examples[$0.key] ?? []).sorted().joined(separator: " ")) }
                .sorted(by: order).prefix(options.top)
        }

        // 2. Words associated with each theme's coded answers.
        let documents = tokens.map { $0.filter { $0.kind == .word }.map { vocabulary[$0.type] } }
        let answered = responses.map(\.isAnswered)
        for (t, theme) in themes.enumerated() where !theme.hidden {
            let side: [Bool?] = codings.enumerated().map { k, c in answered[k] ? c.has(t) : nil }
            let key = Keyness.compare(comparison: theme.id, target: "coded", reference: "not coded", unit: "word", documents: documents,
                                      inTarget: side, minFrequency: options.minAnswers, top: options.top)
            for r in key where r.logRatio > 0 && r.pValue < 0.05 && isContent(r.term) {
                guard let id = vocabulary.id(of: r.term) else { continue }
                let covered = coveringThemes(id)
                let detail: String
                if covered.contains(t) {
                    detail = "covered by this theme"
                } else if covered.isEmpty {
                    detail = "uncovered"
                } else {
                    detail = "covered by " + covered.sorted().map { themes[$0].id }.joined(separator: ", ")
                }
                rows.append(SuggestionRow(kind: .associated, theme: theme.id, term: r.term, count: r.a, answers: answers[id] ?? 0,
                                          score: r.g2, detail: detail))
            }
        }

        // 3. Spelling variants of entry literals among uncovered corpus words.
        for theme in themes {
            var found: [String: (Int, String)] = [:]
            for literal in literals(of: theme) {
                let allowed = EditDistance.allowed(forLength: literal.text.count)
                guard allowed > 0 else { continue }
                for type in uncovered {
                    let w = vocabulary[type]
                    guard abs(w.count - literal.text.count) <= allowed || literal.isPrefix else { continue }
                    let d = EditDistance.distance(w, toLiteral: literal.text, isPrefix: literal.isPrefix)
                    if d > 0 && d <= allowed && (found[w]?.0 ?? Int.max) > d { found[w] = (d, literal.label) }
                }
            }
            var variants: [SuggestionRow] = []
            for (w, v) in found {
                let id = vocabulary.id(of: w)!
                variants.append(SuggestionRow(kind: .variant, theme: theme.id, term: w, count: count[id] ?? 0, answers: answers[id] ?? 0,
                                              score: Double(v.0), detail: "close to \(v.1)"))
            }
            variants.sort { a, b in
                if a.score != b.score { return a.score < b.score }
                if a.answers != b.answers { return a.answers > b.answers }
                return a.term < b.term
            }
            rows += variants.prefix(options.top)
        }
        return rows
    }

    /// The literal strings of a theme's entries: words, lemmas, parts, and globs without their wildcards.
    static func literals(of theme: Theme) -> [(text: String, isPrefix: Bool, label: String)] {
        var out: [(String, Bool, String)] = []
        func add(_ p: TokenPattern) {
            switch p {
            case .word(let s), .lemma(let s): out.append((s.lowercased(), false, p.description))
            case .part(let s): out.append((s.lowercased(), true, p.description))
            case .glob(let g):
                let core = g.trimmingCharacters(in: CharacterSet(charactersIn: "*?"))
                if !core.isEmpty && !core.contains("*") && !core.contains("?") { out.append((core, g.hasSuffix("*") || g.hasSuffix("?"), p.description)) }
            case .regex: break
            }
        }
        for e in theme.entries {
            switch e.pattern {
            case .token(let p): add(p)
            case .phrase(let ps, _): ps.forEach(add)
            }
        }
        return out
    }

    /// The suggestions as CSV: kind, theme, term, count, answers, score, detail.
    public static func csv(_ rows: [SuggestionRow]) -> Data {
        var w = CSVWriter()
        w.row(["kind", "theme", "term", "count", "answers", "score", "detail"])
        for r in rows {
            w.row([r.kind.rawValue, r.theme, r.term, String(r.count), String(r.answers),
                   r.kind == .associated ? String(format: "%.6f", r.score) : String(Int(r.score)), r.detail])
        }
        return w.data
    }
}
