import Foundation
@testable import FritekstAnalysis
import FritekstCore
import FritekstLexicon
@testable import FritekstReport
import Testing

@Suite struct HTMLReportTests {
    /// A small report: two themes, two groups, one hidden cell, a hostile answer in a quote.
    func sample(minCell: Int = 5) -> ReportData {
        let themes = [Theme(id: "tiltak", label: "Tiltak <og> «plasser»"), Theme(id: "arena", label: "Arena & Modia")]
        func row(_ t: String, _ g: String, _ n: Int, _ k: Int, margin: Bool = false) -> ShownThemeGroupRow {
            let ci = Statistics.wilson(k, n)
            let r = ThemeGroupRow(theme: t, group: [g], nGroup: n, nCoded: k, share: Double(k) / Double(n), ciLow: ci.low, ciHigh: ci.high,
                                  pValue: 0.0123, test: "chi2", cramersV: 0.2, pHolm: 0.0246, flag: "*", denominator: .answered,
                                  isMargin: margin)
            return ShownThemeGroupRow(row: r, sizeShown: true, codedShown: minCell <= 1 || k >= minCell)
        }
        let rows = [row("tiltak", "kommunal", 40, 12), row("tiltak", "statlig", 60, 3), row("arena", "kommunal", 40, 20), row("arena", "statlig", 60, 30)]
        let quote = QuoteRow(theme: "tiltak", group: ["(alle)"], groupN: 100, cellN: 15, rank: 1, id: "R7", labels: ["statlig"],
                             chars: 40, density: 0.5, score: 0.3, evidence: "tiltak[word:tiltak «tiltak»]",
                             text: "For få tiltak </blockquote><script>alert(1)</script> [NAVN]")
        var acc = RowAccounting()
        acc.rowsRead = 120; acc.answered = 100; acc.empty = 20
        return ReportData(title: "Prøve <1>", description: "«NAV» & co", provenance: Provenance(inputs: [], codebook: nil, options: [:], reproducible: true),
                          accounting: acc, codebook: Codebook(name: "kb", format: .fritekst, themes: themes), themes: themes,
                          codedPerTheme: [15, 3], groupBy: ["employer"], minCell: minCell, respondents: [], crosstab: rows,
                          cooccurrence: [], quotes: [quote], quoteLabels: ["employer"])
    }

    @Test func everyTextIsEscaped() {
        let html = HTMLReport.page(sample())
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt; [NAVN]"))
        #expect(html.contains("Tiltak &lt;og&gt; «plasser»") && html.contains("Arena &amp; Modia"))
        #expect(html.contains("<title>Prøve &lt;1&gt; – Fritekst-rapport</title>"))
        #expect(HTMLReport.esc("a\"b'c") == "a&quot;b&#39;c")
    }

    @Test func hiddenCountsShowNoShareAnywhere() {
        let d = sample()
        let html = HTMLReport.page(d)
        // Overall: 3 coded for «arena» is under 5: no bar, no share.
        #expect(d.overall(1) == nil && d.overall(0) != nil)
        #expect(html.contains("skjult (under grensen)"))
        #expect(!html.contains(">3,0\u{A0}%") && !html.contains(": 3,0\u{A0}%"))
        // By group: statlig × tiltak (3 of 60) is hidden in the chart and the table.
        #expect(!html.contains(">5,0\u{A0}%") && !html.contains(": 5,0\u{A0}%"))
        #expect(html.contains("30,0\u{A0}%"))                                         // kommunal × tiltak: 12 of 40
        #expect(html.contains("<span class=\"sig\">*</span>"))
        // Threshold off: everything is shown.
        #expect(HTMLReport.page(sample(minCell: 0)).contains(">5,0\u{A0}%"))
    }

    @Test func jsonStringsAreValidJSON() throws {
        let s = JSONReport.str("linje\nto \"sitat\" \\ \u{01} \u{2028}")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(s)]".utf8)) as! [String]
        #expect(parsed == ["linje\nto \"sitat\" \\ \u{01} \u{2028}"])
        let doc = try JSONSerialization.jsonObject(with: JSONReport.data(sample())) as! [String: Any]
        let rows = doc["themes_by_group"] as! [[String: Any]]
        #expect(rows[1]["n_coded"] is NSNull && rows[1]["share"] is NSNull)
        #expect(rows[0]["n_coded"] as? Int == 12)
        #expect((doc["quotes"] as! [[String: Any]])[0]["text"] as? String == "For få tiltak </blockquote><script>alert(1)</script> [NAVN]")
    }

    @Test func workbookSheetsFollowTheReportData() {
        let sheets = Workbook.sheets(sample())
        #expect(sheets.map(\.name) == ["Oversikt", "Svar", "Temaer etter gruppe", "Samforekomst", "Sitater", "Kodebok"])
        let cross = sheets[2]
        #expect(cross.rows.count == 4)
        #expect(cross.rows[1][3] == .integer(60) && cross.rows[1][4] == .text("<5") && cross.rows[1][5] == .empty)
        #expect(cross.rows[0][5] == .number(0.3))
        #expect(cross.header.contains("Cramérs V") && cross.header.contains("p (Holm)"))
        #expect(sheets[0].rows.contains { $0.first == .text("Kjørt") && $0.last == .text("(reproduserbar kjøring: tid utelatt)") })
    }
}
