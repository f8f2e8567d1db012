import Foundation
import FritekstAnalysis
import FritekstCore
import FritekstLexicon

/// The analyst workbook's sheets (Norwegian labels).
public enum Workbook {
    /// The analyst workbook from report data: Oversikt, Svar, Temaer etter gruppe, Samforekomst, Sitater, Kodebok.
    ///
    /// Counts under the threshold are the text `<N`; shares and intervals are numbers in percent format.
    public static func sheets(_ d: ReportData) -> [Sheet] {
        [overview(d), answers(d), themesByGroup(d), cooccurrence(d), quotes(d), codebook(d)]
    }

    /// A count cell: the number, or `<N` when hidden.
    static func count(_ n: Int, shown: Bool, _ d: ReportData) -> Cell { shown ? .integer(n) : .text(d.hiddenLabel) }

    /// *Oversikt*: what the workbook is, the row accounting, themes overall, how to read it, provenance.
    static func overview(_ d: ReportData) -> Sheet {
        let a = d.accounting
        var rows: [[Cell]] = []
        if let desc = d.description { rows.append([.text("Undersøkelse"), .text(desc)]) }
        rows.append([.text("Kodebok"), .text(d.codebook.name + (d.codebook.version.map { " \($0)" } ?? ""))])
        rows.append([.empty, .empty])
        rows.append([.bold("Respondenter"), .empty])
        rows.append([.text("Rader lest"), .integer(a.rowsRead)])
        rows.append([.text("Med svar på det åpne spørsmålet"), .integer(a.answered)])
        rows.append([.text("Uten svar (tomme)"), .integer(a.empty)])
        rows.append([.text("Hoppet over (grunn nedenfor)"), .integer(a.skipped.count)])
        if !a.duplicateIDs.isEmpty { rows.append([.text("Dupliserte id-er"), .integer(a.duplicateIDs.count)]) }
        rows.append([.empty, .empty])
        let base = d.denominator == .all ? "alle respondenter" : "de som svarte"
        rows.append([.bold("Tema"), .bold("Kodet: antall (andel av \(base), 95 % KI)")])
        for (t, theme) in d.themes.enumerated() {
            if let o = d.overall(t) {
                rows.append([.text(theme.label), .text(String(format: "%d (%.1f %%, %.1f–%.1f %%)", d.codedPerTheme[t],
                                                              o.share * 100, o.low * 100, o.high * 100)
                                                          .replacingOccurrences(of: ".", with: ","))])
            } else {
                rows.append([.text(theme.label), .text(d.hiddenLabel)])
            }
        }
        rows.append([.empty, .empty])
        rows.append([.bold("Slik leser du arbeidsboken"), .empty])
        rows.append([.text("Svar"), .text("Én rad per respondent: id, bakgrunn, svaret (personopplysninger erstattet med [NAVN], [FNR], [TLF] …), 0/1 per tema og ordene som ga koden.")])
        rows.append([.text("Temaer etter gruppe"), .text("Andel som nevner hvert tema per gruppe, med 95 % Wilson-intervall, test (χ², Fisher eller Monte Carlo), Cramérs V og Holm-justert p; * p < 0,05, ** p < 0,01, *** p < 0,001. «(alle)» er marginer.")])
        rows.append([.text("Samforekomst"), .text("Hvor mange som nevner to temaer sammen, og Jaccard-indeksen.")])
        rows.append([.text("Sitater"), .text("Representative svar per tema og gruppe (aldri fra en gruppe under \(max(d.minCell, 1))).")])
        rows.append([.text("Kodebok"), .text("Temaene og mønstrene som koder dem.")])
        if d.minCell > 1 {
            rows.append([.text("Små celler"), .text("Tall under \(d.minCell) vises som «\(d.hiddenLabel)», og ett tall til skjules der det ellers kunne regnes ut.")])
        }
        rows.append([.empty, .empty])
        rows.append([.bold("Opphav"), .empty])
        rows.append([.text("Verktøy"), .text(d.provenance.tool)])
        for i in d.provenance.inputs {
            rows.append([.text("Inndata"), .text("\(i.path) (\(i.format ?? "fil"), fnv1a64 \(i.fnv1a64))")])
        }
        if let c = d.provenance.codebook { rows.append([.text("Kodebokfil"), .text("\(c.path) (fnv1a64 \(c.fnv1a64))")]) }
        for (k, v) in d.provenance.options.sorted(by: { $0.key < $1.key }) { rows.append([.text("Valg: \(k)"), .text(v)]) }
        rows.append([.text("Kjørt"), .text(d.provenance.createdAt ?? "(reproduserbar kjøring: tid utelatt)")])
        for s in a.skipped { rows.append([.text("Hoppet over"), .text(s.description)]) }
        return Sheet(name: "Oversikt", header: [d.title, ""], rows: rows, widths: [44, 100], styles: [.plain, .wrapped], tableLike: false)
    }

    /// *Svar*: one row per respondent.
    static func answers(_ d: ReportData) -> Sheet {
        let rows: [[Cell]] = d.respondents.map { r in
            [.text(r.id)] + r.groups.map { .text($0) } + [.text(r.text)] + r.themes.map { .integer($0 ? 1 : 0) } + [.text(r.evidence)]
        }
        return Sheet(name: "Svar", header: ["id"] + d.groupBy + ["Svar"] + d.themes.map(\.label) + ["Belegg (treff)"], rows: rows,
                     widths: [10] + d.groupBy.map { _ in 16 } + [70] + d.themes.map { _ in 12 } + [60],
                     styles: [.plain] + d.groupBy.map { _ in .plain } + [.wrapped] + d.themes.map { _ in .integer } + [.wrapped])
    }

