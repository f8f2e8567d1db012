import Foundation
import FritekstIngest
import Testing

/// The analyst reports (report.xlsx, report.html, coded.json, coded.sav, coded-excel.csv) through the built binary.
@Suite(.serialized) struct ReportOutputsTests {
    static let corpus = CLI.fixture("Corpora/nav-2019/survey.csv")
    static let files = ["coded.csv", "coded-excel.csv", "coded.json", "coded.sav", "themes_by_group.csv", "cooccurrence.csv",
                        "quotes.csv", "report.xlsx", "report.html"]

    /// One reproducible run over the bundled corpus, shared by the tests that only read it.
    static let shared: Result<String, any Error> = Result { try ReportOutputsTests().run(corpus, in: CLI.tempDir()) }

    /// Writes a pipeline over `input` with every report and runs it; returns the output directory.
    func run(_ input: String, in dir: String, reproducible: Bool = true, files: [String] = files) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let pipeline = dir + "/p.yaml"
        try """
            name: Rapportprøve
            description: NAV-kontorundersøkelsen 2019 – «prøve» & <test>
            inputs:
              - path: \(input)
                wave: "2019"
            codebook: \(CLI.fixture("Lexicons/nav/quanteda.yaml"))
            group_by: [role, employer]
            reproducible: \(reproducible)
            analysis:
              margins: true
              quotes: 2
            output:
              directory: \(dir)/ut
              files: [\(files.joined(separator: ", "))]
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", pipeline])
        #expect(r.status == 0, "\(r.stderr)")
        return dir + "/ut"
    }

    @Test func everyReportIsWrittenSelfContainedAndRedacted() throws {
        let out = try Self.shared.get()
        for f in Self.files { #expect(FileManager.default.fileExists(atPath: out + "/" + f), "\(f) missing") }

        // HTML: one file, nothing fetched, escaped, Norwegian, a chart and a table per section, print styles.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url("))
        #expect(html.contains("NAV-kontorundersøkelsen 2019 – «prøve» &amp; &lt;test&gt;"))
        #expect(!html.contains("<test>"))
        for section in ["Temaer totalt", "Temaer etter rolle", "Temaer etter arbeidsgiver", "Samforekomst", "Sitater", "Kodebok", "Opphav"] {
            #expect(html.contains(section), "no section \(section)")
        }
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)          // overall, role, employer, heatmap
        #expect(html.components(separatedBy: "<table").count - 1 >= 5)
        #expect(html.contains("@media print"))
        #expect(html.contains("&lt;5"))                                           // suppressed cells are shown as <5
        #expect(html.contains("reproduserbar kjøring"))

        // JSON parses, follows the schema and agrees with coded.csv.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/coded.json"))) as! [String: Any]
        #expect(json["schema"] as? String == "fritekst.coded/1")
        let respondents = json["respondents"] as! [[String: Any]]
        let coded = try CLI.readCSV(out + "/coded.csv")
        #expect(respondents.count == coded.count - 1)
        let themes = Array(coded[0].dropFirst().dropLast())
        for (r, row) in zip(respondents, coded.dropFirst()) {
            let flags = r["themes"] as! [String: Int]
            #expect(r["id"] as? String == row[0])
            #expect(themes.map { String(flags[$0]!) } == Array(row.dropFirst().dropLast()))
        }
        let prov = json["provenance"] as! [String: Any]
        #expect(prov["created_at"] is NSNull)
        #expect((prov["codebook"] as? [String: Any])?["fnv1a64"] as? String != nil)
        let byGroup = json["themes_by_group"] as! [[String: Any]]
        #expect(byGroup.count == (try CLI.readCSV(out + "/themes_by_group.csv")).count - 1)
        #expect(byGroup.contains { $0["n_coded"] is NSNull })                  // hidden counts are null

        // coded-excel.csv: BOM, semicolons, same fields.
        let excel = try Data(contentsOf: URL(fileURLWithPath: out + "/coded-excel.csv"))
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let excelText = String(decoding: excel.dropFirst(3), as: UTF8.self)
        #expect(excelText.hasPrefix("id;" + themes.joined(separator: ";") + ";evidence\n"))

        // No planted identifier in any text output; the .sav answer column is redacted too.
        var texts = ["report.html": html, "coded.json": try String(contentsOfFile: out + "/coded.json", encoding: .utf8),
                     "quotes.csv": try String(contentsOfFile: out + "/quotes.csv", encoding: .utf8)]
        texts["report.xlsx"] = unzipped(out + "/report.xlsx")
        let sav = try StatReader.read(path: out + "/coded.sav", kind: .sav)
        let text = sav.table.columnIndex("text")!
        texts["coded.sav"] = sav.table.rows.map { $0[text] }.joined(separator: "\n")
        for (file, t) in texts {
            for id in PrivacyTests.planted { #expect(!t.contains(id), "\(file) contains «\(id)»") }
        }
        #expect(texts["coded.sav"]!.contains("[FNR]") && texts["coded.json"]!.contains("[NAVN]"))
        #expect(texts["report.xlsx"]!.contains("Samforekomst") && texts["report.xlsx"]!.contains("Sitater"))
    }

    @Test func savMergesCodesWithTheInputVariablesAndLabels() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let input = dir + "/survey.sav"
        let c = try CLI.run(["convert", Self.corpus, "--out", input, "--value-labels", "role,employer",
                             "--variable-label", "role=Rolle i Nav-kontoret", "--variable-label", "office_size=Kontorstørrelse"])
        #expect(c.status == 0, "\(c.stderr)")
        let out = try run(input, in: dir)
        let read = try StatReader.read(path: out + "/coded.sav", kind: .sav)
        let original = try StatReader.read(path: input, kind: .sav)
        let vars = Dictionary(read.variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // The input's variables first, with their labels and value labels kept.
        #expect(Array(read.table.header.prefix(original.table.header.count)) == original.table.header)
        #expect(vars["role"]?.label == "Rolle i Nav-kontoret")
        #expect(vars["office_size"]?.label == "Kontorstørrelse")
        #expect(vars["role"]?.valueLabels == original.variables.first { $0.name == "role" }?.valueLabels)
        #expect(read.table.rows.count == original.table.rows.count)
        // Then one 0/1 variable per theme, with value labels, equal to coded.csv by id.
        let coded = try CLI.readCSV(out + "/coded.csv")
        let themes = Array(coded[0].dropFirst().dropLast())
        #expect(Array(read.table.header.suffix(themes.count)) == themes)
        for t in themes {
            #expect(vars[t]?.valueLabels == ["0": "Ikke nevnt", "1": "Nevnt"], "\(t)")
            #expect(vars[t]?.label == t)                                            // quanteda labels are the ids
        }
        let id = read.table.columnIndex("id")!
        let byID = Dictionary(coded.dropFirst().map { ($0[0], Array($0.dropFirst().dropLast())) }, uniquingKeysWith: { a, _ in a })
        let first = read.table.header.count - themes.count
        for row in read.table.rows {
            // Value labels turn codes back into text when read, so the theme cells read as «Nevnt» / «Ikke nevnt».
            let flags = row[first...].map { $0 == "Nevnt" ? "1" : $0 == "Ikke nevnt" ? "0" : $0 }
            #expect(byID[row[id]] == flags, "\(row[id])")
        }
        // Role values read back as the same labels as in the input.
        let role = read.table.columnIndex("role")!, oRole = original.table.columnIndex("role")!
        #expect(read.table.rows.map { $0[role] } == original.table.rows.map { $0[oRole] })
    }

    @Test func reproducibleRunsAreByteIdentical() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Self.shared.get()
        let b = try run(Self.corpus, in: dir + "/b")
        for f in Self.files where f != "report.html" && f != "coded.json" && f != "report.xlsx" && f != "coded.sav" {
            #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f), "\(f)")
        }
        // Reports name their output directory only through the inputs and codebook, which are the same here.
        for f in ["report.html", "coded.json", "report.xlsx", "coded.sav"] {
            #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f), "\(f)")
        }
        // Without --reproducible the time is recorded.
        let c = try run(Self.corpus, in: dir + "/c", reproducible: false, files: ["report.html"])
        let html = try String(contentsOfFile: c + "/report.html", encoding: .utf8)
        #expect(html.contains("kjørt 20"))
    }

    /// openpyxl, pyreadstat and headless Chromium read the reports (scripts/check-outputs); skipped without the Python modules.
    @Test func realClientsReadTheReports() throws {
        let out = try Self.shared.get()
        let p = Process()
        // The venv that `scripts/check-outputs --setup` makes, else whatever python3 is on PATH.
        let venv = CLI.fixture(".build/check-outputs-venv/bin/python")
        let python = FileManager.default.isExecutableFile(atPath: venv) ? [venv] : ["/usr/bin/env", "python3"]
        p.executableURL = URL(fileURLWithPath: python[0])
        p.arguments = Array(python.dropFirst()) + [CLI.fixture("scripts/check-outputs"), out, "--no-install"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 77 {
            print("ReportOutputsTests: skipped the client checks: \(text)")
            return
        }
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("all outputs agree"))
    }

    func unzipped(_ path: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        p.arguments = ["-p", path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try? p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
