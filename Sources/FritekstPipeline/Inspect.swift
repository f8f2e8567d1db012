import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
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
        if response.isAnswered { interner.tokens(of: response.text, tokenizer: Tokenizer(mode: cb.tokenizerMode), into: &tokens) }
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
