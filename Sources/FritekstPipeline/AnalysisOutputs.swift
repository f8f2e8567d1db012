import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstPrivacy
import FritekstReport
import FritekstText

/// Options of the analysis tables (the `analysis:` section of a pipeline file).
public struct AnalysisOptions: Sendable {
    /// Share of answered respondents (default) or of all respondents.
    public var denominator: Denominator = .answered
    /// Add margin rows (`(alle)`) for every coarser grouping to the crosstabs.
    public var margins = false
    /// Add a theme for each dotted parent of a quanteda dictionary (`digitalisering` over `.systemer`, `.generelt`).
    public var dottedParents = false
    /// Small-cell threshold used when selecting quotes (no quote from a smaller group).
    public var minCell = 5
    /// Closed items for `theme_items.csv`; nil = every column whose name starts with `q_`.
    public var items: [String]?
    /// Variables compared in `keyness.csv`; nil = `group_by`.
    public var keynessBy: [String]?
    /// Terms kept per comparison and direction, and the minimum joint frequency.
    public var keynessTop = 20
    public var keynessMinFrequency = 3
    /// Also compare answers coded vs not coded for each theme.
    public var keynessThemes = true
    /// Quotes per theme and per theme × group; length bounds; label variables shown beside a quote.
    public var quotes = QuoteOptions()
    public var quoteLabels = ["role", "employer"]
    /// Bands for numeric grouping variables (closed items): variable → bands such as `1-2`, `3`, `4-5`.
    public var bands: [String: [ValueBand]] = [:]

    /// Default options.
    public init() {}

    /// The group value of `value` for variable `name`: its band when the variable is banded.
    public func groupValue(_ name: String, _ value: String) -> String {
        guard let bs = bands[name] else { return value }
        guard let x = Double(value.replacingOccurrences(of: ",", with: ".")) else { return value }
        return bs.first { $0.low <= x && x <= $0.high }?.label ?? "(utenfor)"
    }

    /// The `analysis:` section as written in a pipeline file.
    public struct Section: Decodable, Sendable {
        public var denominator: String?
        public var margins: Bool?
        public var dotted_parents: Bool?
        public var min_cell: Int?
        public var items: [String]?
        public var keyness_by: [String]?
        public var keyness_top: Int?
        public var keyness_min_frequency: Int?
        public var keyness_themes: Bool?
        public var quotes: Int?
        public var quotes_by_group: Bool?
        public var quote_min_chars: Int?
        public var quote_max_chars: Int?
        public var quote_labels: [String]?
        public var bands: [String: [String]]?
    }

    /// Options from a pipeline section; `file` names the pipeline in errors.
    public init(_ s: Section, file: String) throws {
        if let d = s.denominator {
            guard let v = Denominator(rawValue: d) else {
                throw FritekstError(.pipeline, "analysis.denominator must be answered or all, not '\(d)'", file: file)
            }
            denominator = v
        }
        margins = s.margins ?? margins
        dottedParents = s.dotted_parents ?? dottedParents
        if let m = s.min_cell {
            guard m >= 1 else { throw FritekstError(.pipeline, "analysis.min_cell must be at least 1", file: file) }
            minCell = m
        }
        items = s.items
        keynessBy = s.keyness_by
        keynessTop = s.keyness_top ?? keynessTop
        keynessMinFrequency = s.keyness_min_frequency ?? keynessMinFrequency
        keynessThemes = s.keyness_themes ?? keynessThemes
        quotes.perGroup = s.quotes ?? quotes.perGroup
        quotes.byGroup = s.quotes_by_group ?? quotes.byGroup
        quotes.minChars = s.quote_min_chars ?? quotes.minChars
        quotes.maxChars = s.quote_max_chars ?? quotes.maxChars
        quoteLabels = s.quote_labels ?? quoteLabels
        for (name, list) in s.bands ?? [:] {
            bands[name] = try list.map { b in
                guard let band = ValueBand(b) else {
                    throw FritekstError(.pipeline, "analysis.bands.\(name): '\(b)' is not a band (write 3 or 1-2)", file: file)
                }
                return band
            }
        }
    }
}

