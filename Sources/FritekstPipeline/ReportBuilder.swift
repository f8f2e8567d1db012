import Foundation
import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstPrivacy
import FritekstReport

/// Assembles `ReportData` for the workbook, the HTML page and `coded.json` from a finished coding run.
public enum ReportBuilder {
    /// Report data: respondents redacted (and without group values in hidden groups) as in the *Svar* sheet,
    /// tables as computed for the CSV files.
    public static func data(job: CodingJob, responses: [Response], codings: [CodedAnswer], compiled: CompiledCodebook,
                            accounting: RowAccounting, provenance: Provenance, disclosure: Disclosure, codedPerTheme: [Int],
                            crosstab: [ShownThemeGroupRow], cooccurrence: [ShownCooccurrence], quotes: [QuoteRow],
                            quoteLabels: [String]) -> ReportData {
        let codebook = compiled.codebook
        var rows: [ReportRespondent] = []
        rows.reserveCapacity(responses.count)
        for (k, (r, c)) in zip(responses, codings).enumerated() {
            let spans = disclosure.spans[k]
            let groups = disclosure.hideGroupValues[k] ? job.groupBy.map { _ in disclosure.smallGroupLabel }
                : job.groupBy.map { r.fields[$0] ?? "" }
            rows.append(ReportRespondent(id: r.id, groups: groups, answered: r.isAnswered,
                                         text: spans.isEmpty ? r.text : Redactor.apply(spans, to: r.text),
                                         themes: c.visibleFlags(codebook),
                                         evidence: c.evidence(text: r.text, compiled: compiled, redacting: spans)))
        }
        let title = job.title ?? URL(fileURLWithPath: job.outputDirectory).lastPathComponent
        return ReportData(title: title, description: job.description, provenance: provenance, accounting: accounting,
                          codebook: codebook, themes: codebook.visibleThemes.map(\.theme), codedPerTheme: codedPerTheme,
                          groupBy: job.groupBy, minCell: job.minCell, denominator: job.analysis.denominator, respondents: rows,
                          crosstab: crosstab, cooccurrence: cooccurrence, quotes: quotes, quoteLabels: quoteLabels)
    }
}
