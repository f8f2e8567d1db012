import Foundation
import FritekstAnalysis
import FritekstCore
import FritekstLexicon

/// Writes `report.html`: one self-contained page (inline CSS and SVG, no scripts, no fonts or images
/// fetched) with the overview, themes overall, themes by each grouping variable with intervals and
/// significance marks, the co-occurrence heatmap, quotes per theme, the codebook and provenance.
/// Every chart has a table with the same numbers beside it; all text is escaped.
public enum HTMLReport {
    /// Okabe–Ito colours (distinguishable with colour-vision deficiencies), for group values.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The page as UTF-8 bytes.
    public static func data(_ d: ReportData) -> Data { Data(page(d).utf8) }

    /// The page as text.
    public static func page(_ d: ReportData) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"\(esc(d.provenance.tool))\">\n"
        h += "<title>\(esc(d.title)) – Fritekst-rapport</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += header(d)
        let groupings = chartGroupings(d)
        h += "<nav aria-label=\"Innhold\"><ol>"
        h += "<li><a href=\"#oversikt\">Oversikt</a></li><li><a href=\"#temaer\">Temaer totalt</a></li>"
        for (k, g) in groupings.enumerated() { h += "<li><a href=\"#gruppe-\(k + 1)\">Temaer etter \(esc(groupingName(d, g)))</a></li>" }
        h += "<li><a href=\"#samforekomst\">Samforekomst</a></li><li><a href=\"#sitater\">Sitater</a></li>"
        h += "<li><a href=\"#kodebok\">Kodebok</a></li><li><a href=\"#opphav\">Opphav</a></li></ol></nav>\n<main>\n"
        h += overview(d)
        h += overall(d)
        for (k, g) in groupings.enumerated() { h += byGroup(d, kept: g, number: k + 1) }
        h += heatmap(d)
        h += quotes(d)
        h += codebook(d)
        h += provenance(d)
        h += "</main>\n<footer>Laget med \(esc(d.provenance.tool)). Personopplysninger i svarene er erstattet med merker som [NAVN] og [TLF]"
        if d.minCell > 1 { h += "; tall under \(d.minCell) vises som «\(esc(d.hiddenLabel))»" }
        h += ".</footer>\n</body>\n</html>\n"
        return h
    }

    // MARK: sections

    static func header(_ d: ReportData) -> String {
        var h = "<header>\n<p class=\"kicker\">Fritekst-rapport</p>\n<h1>\(esc(d.title))</h1>\n"
        if let desc = d.description { h += "<p class=\"lead\">\(esc(desc))</p>\n" }
        h += "<p class=\"meta\">Kodebok: \(esc(d.codebook.name))\(d.codebook.version.map { " " + esc($0) } ?? "") · "
        h += "\(d.accounting.answered) svar av \(d.accounting.rowsRead) respondenter"
        if let t = d.provenance.createdAt { h += " · kjørt \(esc(t))" }
        h += "</p>\n</header>\n"
        return h
    }

    static func overview(_ d: ReportData) -> String {
        let a = d.accounting
        var h = "<section id=\"oversikt\">\n<h2>Oversikt</h2>\n<div class=\"cards\">"
        for (label, n) in [("Respondenter", a.rowsRead), ("Svarte på det åpne spørsmålet", a.answered),
                           ("Tomme svar", a.empty), ("Hoppet over", a.skipped.count)] {
            h += "<div class=\"card\"><span class=\"big\">\(n)</span><span>\(esc(label))</span></div>"
        }
        h += "<div class=\"card\"><span class=\"big\">\(d.themes.count)</span><span>Temaer i kodeboken</span></div></div>\n"
        let base = d.denominator == .all ? "alle respondenter" : "dem som svarte"
        h += "<p>Andeler er av \(base). Intervallene er 95 % Wilson-intervaller. Forskjeller mellom grupper er testet med χ² "
        h += "(Fisher for 2×2-tabeller med små forventede tall, Monte Carlo for store tabeller med små tall), og p-verdiene er "
        h += "Holm-justert over temaene: <span class=\"sig\">*</span> p &lt; 0,05, <span class=\"sig\">**</span> p &lt; 0,01, "
        h += "<span class=\"sig\">***</span> p &lt; 0,001.</p>\n"
        if d.minCell > 1 {
            h += "<p>Grupper og tall under \(d.minCell) vises ikke («\(esc(d.hiddenLabel))»), og ett tall til skjules der det ellers "
            h += "kunne regnes ut fra summene. Sitater hentes aldri fra en gruppe under \(d.minCell).</p>\n"
        }
        if !a.skipped.isEmpty {
            h += "<details><summary>\(a.skipped.count) rader hoppet over</summary><ul>"
            for s in a.skipped { h += "<li>\(esc(s.description))</li>" }
            h += "</ul></details>\n"
        }
        return h + "</section>\n"
    }

    static func overall(_ d: ReportData) -> String {
        var h = "<section id=\"temaer\">\n<h2>Temaer totalt</h2>\n<div class=\"chart-and-table\">\n"
        let bars = d.themes.indices.map { t in (label: d.themes[t].label, value: d.overall(t)) }
        h += overallChart(bars)
        h += "<table>\n<caption>Andel som nevner hvert tema</caption>\n<thead><tr><th scope=\"col\">Tema</th>"
        h += "<th scope=\"col\" class=\"num\">Kodet (n)</th><th scope=\"col\" class=\"num\">Andel</th><th scope=\"col\" class=\"num\">95 % KI</th></tr></thead>\n<tbody>\n"
        for t in d.themes.indices {
            h += "<tr><th scope=\"row\">\(esc(d.themes[t].label))</th>"
            if let o = d.overall(t) {
                h += "<td class=\"num\">\(d.codedPerTheme[t])</td><td class=\"num\">\(pct(o.share))</td><td class=\"num\">\(pct(o.low))–\(pct(o.high))</td>"
            } else {
                h += "<td class=\"num\">\(esc(d.hiddenLabel))</td><td></td><td></td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n</div>\n</section>\n"
        return h
    }

    /// The groupings to chart: each variable alone (from margin rows), or the full grouping when there are no margins.
    static func chartGroupings(_ d: ReportData) -> [[Int]] {
        guard !d.groupBy.isEmpty, !d.crosstab.isEmpty else { return [] }
        if d.groupBy.count == 1 { return [[0]] }
        let singles = d.groupBy.indices.map { [$0] }.filter { !d.crosstab(keeping: $0).isEmpty }
        return singles.isEmpty ? [Array(d.groupBy.indices)] : singles
    }

    static func groupingName(_ d: ReportData, _ kept: [Int]) -> String { kept.map { displayName(d.groupBy[$0]) }.joined(separator: " × ") }

    /// Norwegian names of the usual grouping variables (`role` → «rolle»); other names as they are.
    public static func displayName(_ variable: String) -> String {
        ["role": "rolle", "employer": "arbeidsgiver", "wave": "bølge", "office": "kontor", "region": "region"][variable] ?? variable
    }

    static func byGroup(_ d: ReportData, kept: [Int], number: Int) -> String {
        let rows = d.crosstab(keeping: kept)
        let name = groupingName(d, kept)
        var themes: [String] = []
        for r in rows where !themes.contains(r.row.theme) { themes.append(r.row.theme) }
        var groups: [[String]] = []
        for r in rows where !groups.contains(r.row.group) { groups.append(r.row.group) }
        func groupLabel(_ g: [String]) -> String { kept.map { g[$0] }.joined(separator: " · ") }
        var h = "<section id=\"gruppe-\(number)\">\n<h2>Temaer etter \(esc(name))</h2>\n"
        h += "<p>Andel per \(esc(name)) med 95 % intervall. Merket ved temaet gjelder forskjellen mellom gruppene (Holm-justert).</p>\n"
        h += "<div class=\"chart-and-table\">\n"
        h += groupedChart(d, themes: themes, groups: groups, rows: rows, groupLabel: groupLabel, title: "Temaer etter \(name)", id: "g\(number)")
        h += "<table>\n<caption>Temaer etter \(esc(name))</caption>\n<thead><tr><th scope=\"col\">Tema</th><th scope=\"col\">\(esc(name))</th>"
        h += "<th scope=\"col\" class=\"num\">Svarte (n)</th><th scope=\"col\" class=\"num\">Kodet (n)</th><th scope=\"col\" class=\"num\">Andel</th>"
        h += "<th scope=\"col\" class=\"num\">95 % KI</th><th scope=\"col\" class=\"num\">p (Holm)</th><th scope=\"col\">Test</th>"
        h += "<th scope=\"col\" class=\"num\">Cramérs V</th></tr></thead>\n<tbody>\n"
        for theme in themes {
            let rs = rows.filter { $0.row.theme == theme }
            for (k, s) in rs.enumerated() {
                let r = s.row
                h += "<tr\(k == 0 ? " class=\"first\"" : "")>"
                if k == 0 {
                    h += "<th scope=\"rowgroup\" rowspan=\"\(rs.count)\">\(esc(d.label(of: theme)))"
                    if !r.flag.isEmpty { h += " <span class=\"sig\">\(esc(r.flag))</span>" }
                    h += "</th>"
                }
                h += "<td>\(esc(groupLabel(r.group)))</td>"
                h += "<td class=\"num\">\(s.sizeShown ? String(r.nGroup) : esc(d.hiddenLabel))</td>"
                h += "<td class=\"num\">\(s.codedShown ? String(r.nCoded) : esc(d.hiddenLabel))</td>"
                h += s.codedShown ? "<td class=\"num\">\(pct(r.share))</td><td class=\"num\">\(pct(r.ciLow))–\(pct(r.ciHigh))</td>" : "<td></td><td></td>"
                if k == 0 {
                    h += "<td class=\"num\" rowspan=\"\(rs.count)\">\(pv(r.pHolm))</td><td rowspan=\"\(rs.count)\">\(esc(testName(r.test)))</td>"
                    h += "<td class=\"num\" rowspan=\"\(rs.count)\">\(r.cramersV.map { dec($0, 2) } ?? "")</td>"
                }
                h += "</tr>\n"
            }
        }
        h += "</tbody>\n</table>\n</div>\n</section>\n"
        return h
    }

    static func heatmap(_ d: ReportData) -> String {
        var h = "<section id=\"samforekomst\">\n<h2>Samforekomst</h2>\n"
        guard !d.cooccurrence.isEmpty else { return h + "<p>Ingen samforekomsttabell i denne kjøringen.</p>\n</section>\n" }
        var ids: [String] = []
        for s in d.cooccurrence where !ids.contains(s.row.themeA) { ids.append(s.row.themeA) }
        var cell: [String: ShownCooccurrence] = [:]
        for s in d.cooccurrence {
            cell[s.row.themeA + "\u{1}" + s.row.themeB] = s
            cell[s.row.themeB + "\u{1}" + s.row.themeA] = s
        }
        h += "<p>Hvor mange som nevner to temaer i samme svar. Fargen viser Jaccard-indeksen (andelen av dem som nevner minst ett "
        h += "av de to temaene, som nevner begge); diagonalen er antallet som nevner temaet.</p>\n<div class=\"chart-and-table\">\n"
        let n = ids.count
        let labels = ids.enumerated().map { "\($0 + 1). " + d.label(of: $1) }
        let left = labelWidth(labels, max: maxLabel)
        let size = 36.0, top = 28.0
        let width = left + Double(n) * size + 10, height = top + Double(n) * size + 10
        let maxJ = d.cooccurrence.filter { $0.row.themeA != $0.row.themeB && $0.shownBoth }.compactMap(\.row.jaccard).max() ?? 1
        h += "<figure>\n<svg viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" role=\"img\" aria-labelledby=\"hm-title\" class=\"chart\">"
        h += "<title id=\"hm-title\">Samforekomst mellom temaene (Jaccard)</title>"
        for (i, l) in labels.enumerated() {
            h += "<text x=\"\(f(left - 6))\" y=\"\(f(top + Double(i) * size + size / 2 + 4))\" text-anchor=\"end\">\(esc(fit(l, left - 8)))</text>"
            h += "<text x=\"\(f(left + Double(i) * size + size / 2))\" y=\"\(f(top - 8))\" text-anchor=\"middle\">\(i + 1)</text>"
        }
        for (i, a) in ids.enumerated() {
            for (j, b) in ids.enumerated() {
                let x = left + Double(j) * size, y = top + Double(i) * size
                guard let s = cell[a + "\u{1}" + b] else { continue }
                let fill: String, text: String
                if i == j {
                    fill = "#e6e6e6"; text = s.shownA ? String(s.row.nA) : d.hiddenLabel
                } else if !s.shownBoth {
                    fill = "#f7f7f7"; text = d.hiddenLabel
                } else {
                    let v = maxJ > 0 ? (s.row.jaccard ?? 0) / maxJ : 0
                    fill = blend(v); text = String(s.row.nBoth)
                }
                let dark = fill.hasPrefix("#0") || fill.hasPrefix("#1") || fill.hasPrefix("#2") || fill.hasPrefix("#3")
                h += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(size - 2))\" height=\"\(f(size - 2))\" fill=\"\(fill)\"><title>"
                h += esc("\(d.label(of: a)) og \(d.label(of: b)): \(text)" + (i != j && s.shownBoth ? ", Jaccard \(dec(s.row.jaccard ?? 0, 2))" : ""))
                h += "</title></rect><text x=\"\(f(x + size / 2 - 1))\" y=\"\(f(y + size / 2 + 3))\" text-anchor=\"middle\" class=\"cell\(dark ? " light" : "")\">\(esc(text))</text>"
            }
        }
        h += "</svg>\n<figcaption>Samforekomst: antall som nevner begge temaene; mørkere = høyere Jaccard-indeks.</figcaption>\n</figure>\n"
        let pairs = d.cooccurrence.filter { $0.row.themeA != $0.row.themeB && $0.shownBoth }
            .enumerated().sorted { a, b in
                (a.element.row.jaccard ?? 0) != (b.element.row.jaccard ?? 0) ? (a.element.row.jaccard ?? 0) > (b.element.row.jaccard ?? 0) : a.offset < b.offset
            }.map(\.element)
        h += "<table>\n<caption>Par som nevnes sammen av minst \(max(d.minCell, 1)), etter Jaccard-indeks</caption>\n<thead><tr><th scope=\"col\">Tema A</th><th scope=\"col\">Tema B</th>"
        h += "<th scope=\"col\" class=\"num\">A (n)</th><th scope=\"col\" class=\"num\">B (n)</th><th scope=\"col\" class=\"num\">Begge (n)</th>"
        h += "<th scope=\"col\" class=\"num\">Jaccard</th></tr></thead>\n<tbody>\n"
        for s in pairs {
            let r = s.row
            h += "<tr><td>\(esc(d.label(of: r.themeA)))</td><td>\(esc(d.label(of: r.themeB)))</td>"
            h += "<td class=\"num\">\(s.shownA ? String(r.nA) : esc(d.hiddenLabel))</td><td class=\"num\">\(s.shownB ? String(r.nB) : esc(d.hiddenLabel))</td>"
            h += "<td class=\"num\">\(s.shownBoth ? String(r.nBoth) : esc(d.hiddenLabel))</td>"
            h += "<td class=\"num\">\(s.shownBoth ? (r.jaccard.map { dec($0, 3) } ?? "") : "")</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</div>\n</section>\n"
        return h
    }

    static func quotes(_ d: ReportData) -> String {
        var h = "<section id=\"sitater\">\n<h2>Sitater</h2>\n"
        let overall = d.quotes.filter { $0.group.allSatisfy { $0 == ThemeCrosstab.allValue } }
        if overall.isEmpty { return h + "<p>Ingen sitater i denne kjøringen.</p>\n</section>\n" }
        h += "<p>Svar som står for temaet: mange av ordene er belegg for temaet, og sitatene ligner lite på hverandre. "
        h += "Personopplysninger er erstattet med merker.</p>\n"
        var themes: [String] = []
        for q in overall where !themes.contains(q.theme) { themes.append(q.theme) }
        for theme in themes {
            let qs = overall.filter { $0.theme == theme }
            h += "<article class=\"quotes\">\n<h3>\(esc(d.label(of: theme))) <span class=\"n\">(\(qs.first?.cellN ?? 0) av \(qs.first?.groupN ?? 0))</span></h3>\n"
            for q in qs {
                let who = zip(d.quoteLabels, q.labels).map { $0.1 }.joined(separator: ", ")
                h += "<blockquote><p>\(esc(q.text))</p><footer>\(esc(who))\(who.isEmpty ? "" : " · ")id \(esc(q.id))</footer></blockquote>\n"
            }
            h += "</article>\n"
        }
        return h + "</section>\n"
    }

    static func codebook(_ d: ReportData) -> String {
        var h = "<section id=\"kodebok\">\n<h2>Kodebok</h2>\n<table class=\"codebook\">\n<caption>\(esc(d.codebook.name))"
        h += "\(d.codebook.version.map { " " + esc($0) } ?? "")</caption>\n<thead><tr><th scope=\"col\">Tema</th><th scope=\"col\">Definisjon</th>"
        h += "<th scope=\"col\">Mønstre</th></tr></thead>\n<tbody>\n"
        for t in d.codebook.themes where !t.hidden {
            h += "<tr><th scope=\"row\">\(esc(t.label))<br><code>\(esc(t.id))</code>\(t.parent.map { "<br>under <code>\(esc($0))</code>" } ?? "")</th>"
            h += "<td>\(esc(t.definition ?? ""))</td><td class=\"patterns\">\(esc(Workbook.patterns(t)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    static func provenance(_ d: ReportData) -> String {
        let p = d.provenance
        var h = "<section id=\"opphav\">\n<h2>Opphav</h2>\n<dl class=\"prov\">\n<dt>Verktøy</dt><dd>\(esc(p.tool))</dd>\n"
        for i in p.inputs { h += "<dt>Inndata</dt><dd><code>\(esc(i.path))</code> (\(esc(i.format ?? "fil")), fnv1a64 <code>\(esc(i.fnv1a64))</code>)</dd>\n" }
        if let c = p.codebook { h += "<dt>Kodebok</dt><dd><code>\(esc(c.path))</code> (fnv1a64 <code>\(esc(c.fnv1a64))</code>)</dd>\n" }
        for (k, v) in p.options.sorted(by: { $0.key < $1.key }) { h += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>\n" }
        h += "<dt>Kjørt</dt><dd>\(esc(p.createdAt ?? "reproduserbar kjøring (tid utelatt)"))</dd>\n</dl>\n</section>\n"
        return h
    }

    // MARK: charts

    /// Horizontal bars of the overall shares with interval whiskers.
    static func overallChart(_ bars: [(label: String, value: (share: Double, low: Double, high: Double)?)]) -> String {
        let left = labelWidth(bars.map(\.label), max: maxLabel), plot = 420.0, row = 24.0, top = 10.0
        let scale = axisMax(bars.compactMap { $0.value?.high })
        let height = top + Double(bars.count) * row + 30
        var h = "<figure>\n<svg viewBox=\"0 0 \(f(left + plot + 60)) \(f(height))\" width=\"\(f(left + plot + 60))\" role=\"img\" aria-labelledby=\"ov-title\" class=\"chart\">"
        h += "<title id=\"ov-title\">Andel som nevner hvert tema, med 95 % intervall</title>"
        h += axis(left: left, plot: plot, top: top, bottom: top + Double(bars.count) * row, scale: scale)
        for (k, b) in bars.enumerated() {
            let y = top + Double(k) * row
            h += "<text x=\"\(f(left - 6))\" y=\"\(f(y + row / 2 + 4))\" text-anchor=\"end\">\(esc(fit(b.label, left - 8)))</text>"
            if let v = b.value {
                let w = plot * v.share / scale
                h += "<rect x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(w))\" height=\"\(f(row - 8))\" fill=\"#0072B2\"><title>\(esc("\(b.label): \(pct(v.share)) (\(pct(v.low))–\(pct(v.high)))"))</title></rect>"
                h += whisker(x1: left + plot * v.low / scale, x2: left + plot * v.high / scale, y: y + row / 2)
                h += "<text x=\"\(f(left + plot * v.high / scale + 6))\" y=\"\(f(y + row / 2 + 4))\" class=\"value\">\(pct(v.share))</text>"
            } else {
                h += "<text x=\"\(f(left + 4))\" y=\"\(f(y + row / 2 + 4))\" class=\"value\">skjult (under grensen)</text>"
            }
        }
        h += "</svg>\n<figcaption>Andel som nevner temaet; strekene er 95 % intervaller.</figcaption>\n</figure>\n"
        return h
    }

    /// Grouped horizontal bars: one cluster per theme, one bar per group value, with whiskers and the theme's significance mark.
    static func groupedChart(_ d: ReportData, themes: [String], groups: [[String]], rows: [ShownThemeGroupRow],
                             groupLabel: ([String]) -> String, title: String, id: String) -> String {
        let themeLabels = themes.map { d.label(of: $0) }
        let left = labelWidth(themeLabels.map { $0 + " ***" }, max: maxLabel), plot = 420.0, bar = 12.0, gap = 14.0
        let cluster = Double(groups.count) * bar + gap
        let scale = axisMax(rows.filter(\.codedShown).map(\.row.ciHigh))
        // Legend, wrapped onto as many lines as it needs.
        var legend = ""
        var lx = left, ly = 6.0
        for (k, g) in groups.enumerated() {
            let label = groupLabel(g)
            let w = 16 + Double(label.count) * 7 + 14
            if lx + w > left + plot + 60 && lx > left { lx = left; ly += 18 }
            legend += "<rect x=\"\(f(lx))\" y=\"\(f(ly))\" width=\"12\" height=\"12\" fill=\"\(palette[k % palette.count])\"/>"
            legend += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly + 10))\">\(esc(label))</text>"
            lx += w
        }
        let top = ly + 28
        let height = top + Double(themes.count) * cluster + 30
        var h = "<figure>\n<svg viewBox=\"0 0 \(f(left + plot + 60)) \(f(height))\" width=\"\(f(left + plot + 60))\" role=\"img\" aria-labelledby=\"\(id)\" class=\"chart\">"
        h += "<title id=\"\(id)\">\(esc(title)): andel per gruppe med 95 % intervall</title>" + legend
        h += axis(left: left, plot: plot, top: top, bottom: top + Double(themes.count) * cluster, scale: scale)
        for (t, theme) in themes.enumerated() {
            let y0 = top + Double(t) * cluster + gap / 2
            let rs = rows.filter { $0.row.theme == theme }
            let flag = rs.first?.row.flag ?? ""
            h += "<text x=\"\(f(left - 6))\" y=\"\(f(y0 + Double(groups.count) * bar / 2 + 4))\" text-anchor=\"end\">\(esc(fit(themeLabels[t], left - 30)))"
            if !flag.isEmpty { h += " <tspan class=\"sig\">\(esc(flag))</tspan>" }
            h += "</text>"
            for (k, g) in groups.enumerated() {
                guard let s = rs.first(where: { $0.row.group == g }) else { continue }
                let y = y0 + Double(k) * bar
                if s.codedShown {
                    let r = s.row
                    h += "<rect x=\"\(f(left))\" y=\"\(f(y + 1))\" width=\"\(f(plot * r.share / scale))\" height=\"\(f(bar - 2))\" fill=\"\(palette[k % palette.count])\">"
                    h += "<title>\(esc("\(themeLabels[t]), \(groupLabel(g)): \(pct(r.share)) (\(pct(r.ciLow))–\(pct(r.ciHigh))), n = \(r.nGroup)"))</title></rect>"
                    h += whisker(x1: left + plot * r.ciLow / scale, x2: left + plot * r.ciHigh / scale, y: y + bar / 2)
                } else {
                    h += "<text x=\"\(f(left + 3))\" y=\"\(f(y + bar - 2))\" class=\"small\">\(esc(d.hiddenLabel))</text>"
                }
            }
        }
        h += "</svg>\n<figcaption>\(esc(title)). Strekene er 95 % intervaller; stjerner markerer Holm-justert signifikant forskjell mellom gruppene.</figcaption>\n</figure>\n"
        return h
    }

    /// Vertical gridlines and percent labels from 0 to `scale`.
    static func axis(left: Double, plot: Double, top: Double, bottom: Double, scale: Double) -> String {
        var h = ""
        let step = scale <= 0.2 ? 0.05 : scale <= 0.5 ? 0.1 : 0.2
        var v = 0.0
        while v <= scale + 1e-9 {
            let x = left + plot * v / scale
            h += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" class=\"grid\"/>"
            h += "<text x=\"\(f(x))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\" class=\"small\">\(Int((v * 100).rounded())) %</text>"
            v += step
        }
        return h
    }

    static func whisker(x1: Double, x2: Double, y: Double) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y))\" x2=\"\(f(x2))\" y2=\"\(f(y))\" class=\"ci\"/>"
            + "<line x1=\"\(f(x1))\" y1=\"\(f(y - 4))\" x2=\"\(f(x1))\" y2=\"\(f(y + 4))\" class=\"ci\"/>"
            + "<line x1=\"\(f(x2))\" y1=\"\(f(y - 4))\" x2=\"\(f(x2))\" y2=\"\(f(y + 4))\" class=\"ci\"/>"
    }

    /// The axis end: the largest value rounded up to a tenth (at least 10 %).
    static func axisMax(_ values: [Double]) -> Double {
        let m = values.max() ?? 0.1
        return min(1, max(0.1, (m * 10).rounded(.up) / 10))
    }

    /// Widest label column of a chart (longer labels are shortened with «…»; the tables have them in full).
    static let maxLabel = 330.0

    /// `label` shortened with «…» to fit `width` SVG units of 12 px text.
    static func fit(_ label: String, _ width: Double) -> String {
        let chars = Int(width / 7.0)
        return label.count <= chars ? label : String(label.prefix(max(1, chars - 1))) + "…"
    }

    /// Label column width in SVG units for 12 px text.
    static func labelWidth(_ labels: [String], max cap: Double) -> Double {
        min(cap, Double(labels.map(\.count).max() ?? 10) * 6.6 + 14)
    }

    /// White to dark blue for 0…1.
    static func blend(_ v: Double) -> String {
        let t = Swift.max(0, Swift.min(1, v))
        let r = Int(255 + (8 - 255) * t), g = Int(255 + (48 - 255) * t), b = Int(255 + (107 - 255) * t)
        return String(format: "#%02x%02x%02x", r, g, b)
    }

    // MARK: text

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    public static func esc(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }

    /// A share as Norwegian percent text: `34,5 %`.
    static func pct(_ x: Double) -> String { dec(x * 100, 1) + "\u{A0}%" }
    /// A number with a decimal comma.
    static func dec(_ x: Double, _ places: Int) -> String { String(format: "%.\(places)f", x).replacingOccurrences(of: ".", with: ",") }
    /// A p-value as text: `< 0,001` or three decimals.
    static func pv(_ p: Double?) -> String {
        guard let p else { return "" }
        return p < 0.001 ? "&lt;\u{A0}0,001" : dec(p, 3)
    }
    static func testName(_ t: String) -> String {
        switch t {
        case "chi2": "χ²"
        case "fisher": "Fisher"
        case "chi2_mc": "χ² (Monte Carlo)"
        case "none": "–"
        default: t
        }
    }
    /// SVG coordinates with one decimal.
    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static let css = """
    :root { --ink: #1d2733; --muted: #5b6675; --rule: #d9dee5; --accent: #0072B2; }
    * { box-sizing: border-box; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink);
           margin: 0 auto; max-width: 1180px; padding: 24px 32px 48px; line-height: 1.45; background: #fff; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
    .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 600; margin: 0; font-size: .8rem; }
    h1 { margin: .1em 0 .2em; font-size: 1.9rem; }
    h2 { margin-top: 2.2em; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
    h3 .n, .meta, figcaption, footer { color: var(--muted); }
    .lead { font-size: 1.1rem; margin: .2em 0; }
    nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 12px 0; font-size: .92rem; }
    nav a { color: var(--accent); }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
    .card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 16px; min-width: 150px; display: flex; flex-direction: column; }
    .card .big { font-size: 1.6rem; font-weight: 700; }
    .chart-and-table { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
    figure { margin: 0; max-width: 100%; }
    svg.chart { max-width: 100%; height: auto; font-size: 12px; fill: var(--ink); }
    svg .grid { stroke: #e3e7ec; }
    svg .ci { stroke: #222; stroke-width: 1.3; }
    svg .value, svg .small { font-size: 11px; fill: var(--muted); }
    svg .sig, .sig { fill: #b3001b; color: #b3001b; font-weight: 700; }
    svg .cell { font-size: 11px; }
    svg .light { fill: #fff; }
    table { border-collapse: collapse; font-size: .88rem; margin: 8px 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
    th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); }
    tr.first > * { border-top: 1px solid #9aa5b1; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    blockquote { margin: 8px 0 12px; padding: 6px 14px; border-left: 4px solid var(--accent); background: #f5f8fb; }
    blockquote p { margin: 0 0 4px; }
    blockquote footer { font-size: .85rem; }
    .codebook td.patterns { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; max-width: 520px; }
    dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: .9rem; }
    dl.prov dt { font-weight: 600; }
    dl.prov dd { margin: 0; overflow-wrap: anywhere; }
    body > footer { margin-top: 3em; font-size: .85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      nav { display: none; }
      h2 { break-after: avoid; }
      figure, table, blockquote, .card { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      blockquote { background: none; }
    }

    """
}