/// A closed range of numeric values shown as one group (`1-2`, `3`, `4-5`).
public struct ValueBand: Sendable, Equatable {
    public var label: String
    public var low: Double
    public var high: Double

    /// Parses `3`, `1-2` or `1–2` (en dash); nil when it is neither.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let lo = Double(parts[0]), let hi = Double(parts.last!), lo <= hi else { return nil }
        label = t; low = lo; high = hi
    }
}

/// Lower-cased word tokens (and lemmas, with morphology) of every respondent, for keyness and quotes.
/// Words and lemmas are term ids into `wordTerms` / `lemmaTerms`.
typealias Documents = (words: [[Int32]], wordTerms: [String], lemmas: [[Int32]]?, lemmaTerms: [String],
                       types: [Set<Int32>], tokenCounts: [Int])

/// Holds the documents once computed (a context is a value; the cache is shared by its copies).
final class DocumentCache {
    var value: Documents?
}

/// Everything the analysis tables are computed from.
public struct AnalysisContext {
    public var responses: [Response]
    public var codings: [CodedAnswer]
    public var compiled: CompiledCodebook
    /// Grouping variables, and each respondent's group values and theme flags (codebook order).
    public var groupBy: [String]
    public var respondents: [CodedRespondent]
    public var options: AnalysisOptions
    public var lemmaProvider: (any LemmaProvider)?
    /// Redaction spans per response (same order); when set, quotes show redacted text and evidence.
    public var redaction: [[RedactionSpan]]?
    /// Wave of each respondent record when the records are counted rather than one per response (streamed runs).
    public var respondentWaves: [String]?
    /// Word documents for keyness and quotes, made once per context (both tables need them).
    let documentCache = DocumentCache()

    /// Creates a context.
    public init(responses: [Response], codings: [CodedAnswer], compiled: CompiledCodebook, groupBy: [String],
                respondents: [CodedRespondent], options: AnalysisOptions, lemmaProvider: (any LemmaProvider)? = nil) {
        self.responses = responses; self.codings = codings; self.compiled = compiled; self.groupBy = groupBy
        self.respondents = respondents; self.options = options; self.lemmaProvider = lemmaProvider
    }

    /// Theme ids and respondents, with dotted parents added when the options ask for them.
    public var themed: ([String], [CodedRespondent]) {
        let ids = compiled.codebook.visibleThemes.map(\.theme.id)
        return options.dottedParents ? ThemeCrosstab.withDottedParents(themes: ids, respondents: respondents) : (ids, respondents)
    }

    /// Codebook theme indices that count for each theme of `themed` (itself, or the dotted children).
    var themeMembers: [Set<Int>] {
        let ids = compiled.codebook.themes.map(\.id)          // hits carry codebook indices, hidden themes included
        return themed.0.map { t in ids.firstIndex(of: t).map { [$0] } ?? Set(ThemeTree.members(of: t, in: ids)) }
    }
}

/// Writers of the analysis tables (`crosstab.csv` with tests, `cooccurrence.csv`, `theme_items.csv`,
/// `keyness.csv`, `waves.csv`, `quotes.csv`). Counts are plain integers so that a small-cell
/// suppression pass can replace them.
public enum AnalysisOutputs {
    static func f(_ x: Double?) -> String { x.map(NumberFormat.fraction) ?? "" }
    /// A respondent count, or `<N` when under the small-cell threshold.
    static func n(_ x: Int, _ ctx: AnalysisContext) -> String {
        ctx.options.minCell > 1 && x < ctx.options.minCell ? Suppression.label(minCell: ctx.options.minCell) : String(x)
    }
    /// True when a count is shown (not under the threshold).
    static func shown(_ x: Int, _ ctx: AnalysisContext) -> Bool { !(ctx.options.minCell > 1 && x < ctx.options.minCell) }
    static func p(_ x: Double?) -> String { x.map(NumberFormat.pValue) ?? "" }

