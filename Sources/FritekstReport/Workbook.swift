import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstPrivacy

/// Builds the analyst workbook's sheets (Norwegian labels).
public enum Workbook {
    /// Sheets: Oversikt, Svar, Temaer etter gruppe, Kodebok.
    public static func sheets(responses: [Response], codings: [CodedAnswer], compiled: CompiledCodebook,
                              crosstab: [CrosstabRow], by: [String], accounting: RowAccounting,
                              provenance: Provenance, disclosure: Disclosure? = nil) -> [Sheet] {
        let themes = compiled.codebook.visibleThemes.map(\.theme)
        var perTheme = Array(repeating: 0, count: themes.count)
        let visibleIndices = compiled.codebook.visibleThemes.map(\.index)
        let flagsPerAnswer = codings.map { $0.visibleFlags(indices: visibleIndices) }
        for flags in flagsPerAnswer { for (k, f) in flags.enumerated() where f { perTheme[k] += 1 } }

        var overview: [[Cell]] = [
            [.text("Respondenter (rader lest)"), .integer(accounting.rowsRead)],
            [.text("Med svar på det åpne spørsmålet"), .integer(accounting.answered)],
            [.text("Uten svar (tomme)"), .integer(accounting.empty)],
            [.text("Hoppet over (se grunn nedenfor)"), .integer(accounting.skipped.count)],
            [.text("Kodebok"), .text(compiled.codebook.name + (compiled.codebook.version.map { " \($0)" } ?? ""))],
            [.text("Verktøy"), .text(provenance.tool)],
        ]
        for d in provenance.inputs { overview.append([.text("Inndata"), .text("\(d.path) (fnv1a64 \(d.fnv1a64))")]) }
        if let c = provenance.codebook { overview.append([.text("Kodebokfil"), .text("\(c.path) (fnv1a64 \(c.fnv1a64))")]) }
        for (k, v) in provenance.options.sorted(by: { $0.key < $1.key }) { overview.append([.text("Valg: \(k)"), .text(v)]) }
        if let t = provenance.createdAt { overview.append([.text("Kjørt"), .text(t)]) }
        overview.append([.empty, .empty])
        overview.append([.text("Tema"), .text("Antall kodet (andel av de som svarte)")])
        for (t, theme) in themes.enumerated() {
            let share = accounting.answered > 0 ? Double(perTheme[t]) / Double(accounting.answered) : 0
            let minCell = disclosure?.minCell ?? 0
            overview.append([.text(theme.label), .text(minCell > 1 && perTheme[t] < minCell ? "<\(minCell)"
                                                       : "\(perTheme[t]) (\(String(format: "%.1f", share * 100)) %)")])
        }
        for s in accounting.skipped { overview.append([.text("Hoppet over"), .text(s.description)]) }

        var answerRows: [[Cell]] = []
        answerRows.reserveCapacity(responses.count)
        for (k, (r, c)) in zip(responses, codings).enumerated() {
            var row: [Cell] = [.text(r.id)]
            let spans = disclosure?.spans[k] ?? []
            if let d = disclosure, d.hideGroupValues[k] {
                row += by.map { _ in .text(d.smallGroupLabel) }
            } else {
                row += by.map { .text(r.fields[$0] ?? "") }
            }
            row.append(.text(spans.isEmpty ? r.text : Redactor.apply(spans, to: r.text)))
            row += flagsPerAnswer[k].map { .integer($0 ? 1 : 0) }
            row.append(.text(c.evidence(text: r.text, compiled: compiled, redacting: spans)))
            answerRows.append(row)
        }
        let answerHeader = ["id"] + by + ["Svar"] + themes.map(\.label) + ["Belegg (treff)"]
        let answerStyles: [ColumnStyle] = [.plain] + by.map { _ in .plain } + [.wrapped] + themes.map { _ in .integer } + [.wrapped]
        let answerWidths: [Double] = [10] + by.map { _ in 14 } + [70] + themes.map { _ in 12 } + [60]

        let labelOf = Dictionary(themes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let minCell = disclosure?.minCell ?? 0
        let hiddenLabel = Suppression.label(minCell: minCell)
        let crossRows: [[Cell]] = zip(crosstab, Suppression.apply(crosstab, minCell: minCell)).map { r, d in
            [.text(labelOf[r.theme] ?? r.theme), .text(r.theme)] + r.group.map { .text($0) }
                + [d.nGroup.map { .integer($0) } ?? .text(hiddenLabel), d.nCoded.map { .integer($0) } ?? .text(hiddenLabel),
                   d.showsShare ? .number(r.share) : .empty, d.showsShare ? .number(r.ciLow) : .empty,
                   d.showsShare ? .number(r.ciHigh) : .empty, r.pValue.map { .number($0) } ?? .empty, .text(r.test)]
        }
        let crossHeader = ["Tema", "Tema-id"] + by + ["Svarte (n)", "Kodet (n)", "Andel", "KI nedre (95 %)", "KI øvre (95 %)", "p-verdi", "Test"]
        let crossStyles: [ColumnStyle] = [.plain, .plain] + by.map { _ in .plain } + [.integer, .integer, .percent, .percent, .percent, .decimal, .plain]
        let crossWidths: [Double] = [34, 22] + by.map { _ in 16 } + [11, 11, 9, 14, 14, 12, 9]

        let codebookRows: [[Cell]] = compiled.codebook.themes.map { t in
            [.text(t.id), .text(t.label + (t.hidden ? " (hjelpetema)" : "")), .text(t.labelEnglish ?? ""), .text(t.definition ?? ""),
             .text(t.parent ?? ""), .integer(t.entries.count),
             .text((t.entries.map(\.label) + t.rules.map { "rule:" + $0.label } + t.exclusions.map { "unntatt " + $0.label })
                .joined(separator: ", "))]
        }
        return [
            Sheet(name: "Oversikt", header: ["Oversikt", ""], rows: overview, widths: [44, 80], styles: [.plain, .wrapped], tableLike: false),
            Sheet(name: "Svar", header: answerHeader, rows: answerRows, widths: answerWidths, styles: answerStyles),
            Sheet(name: "Temaer etter gruppe", header: crossHeader, rows: crossRows, widths: crossWidths, styles: crossStyles),
            Sheet(name: "Kodebok", header: ["Tema-id", "Navn", "Name (en)", "Definisjon", "Overordnet", "Oppføringer", "Mønstre"],
                  rows: codebookRows, widths: [24, 34, 30, 60, 16, 11, 80],
                  styles: [.plain, .plain, .plain, .wrapped, .plain, .integer, .wrapped]),
        ]
    }
}
