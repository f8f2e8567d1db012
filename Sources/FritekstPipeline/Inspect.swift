import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstMorphology
import FritekstText

/// Looks into single answers and concordances: the library side of `fritekst explain` and `fritekst kwic`.
public enum Inspect {
    /// One answer explained: the response, its coding, per-theme traces and the compiled codebook.
    public struct Explanation {
        public var response: Response
        public var coded: CodedAnswer
        public var traces: [ThemeTrace]
        public var compiled: CompiledCodebook
    }

    /// Codes the answer with `id` from `input` and traces every theme decision.
    public static func explain(input: JobInput, codebookPath: String, id: String) throws -> Explanation {
        let (responses, _, _) = try JobRunner.readInputs([input], groupBy: [])
        guard let response = responses.first(where: { $0.id == id }) else {
            throw FritekstError(.input, "no respondent with id '\(id)'", file: input.path, column: input.mapping.id ?? "row")
        }
        let cb = try JobRunner.loadCodebook(codebookPath)
        let compiled = try CompiledCodebook(cb, lemmas: try JobRunner.defaultLemmas(for: cb))
        var interner = Interner()
        var tokens: [Token] = []
        if response.isAnswered { interner.tokens(of: response.text, tokenizer: compiled.tokenizer, into: &tokens) }
        compiled.resolve(interner.vocabulary)
        var text = response.text
        let (coded, traces) = text.withUTF8 { Coder(compiled).explain(tokens: tokens, text: $0) }
        return Explanation(response: response, coded: coded, traces: traces, compiled: compiled)
    }

    /// Concordance lines for theme `theme` of `codebook` (or its only theme) over `input`.
    public static func kwic(input: JobInput, codebook: Codebook, theme: String?, groups: [String], window: Int) throws
        -> (lines: [KWICLine], accounting: RowAccounting) {
        let (responses, accounting, _) = try JobRunner.readInputs([input], groupBy: groups)
        var themeIndex = 0
        if let theme {
            guard let i = codebook.themes.firstIndex(where: { $0.id == theme }) else {
                throw FritekstError(.usage, "no theme '\(theme)' in the codebook (themes: \(codebook.themes.map(\.id).joined(separator: ", ")))",
                                    file: codebook.file)
            }
            themeIndex = i
        }
        let compiled = try CompiledCodebook(codebook, lemmas: try JobRunner.defaultLemmas(for: codebook))
        let coded = JobRunner.code(responses, with: compiled, keepTokens: true)
        var lines: [KWICLine] = []
        for (k, r) in responses.enumerated() {
            guard let hit = coded.codings[k].hits.first(where: { $0.theme == themeIndex }) else { continue }
            for m in hit.matches {
                let c = KWIC.context(text: r.text, tokens: coded.tokens[k], first: Int(m.firstToken), end: Int(m.endToken), window: window)
                lines.append(KWICLine(id: r.id, groups: groups.map { r.fields[$0] ?? "" }, left: c.left, match: c.match, right: c.right,
                                      source: compiled.label(ofSource: m.entry), sentence: Int(m.sentence)))
            }
        }
        return (lines, accounting)
    }
}

/// What the text stage and the morphology made of one token (the `fritekst analyze` JSON shape).
public struct TokenAnalysis: Sendable, Codable, Equatable {
    public var original: String
    public var normalized: String
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var stem: String
    public var lemma: String
    public var lemmas: [String]
    public var parts: [String]
    public var flags: [String]
    public var suggestion: String?
}

extension Inspect {
    /// Normalises, tokenises and analyses `text` token by token (morphology once per type).
    public static func analyze(_ text: String, morphology: Morphology) -> [TokenAnalysis] {
        let tokenizer = Tokenizer(mode: .norwegian, knownWord: { morphology.isKnownWord($0) })
        var interner = Interner()
        var tokens: [Token] = []
        interner.tokens(of: text, tokenizer: tokenizer, into: &tokens)
        let bytes = Array(text.utf8)
        var perType: [TypeID: WordAnalysis] = [:]
        return tokens.map { t in
            let normalized = interner.vocabulary[t.type]
            var flags: [String] = []
            switch t.kind {
            case .word: break
            case .number: flags.append("number")
            case .abbreviation: flags.append("abbreviation")
            case .email: flags.append("email")
            case .url: flags.append("url")
            case .symbol: flags.append("symbol")
            }
            let original = String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
            if original.contains("\n") { flags.append("line_break_repaired") }
            guard t.kind == .word, normalized.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
                return TokenAnalysis(original: original, normalized: normalized, sentence: Int(t.sentence), start: Int(t.start),
                                     end: Int(t.end), stem: normalized, lemma: normalized, lemmas: [normalized], parts: [], flags: flags,
                                     suggestion: nil)
            }
            let a = perType[t.type] ?? morphology.analyze(normalized)
            perType[t.type] = a
            if !a.known { flags.append("unknown") }
            if a.suggestion != nil { flags.append("spelling_suggestion") }
            if let v = a.variety { flags.append(v.rawValue) }
            return TokenAnalysis(original: original, normalized: normalized, sentence: Int(t.sentence), start: Int(t.start), end: Int(t.end),
                                 stem: a.stem, lemma: a.lemma, lemmas: a.lemmas.isEmpty ? [a.lemma] : a.lemmas, parts: a.parts,
                                 flags: flags, suggestion: a.suggestion)
        }
    }
}

/// The JSON document `fritekst analyze --format json` prints.
public struct AnalyzeOutput: Codable, Sendable {
    public var tokens: [TokenAnalysis]
    /// Creates the document.
    public init(tokens: [TokenAnalysis]) { self.tokens = tokens }
}