    /// Groups whose size no output may show (tables and the group values next to answers).
    public static func hiddenGroupSizes(_ ctx: AnalysisContext) -> Set<[String]> {
        let sizes = ThemeCrosstab.groupSizes(respondents: ctx.respondents, denominator: ctx.options.denominator,
                                             margins: ctx.options.margins)
        return Suppression.hiddenGroupSizes(sizes, minCell: ctx.options.minCell)
    }

    /// The rows of `crosstab.csv` / `themes_by_group.csv` with what small-cell suppression leaves shown
    /// (the reports show exactly these).
    public static func crosstabRows(_ ctx: AnalysisContext) -> [ShownThemeGroupRow] {
        let (themes, respondents) = ctx.themed
        let rows = ThemeCrosstab.compute(themes: themes, respondents: respondents, denominator: ctx.options.denominator,
                                         margins: ctx.options.margins)
        // Small cells: group sizes once for all themes (the same set hides group values next to answers);
        // coded counts per theme, with margins.
        let minCell = ctx.options.minCell
        let hiddenSizes = hiddenGroupSizes(ctx)
        let codedHidden = Suppression.hide(rows.map { .init(theme: $0.theme, group: $0.group, value: $0.nCoded) }, minCell: minCell)
        return rows.enumerated().map { k, r in
            let sizeShown = !hiddenSizes.contains(r.group)
            return ShownThemeGroupRow(row: r, sizeShown: sizeShown, codedShown: sizeShown && !codedHidden[k])
        }
    }

    /// `crosstab.csv`: the contract columns, then `cramers_v`, `p_holm`, `flag`, `denominator`.
    public static func crosstabCSV(_ ctx: AnalysisContext) -> Data { crosstabCSV(ctx, rows: crosstabRows(ctx)) }

    /// `crosstab.csv` from rows already computed by `crosstabRows`.
    public static func crosstabCSV(_ ctx: AnalysisContext, rows: [ShownThemeGroupRow]) -> Data {
        let label = Suppression.label(minCell: ctx.options.minCell)
        var w = CSVWriter()
        w.row(["theme"] + ctx.groupBy + ["n_group", "n_coded", "share", "ci_low", "ci_high", "p_value", "test",
                                         "cramers_v", "p_holm", "flag", "denominator"])
        for s in rows {
            let r = s.row
            let sizeShown = s.sizeShown
            let codedShown = s.codedShown
            w.row([r.theme] + r.group + [sizeShown ? String(r.nGroup) : label, codedShown ? String(r.nCoded) : label,
                                         codedShown ? f(r.share) : "", codedShown ? f(r.ciLow) : "", codedShown ? f(r.ciHigh) : "",
                                         p(r.pValue), r.test, f(r.cramersV), p(r.pHolm), r.flag, r.denominator.rawValue])
        }
        return w.data
    }

    /// `cooccurrence.csv`: theme_a, theme_b, n_a, n_b, n_both, jaccard (answered respondents; a = b is the diagonal).
    public static func cooccurrenceCSV(_ ctx: AnalysisContext) -> Data { cooccurrenceCSV(ctx, rows: cooccurrenceRows(ctx)) }

    /// The co-occurrence pairs with what small-cell suppression leaves shown.
    public static func cooccurrenceRows(_ ctx: AnalysisContext) -> [ShownCooccurrence] {
        let (themes, respondents) = ctx.themed
        return ThemeRelations.cooccurrence(themes: themes, respondents: respondents).map { r in
            ShownCooccurrence(row: r, shownA: shown(r.nA, ctx), shownB: shown(r.nB, ctx), shownBoth: shown(r.nBoth, ctx))
        }
    }

    /// `cooccurrence.csv` from rows already computed by `cooccurrenceRows`.
    public static func cooccurrenceCSV(_ ctx: AnalysisContext, rows: [ShownCooccurrence]) -> Data {
        let label = Suppression.label(minCell: ctx.options.minCell)
        var w = CSVWriter()
        w.row(["theme_a", "theme_b", "n_a", "n_b", "n_both", "jaccard"])
        for s in rows {
            let r = s.row
            w.row([r.themeA, r.themeB, s.shownA ? String(r.nA) : label, s.shownB ? String(r.nB) : label,
                   s.shownBoth ? String(r.nBoth) : label, s.shownBoth ? f(r.jaccard) : ""])
        }
        return w.data
    }