    /// *Temaer etter gruppe*: the rows of `themes_by_group.csv`.
    static func themesByGroup(_ d: ReportData) -> Sheet {
        let rows: [[Cell]] = d.crosstab.map { s in
            let r = s.row
            let shares: [Cell] = s.codedShown ? [.number(r.share), .number(r.ciLow), .number(r.ciHigh)] : [.empty, .empty, .empty]
            return [.text(d.label(of: r.theme)), .text(r.theme)] + r.group.map { .text($0) }
                + [count(r.nGroup, shown: s.sizeShown, d), count(r.nCoded, shown: s.codedShown, d)] + shares
                + [r.pValue.map { .number($0) } ?? .empty, .text(r.test), r.cramersV.map { .number($0) } ?? .empty,
                   r.pHolm.map { .number($0) } ?? .empty, .text(r.flag), .text(r.denominator == .all ? "alle" : "svarte")]
        }
        let header = ["Tema", "Tema-id"] + d.groupBy + ["Svarte (n)", "Kodet (n)", "Andel", "KI nedre (95 %)", "KI øvre (95 %)",
                                                       "p-verdi", "Test", "Cramérs V", "p (Holm)", "Signifikans", "Nevner"]
        let styles: [ColumnStyle] = [.plain, .plain] + d.groupBy.map { _ in .plain }
            + [.integer, .integer, .percent, .percent, .percent, .decimal, .plain, .decimal, .decimal, .plain, .plain]
        let widths: [Double] = [34, 22] + d.groupBy.map { _ in 16 } + [11, 11, 9, 14, 14, 12, 9, 11, 12, 11, 9]
        return Sheet(name: "Temaer etter gruppe", header: header, rows: rows, widths: widths, styles: styles)
    }

    /// *Samforekomst*: the rows of `cooccurrence.csv`.
    static func cooccurrence(_ d: ReportData) -> Sheet {
        let rows: [[Cell]] = d.cooccurrence.map { s in
            let r = s.row
            return [.text(d.label(of: r.themeA)), .text(d.label(of: r.themeB)), count(r.nA, shown: s.shownA, d),
                    count(r.nB, shown: s.shownB, d), count(r.nBoth, shown: s.shownBoth, d),
                    s.shownBoth ? (r.jaccard.map { .number($0) } ?? .empty) : .empty, .text(r.themeA), .text(r.themeB)]
        }
        return Sheet(name: "Samforekomst", header: ["Tema A", "Tema B", "Nevner A (n)", "Nevner B (n)", "Nevner begge (n)", "Jaccard",
                                                   "Tema-id A", "Tema-id B"],
                     rows: rows, widths: [34, 34, 13, 13, 16, 10, 22, 22],
                     styles: [.plain, .plain, .integer, .integer, .integer, .decimal, .plain, .plain])
    }

    /// *Sitater*: the rows of `quotes.csv`, redacted.
    static func quotes(_ d: ReportData) -> Sheet {
        let rows: [[Cell]] = d.quotes.map { q in
            [.text(d.label(of: q.theme))] + q.group.map { .text($0) } + [.integer(q.groupN), .integer(q.cellN), .integer(q.rank), .text(q.id)]
                + q.labels.map { .text($0) } + [.text(q.text), .text(q.evidence)]
        }
        let header = ["Tema"] + d.groupBy + ["Gruppe (n)", "Kodet i gruppen (n)", "Rang", "id"] + d.quoteLabels + ["Sitat", "Belegg (treff)"]
        let styles: [ColumnStyle] = [.plain] + d.groupBy.map { _ in .plain } + [.integer, .integer, .integer, .plain]
            + d.quoteLabels.map { _ in .plain } + [.wrapped, .wrapped]
        let widths: [Double] = [30] + d.groupBy.map { _ in 14 } + [11, 12, 6, 9] + d.quoteLabels.map { _ in 14 } + [80, 50]
        return Sheet(name: "Sitater", header: header, rows: rows, widths: widths, styles: styles)
    }

    /// *Kodebok*: every theme (helper themes marked) with its entries.
    static func codebook(_ d: ReportData) -> Sheet {
        let rows: [[Cell]] = d.codebook.themes.map { t in
            [.text(t.id), .text(t.label + (t.hidden ? " (hjelpetema)" : "")), .text(t.labelEnglish ?? ""), .text(t.definition ?? ""),
             .text(t.parent ?? ""), .integer(t.entries.count), .text(patterns(t))]
        }
        return Sheet(name: "Kodebok", header: ["Tema-id", "Navn", "Name (en)", "Definisjon", "Overordnet", "Oppføringer", "Mønstre"],
                     rows: rows, widths: [24, 34, 30, 60, 16, 11, 80],
                     styles: [.plain, .plain, .plain, .wrapped, .plain, .integer, .wrapped])
    }

    /// The theme's entries, rules and exclusions as one line.
    public static func patterns(_ t: Theme) -> String {
        (t.entries.map(\.label) + t.rules.map { "rule:" + $0.label } + t.exclusions.map { "unntatt " + $0.label }).joined(separator: ", ")
    }
}
