import FritekstAnalysis
import FritekstCore
import FritekstLexicon

/// A theme × group row as published: the computed row and which of its counts survive small-cell suppression.
public struct ShownThemeGroupRow: Sendable, Equatable {
    /// The computed row (counts, interval, test, Cramér's V, Holm, flag).
    public var row: ThemeGroupRow
    /// False when the group's size is hidden (`<N`).
    public var sizeShown: Bool
    /// False when the coded count is hidden; share and interval are then hidden too.
    public var codedShown: Bool

    /// Creates a shown row.
    public init(row: ThemeGroupRow, sizeShown: Bool, codedShown: Bool) {
        self.row = row
        self.sizeShown = sizeShown
        self.codedShown = codedShown
    }

    /// The variables this row's grouping keeps (those not `(alle)`), as indices into `group_by`.
    public var keptVariables: [Int] { row.group.indices.filter { row.group[$0] != ThemeCrosstab.allValue } }
}

/// A co-occurrence pair as published: counts under the threshold are hidden, Jaccard with them.
public struct ShownCooccurrence: Sendable, Equatable {
    /// The computed pair.
    public var row: CooccurrenceRow
    /// Which of n_a, n_b, n_both are shown.
    public var shownA: Bool
    public var shownB: Bool
    public var shownBoth: Bool

    /// Creates a shown pair.
    public init(row: CooccurrenceRow, shownA: Bool, shownB: Bool, shownBoth: Bool) {
        self.row = row
        self.shownA = shownA
        self.shownB = shownB
        self.shownBoth = shownBoth
    }
}

/// One respondent as the reports show it: group values (or the hidden-group label), redacted answer and evidence, theme flags.
public struct ReportRespondent: Sendable, Equatable {
    public var id: String
    /// Values of the `group_by` variables as shown (the hidden-group label for a group under the threshold).
    public var groups: [String]
    public var answered: Bool
    /// The answer with identifiers replaced by markers.
    public var text: String
    /// 0/1 per visible theme (codebook order).
    public var themes: [Bool]
    /// Evidence with matched identifiers redacted.
    public var evidence: String

    /// Creates a respondent record.
    public init(id: String, groups: [String], answered: Bool, text: String, themes: [Bool], evidence: String) {
        self.id = id; self.groups = groups; self.answered = answered; self.text = text; self.themes = themes; self.evidence = evidence
    }
}

/// Everything the analyst reports (workbook, HTML, JSON) are built from, already redacted and suppressed.
///
/// The pipeline fills it from the same computations that write the CSV tables, so every output
/// shows the same numbers and hides the same cells.
public struct ReportData: Sendable {
    /// Job name and description (pipeline `name`, `description`).
    public var title: String
    public var description: String?
    public var provenance: Provenance
    public var accounting: RowAccounting
    public var codebook: Codebook
    /// Visible themes (codebook order) and respondents coded per theme.
    public var themes: [Theme]
    public var codedPerTheme: [Int]
    public var groupBy: [String]
    /// Small-cell threshold (0 or 1: nothing hidden).
    public var minCell: Int
    /// Denominator of the shares (answered or all respondents).
    public var denominator: Denominator
    public var respondents: [ReportRespondent]
    /// The rows of `themes_by_group.csv` (margins included when the job asks for them).
    public var crosstab: [ShownThemeGroupRow]
    /// The rows of `cooccurrence.csv`.
    public var cooccurrence: [ShownCooccurrence]
    /// The rows of `quotes.csv` (text and evidence redacted), and the label variables shown beside a quote.
    public var quotes: [QuoteRow]
    public var quoteLabels: [String]

    /// Creates report data.
    public init(title: String, description: String? = nil, provenance: Provenance, accounting: RowAccounting, codebook: Codebook,
                themes: [Theme], codedPerTheme: [Int], groupBy: [String], minCell: Int, denominator: Denominator = .answered,
                respondents: [ReportRespondent], crosstab: [ShownThemeGroupRow], cooccurrence: [ShownCooccurrence],
                quotes: [QuoteRow], quoteLabels: [String]) {
        self.title = title; self.description = description; self.provenance = provenance; self.accounting = accounting
        self.codebook = codebook; self.themes = themes; self.codedPerTheme = codedPerTheme; self.groupBy = groupBy
        self.minCell = minCell; self.denominator = denominator; self.respondents = respondents; self.crosstab = crosstab
        self.cooccurrence = cooccurrence; self.quotes = quotes; self.quoteLabels = quoteLabels
    }

    /// True when a count is under the threshold and must be shown as `<N`.
    public func hides(_ n: Int) -> Bool { minCell > 1 && n < minCell }

    /// `<N`, the text shown for a hidden count.
    public var hiddenLabel: String { Suppression.label(minCell: minCell) }

    /// The label of a theme id (codebook label; the id itself for themes the codebook does not name, e.g. dotted parents).
    public func label(of id: String) -> String {
        codebook.themes.first { $0.id == id }?.label ?? id
    }

    /// Respondents coded for visible theme `t`, or nil when the count is hidden.
    public func shownCoded(_ t: Int) -> Int? { hides(codedPerTheme[t]) ? nil : codedPerTheme[t] }

    /// The respondents a share is a share of (answered, or all read).
    public var base: Int { denominator == .all ? respondents.count : accounting.answered }

    /// The overall share of theme `t` with its Wilson 95 % interval, or nil when the count is hidden.
    public func overall(_ t: Int) -> (share: Double, low: Double, high: Double)? {
        guard let k = shownCoded(t), base > 0 else { return nil }
        let ci = Statistics.wilson(k, base)
        return (Double(k) / Double(base), ci.low, ci.high)
    }

    /// Crosstab rows of one grouping: `kept` lists the `group_by` indices kept (the others are `(alle)`).
    public func crosstab(keeping kept: [Int]) -> [ShownThemeGroupRow] {
        crosstab.filter { $0.keptVariables == kept }
    }

    /// Words used in every report.
    public static func yesNo(_ b: Bool) -> String { b ? "Nevnt" : "Ikke nevnt" }
}
