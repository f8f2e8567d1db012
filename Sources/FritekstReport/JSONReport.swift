import Foundation
import FritekstAnalysis
import FritekstCore

/// Writes `coded.json` (schema `fritekst.coded/1`, documented in the README): provenance, accounting,
/// codebook, one record per respondent and the published tables, with hidden counts as `null`.
public enum JSONReport {
    /// The schema name written in the file.
    public static let schema = "fritekst.coded/1"

    /// The JSON document as UTF-8 bytes (keys in a fixed order, one respondent or table row per line).
    public static func data(_ d: ReportData) -> Data {
        var o = "{\n"
        o += "  \"schema\": \(str(schema)),\n"
        o += "  \"title\": \(str(d.title)),\n"
        o += "  \"provenance\": \(provenance(d.provenance)),\n"
        let a = d.accounting
        o += "  \"accounting\": {\"rows_read\": \(a.rowsRead), \"answered\": \(a.answered), \"empty\": \(a.empty), "
            + "\"skipped\": [\(a.skipped.map { "{\"file\": \(opt($0.file)), \"line\": \($0.line), \"reason\": \(str($0.reason))}" }.joined(separator: ", "))], "
            + "\"duplicate_ids\": \(a.duplicateIDs.count)},\n"
        o += "  \"min_cell\": \(d.minCell),\n"
        o += "  \"denominator\": \(str(d.denominator.rawValue)),\n"
        o += "  \"group_by\": [\(d.groupBy.map(str).joined(separator: ", "))],\n"
        o += "  \"codebook\": {\"name\": \(str(d.codebook.name)), \"version\": \(opt(d.codebook.version)), \"themes\": [\n"
        o += d.codebook.themes.filter { !$0.hidden }.map { t in
            "    {\"id\": \(str(t.id)), \"label\": \(str(t.label)), \"label_en\": \(opt(t.labelEnglish)), "
                + "\"definition\": \(opt(t.definition)), \"parent\": \(opt(t.parent)), \"patterns\": \(str(Workbook.patterns(t)))}"
        }.joined(separator: ",\n")
        o += "\n  ]},\n"
        o += "  \"themes\": [\n" + d.themes.indices.map { t in
            let ov = d.overall(t)
            return "    {\"id\": \(str(d.themes[t].id)), \"n_coded\": \(int(d.shownCoded(t))), \"share\": \(num(ov?.share)), "
                + "\"ci_low\": \(num(ov?.low)), \"ci_high\": \(num(ov?.high))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        o += "  \"respondents\": [\n" + d.respondents.map { r in
            let groups = zip(d.groupBy, r.groups).map { "\(str($0)): \(str($1))" }.joined(separator: ", ")
            let themes = zip(d.themes, r.themes).map { "\(str($0.id)): \($1 ? 1 : 0)" }.joined(separator: ", ")
            return "    {\"id\": \(str(r.id)), \"groups\": {\(groups)}, \"answered\": \(r.answered), \"text\": \(str(r.text)), "
                + "\"themes\": {\(themes)}, \"evidence\": \(str(r.evidence))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        o += "  \"themes_by_group\": [\n" + d.crosstab.map { s in
            let r = s.row
            let groups = zip(d.groupBy, r.group).map { "\(str($0)): \(str($1))" }.joined(separator: ", ")
            return "    {\"theme\": \(str(r.theme)), \"group\": {\(groups)}, \"n_group\": \(int(s.sizeShown ? r.nGroup : nil)), "
                + "\"n_coded\": \(int(s.codedShown ? r.nCoded : nil)), \"share\": \(num(s.codedShown ? r.share : nil)), "
                + "\"ci_low\": \(num(s.codedShown ? r.ciLow : nil)), \"ci_high\": \(num(s.codedShown ? r.ciHigh : nil)), "
                + "\"p_value\": \(num(r.pValue)), \"test\": \(str(r.test)), \"cramers_v\": \(num(r.cramersV)), "
                + "\"p_holm\": \(num(r.pHolm)), \"flag\": \(str(r.flag)), \"margin\": \(r.isMargin)}"
        }.joined(separator: ",\n") + "\n  ],\n"
        o += "  \"cooccurrence\": [\n" + d.cooccurrence.map { s in
            let r = s.row
            return "    {\"theme_a\": \(str(r.themeA)), \"theme_b\": \(str(r.themeB)), \"n_a\": \(int(s.shownA ? r.nA : nil)), "
                + "\"n_b\": \(int(s.shownB ? r.nB : nil)), \"n_both\": \(int(s.shownBoth ? r.nBoth : nil)), "
                + "\"jaccard\": \(num(s.shownBoth ? r.jaccard : nil))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        o += "  \"quotes\": [\n" + d.quotes.map { q in
            let groups = zip(d.groupBy, q.group).map { "\(str($0)): \(str($1))" }.joined(separator: ", ")
            let labels = zip(d.quoteLabels, q.labels).map { "\(str($0)): \(str($1))" }.joined(separator: ", ")
            return "    {\"theme\": \(str(q.theme)), \"group\": {\(groups)}, \"group_n\": \(q.groupN), \"cell_n\": \(q.cellN), "
                + "\"rank\": \(q.rank), \"id\": \(str(q.id)), \"labels\": {\(labels)}, \"text\": \(str(q.text)), \"evidence\": \(str(q.evidence))}"
        }.joined(separator: ",\n") + "\n  ]\n"
        o += "}\n"
        return Data(o.utf8)
    }

    /// Provenance as a JSON object (`created_at` is null in a reproducible run).
    static func provenance(_ p: Provenance) -> String {
        let inputs = p.inputs.map { "{\"path\": \(str($0.path)), \"format\": \(opt($0.format)), \"fnv1a64\": \(str($0.fnv1a64))}" }
        let cb = p.codebook.map { "{\"path\": \(str($0.path)), \"fnv1a64\": \(str($0.fnv1a64))}" } ?? "null"
        let options = p.options.sorted { $0.key < $1.key }.map { "\(str($0.key)): \(str($0.value))" }
        return "{\"tool\": \(str(p.tool)), \"inputs\": [\(inputs.joined(separator: ", "))], \"codebook\": \(cb), "
            + "\"options\": {\(options.joined(separator: ", "))}, \"created_at\": \(opt(p.createdAt))}"
    }

    /// A JSON string literal.
    public static func str(_ s: String) -> String { JSONText.quote(s) }

    static func opt(_ s: String?) -> String { s.map(str) ?? "null" }
    static func int(_ n: Int?) -> String { n.map(String.init) ?? "null" }
    /// A number with up to 17 significant digits, or null (also for non-finite values).
    static func num(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return "\(x)"
    }
}