    /// The closed items used: the configured ones, or every `q_*` field in input order of names.
    static func items(_ ctx: AnalysisContext) -> [String] {
        if let items = ctx.options.items { return items }
        var names = Set<String>()
        for r in ctx.responses { for k in r.fields.keys where k.hasPrefix("q_") { names.insert(k) } }
        return names.sorted()
    }

    /// A closed-item score: a number (decimal comma allowed), nil when blank or not a number.
    static func score(_ s: String?) -> Double? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return Double(s.replacingOccurrences(of: ",", with: "."))
    }

    /// `theme_items.csv`: theme, item, n_with, mean_with, n_without, mean_without, difference, t, df, p_value, p_holm, flag.
    public static func themeItemsCSV(_ ctx: AnalysisContext) throws -> Data {
        let (themes, respondents) = ctx.themed
        let items = items(ctx)
        for item in items where !ctx.responses.contains(where: { $0.fields[item] != nil }) {
            throw FritekstError(.input, "no such closed item column", column: item)
        }
        let scores = items.map { item in ctx.responses.map { score($0.fields[item]) } }
        var w = CSVWriter()
        w.row(["theme", "item", "n_with", "mean_with", "n_without", "mean_without", "difference", "t", "df", "p_value", "p_holm", "flag"])
        for r in ThemeRelations.themeItems(themes: themes, items: items, scores: scores, respondents: respondents) {
            let both = shown(r.nWith, ctx) && shown(r.nWithout, ctx)
            w.row([r.theme, r.item, n(r.nWith, ctx), both ? f(r.meanWith) : "", n(r.nWithout, ctx), both ? f(r.meanWithout) : "",
                   both ? f(r.difference) : "",
                   f(r.t), f(r.df), p(r.pValue), p(r.pHolm), r.flag])
        }
        return w.data
    }

    /// Word (and, with a lemma provider, lemma) documents of every respondent: lower-cased word tokens.
    static func documents(_ ctx: AnalysisContext) -> Documents {
        if let cached = ctx.documentCache.value { return cached }
        let docs = makeDocuments(ctx)
        ctx.documentCache.value = docs
        return docs
    }

    /// Tokenises the answers again with the coding's own tokenizer (keeping every answer's tokens from
    /// coding would cost far more memory on large runs than this second pass costs time).
    static func makeDocuments(_ ctx: AnalysisContext) -> Documents {
        let tokenizer = ctx.compiled.tokenizer
        var interner = Interner()
        var types: [Set<Int32>] = [], counts: [Int] = []
        var wordIDs: [[TypeID]] = []
        // Batch by batch on all cores, as coding does (the same ids as one answer at a time).
        var start = 0
        while start < ctx.responses.count {
            let end = min(ctx.responses.count, start + JobRunner.batchRows)
            for tokens in interner.tokens(of: ctx.responses[start..<end], tokenizer: tokenizer,
                                          threads: ProcessInfo.processInfo.activeProcessorCount) {
                let ws = tokens.filter { $0.kind == .word }.map(\.type)
                wordIDs.append(ws)
                types.append(Set(ws))
                counts.append(tokens.count)
            }
            start = end
        }
        let vocabulary = interner.vocabulary
        var lemmas: [[Int32]]?
        var lemmaTerms: [String] = []
        if let lp = ctx.lemmaProvider {
            // One lemma per type, interned: lemma documents are id arrays like the word documents.
            var lemmaIDs: [String: Int32] = [:]
            let ofType = vocabulary.types.map { type -> Int32 in
                let l = lp.lemmaInfo(type).lemmas.first ?? type
                if let id = lemmaIDs[l] { return id }
                let id = Int32(lemmaTerms.count)
                lemmaIDs[l] = id
                lemmaTerms.append(l)
                return id
            }
            lemmas = wordIDs.map { $0.map { ofType[Int($0)] } }
        }
        return (wordIDs, vocabulary.types, lemmas, lemmaTerms, types, counts)
    }

    /// `keyness.csv`: comparison, target, reference, unit, term, a, b, c, d, n_target, n_reference, g2, p_value, log_ratio.
    public static func keynessCSV(_ ctx: AnalysisContext) throws -> Data {
        let docs = documents(ctx)
        let answered = ctx.responses.map(\.isAnswered)
        var rows: [KeynessRow] = []
        func compare(_ comparison: String, _ target: String, _ reference: String, _ side: [Bool?]) {
            let s = zip(side, answered).map { $1 ? $0 : nil }
            for (unit, d, terms) in [("word", docs.words, docs.wordTerms)] + (docs.lemmas.map { [("lemma", $0, docs.lemmaTerms)] } ?? []) {
                rows += Keyness.compare(comparison: comparison, target: target, reference: reference, unit: unit, documents: d, terms: terms,
                                        inTarget: s, minFrequency: ctx.options.keynessMinFrequency, top: ctx.options.keynessTop)
            }
        }
        for v in ctx.options.keynessBy ?? ctx.groupBy {
            guard ctx.responses.contains(where: { $0.fields[v] != nil }) else {
                throw FritekstError(.input, "no such column for keyness", column: v)
            }
            let values = ctx.responses.map { ($0.fields[v] ?? "").trimmingCharacters(in: .whitespaces) }
            let distinct = Set(zip(values, answered).filter { $0.1 && !$0.0.isEmpty }.map(\.0)).sorted()
            if distinct.count == 2 {
                // Two values: the larger group is the reference (statlig vs kommunal → kommunal vs statlig when fewer kommunal).
                let n0 = zip(values, answered).filter { $1 && $0 == distinct[0] }.count
                let n1 = zip(values, answered).filter { $1 && $0 == distinct[1] }.count
                let (t, r) = n0 <= n1 ? (distinct[0], distinct[1]) : (distinct[1], distinct[0])
                compare("\(v): \(t) vs \(r)", t, r, values.map { $0 == t ? true : $0 == r ? false : nil })
            } else if distinct.count > 2 {
                for t in distinct {
                    compare("\(v): \(t) vs rest", t, "rest", values.map { $0.isEmpty ? nil : $0 == t })
                }
            }
        }
        if ctx.options.keynessThemes {
            let (themes, respondents) = ctx.themed
            for (t, theme) in themes.enumerated() {
                compare("theme: \(theme) coded vs not", "coded", "not coded", respondents.map { $0.themes[t] })
            }
        }
        var w = CSVWriter()
        w.row(["comparison", "target", "reference", "unit", "term", "a", "b", "c", "d", "n_target", "n_reference", "g2", "p_value", "log_ratio"])
        for r in rows {
            w.row([r.comparison, r.target, r.reference, r.unit, r.term, n(r.a, ctx), n(r.b, ctx), n(r.c, ctx), n(r.d, ctx),
                   String(r.nTarget), String(r.nReference), f(r.g2), p(r.pValue), f(r.logRatio)])
        }
        return w.data
    }

    /// `waves.csv`: theme, wave, n_group, n_coded, share, ci_low, ci_high, previous_wave, difference,
    /// diff_ci_low, diff_ci_high, p_value, test. The wave is the `wave` field (input wave or column).
    public static func wavesCSV(_ ctx: AnalysisContext) -> Data {
        let (themes, respondents) = ctx.themed
        let waves = ctx.respondentWaves ?? ctx.responses.map { r -> String in
            let w = (r.fields["wave"] ?? "").trimmingCharacters(in: .whitespaces)
            return w.isEmpty ? JobRunner.missingGroup : w
        }
        var w = CSVWriter()
        w.row(["theme", "wave", "n_group", "n_coded", "share", "ci_low", "ci_high", "previous_wave", "difference",
               "diff_ci_low", "diff_ci_high", "p_value", "test"])
        for r in Waves.compare(themes: themes, respondents: respondents, waves: waves, denominator: ctx.options.denominator) {
            let cell = shown(r.nGroup, ctx) && shown(r.nCoded, ctx)
            w.row([r.theme, r.wave, n(r.nGroup, ctx), cell ? String(r.nCoded) : Suppression.label(minCell: ctx.options.minCell),
                   cell ? f(r.share) : "", cell ? f(r.ciLow) : "", cell ? f(r.ciHigh) : "", r.previousWave ?? "",
                   r.difference.map { String(format: "%.6f", $0) } ?? "", r.diffLow.map { String(format: "%.6f", $0) } ?? "",
                   r.diffHigh.map { String(format: "%.6f", $0) } ?? "", p(r.pValue), r.test])
        }
        return w.data
    }

    /// `quotes.csv`: theme, by-columns, group_n, cell_n, rank, id, label columns, chars, density, score, evidence, text.
    public static func quotesCSV(_ ctx: AnalysisContext) -> Data { quotesCSV(ctx, rows: quoteRows(ctx)) }

    /// The label variables shown beside a quote (those of `quote_labels` that the input has).
    public static func quoteLabelVariables(_ ctx: AnalysisContext) -> [String] {
        ctx.options.quoteLabels.filter { v in ctx.responses.contains { $0.fields[v] != nil } }
    }

    /// The selected quotes; with `ctx.redaction`, text and evidence are redacted (and selected as redacted).
    public static func quoteRows(_ ctx: AnalysisContext) -> [QuoteRow] {
        let (themes, respondents) = ctx.themed
        let members = ctx.themeMembers
        let docs = documents(ctx)
        let labelVars = quoteLabelVariables(ctx)
        var sources: [QuoteSource] = []
        for (k, r) in ctx.responses.enumerated() {
            let c = ctx.codings[k]
            var matched = Array(repeating: 0, count: themes.count)
            var evidence: [Int: String] = [:]
            for t in themes.indices where respondents[k].themes[t] {
                var positions = Set<Int32>()
                for h in c.hits where members[t].contains(h.theme) {
                    for m in h.matches { for p in m.firstToken..<m.endToken { positions.insert(p) } }
                }
                matched[t] = positions.count
                evidence[t] = CodingEngine.evidence(c, themes: members[t], text: r.text, compiled: ctx.compiled,
                                                    redacting: ctx.redaction?[k] ?? [])
            }
            let labels = labelVars.map { v -> String in
                let s = (r.fields[v] ?? "").trimmingCharacters(in: .whitespaces)
                return s.isEmpty ? JobRunner.missingGroup : s
            }
            let spans = ctx.redaction?[k] ?? []
            let text = spans.isEmpty ? r.text : Redactor.apply(spans, to: r.text)
            sources.append(QuoteSource(id: r.id, text: text, answered: r.isAnswered, group: respondents[k].groupValues, labels: labels,
                                       tokenCount: docs.tokenCounts[k], types: docs.types[k], matched: matched,
                                       coded: respondents[k].themes, evidence: evidence))
        }
        var opts = ctx.options.quotes
        opts.minCell = ctx.options.minCell
        return Quotes.select(themes: themes, sources: sources, options: opts)
    }

    /// `quotes.csv` from rows already selected by `quoteRows`.
    public static func quotesCSV(_ ctx: AnalysisContext, rows: [QuoteRow]) -> Data {
        let labelVars = quoteLabelVariables(ctx)
        var w = CSVWriter()
        w.row(["theme"] + ctx.groupBy + ["group_n", "cell_n", "rank", "id"] + labelVars.map { "label_" + $0 } + ["chars", "density", "score", "evidence", "text"])
        for q in rows {
            w.row([q.theme] + q.group + [String(q.groupN), String(q.cellN), String(q.rank), q.id] + q.labels
                  + [String(q.chars), f(q.density), String(format: "%.6f", q.score), q.evidence, q.text])
        }
        return w.data
    }
}
