import Foundation
import Testing

/// Redaction and small-cell suppression through the built binary.
@Suite struct PrivacyTests {
    /// The planted identifiers of Corpora/nav-2019 (see its README) and the rows that carry them.
    static let planted = ["+47 41 22 33 44", "41 22 33 44", "922 33 445", "15838510156", "Ole Hansen", "Hansen",
                          "Marit", "kari.nordmann@eksempel.no", "kari.nordmann"]
    static let plantedRows = ["R0456", "R0476", "R0636", "R0707", "R0966", "R1123", "R1399"]
    static let corpus = CLI.fixture("Corpora/nav-2019/survey.csv")

    func write(_ text: String, _ name: String, in dir: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func redactChangesOnlyTheTextColumnAndKeepsQuotingAndLineEnds() throws {
        let dir = CLI.tempDir()
        // Semicolon-delimited, CRLF, every field quoted in one row, unquoted in another, a quoted
        // answer with a doubled quote and a line break, and a row with a field too many.
        let input = "id;kontor;text;score\r\n"
            + "\"R1\";\"Nav Lunde\";\"Ring Marit på 412 34 567; hun sa \"\"ja\"\".\r\nFnr 15838510156.\";\"3\"\r\n"
            + "R2;Nav Berg;Per uke har vi 40 oppgaver i Gosys;4\r\n"
            + "R3;Nav Vik;Skriv til kari.nordmann@eksempel.no;5;ekstra 22 33 44 55\r\n"
            + "R4;Nav Moe;;2\r\n"
        let path = try write(input, "svar.csv", in: dir)
        let out = dir + "/svar-redigert.csv"
        let r = try CLI.run(["redact", path, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let got = try String(contentsOfFile: out, encoding: .utf8)
        let want = "id;kontor;text;score\r\n"
            + "\"R1\";\"Nav Lunde\";\"Ring [NAVN] på [TLF]; hun sa \"\"ja\"\".\r\nFnr [FNR].\";\"3\"\r\n"
            + "R2;Nav Berg;Per uke har vi 40 oppgaver i Gosys;4\r\n"
            + "R3;Nav Vik;Skriv til [EPOST];5;ekstra [TLF]\r\n"
            + "R4;Nav Moe;;2\r\n"
        #expect(got == want)
        for line in ["FNR        1", "TLF        2", "EPOST      1", "KONTO      0", "NAVN       1", "URL        0", "total      5"] {
            #expect(r.stdout.contains(line), "stdout: \(r.stdout)")
        }
        #expect(r.stderr.contains("svar.csv:5"), "the broken row is reported: \(r.stderr)")
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func userNameListsAndTextColumnOption() throws {
        let dir = CLI.tempDir()
        let path = try write("id,svar\nR1,Tordis Aalvik på Nav Fjellvik er fantastisk\nR2,Ingen navn her\n", "a.csv", in: dir)
        let names = try write("# kolleger og kontor\nTordis Aalvik\nNav Fjellvik\n", "navn.txt", in: dir)
        let r = try CLI.run(["redact", path, "--text-column", "svar", "--names", names, "--out", dir + "/b.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: dir + "/b.csv", encoding: .utf8) == "id,svar\nR1,[NAVN] på [NAVN] er fantastisk\nR2,Ingen navn her\n")
        // Without the list the words stay.
        _ = try CLI.run(["redact", path, "--text-column", "svar", "--out", dir + "/c.csv", "--quiet"])
        #expect(try String(contentsOfFile: dir + "/c.csv", encoding: .utf8).contains("Tordis Aalvik"))
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func evidenceThatMatchesAnIdentifierShowsTheMarker() throws {
        let dir = CLI.tempDir()
        let csv = try write("id,text\nR1,\"Lederen Ole Hansen har ansvar for tiltak, ring 412 34 567.\"\nR2,Lederen har ansvar for tiltak.\n",
                            "a.csv", in: dir)
        // A dictionary whose entries happen to match the identifiers themselves.
        let dict = try write("ledelse:\n  - \"lederen\"\n  - \"ole hansen\"\ntiltak:\n  - \"tiltak*\"\n  - \"412\"\n", "d.yaml", in: dir)
        let r = try CLI.run(["code", csv, "--codebook", dict, "--out", dir + "/ut", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try CLI.readCSV(dir + "/ut/coded.csv")
        #expect(rows[0] == ["id", "ledelse", "tiltak", "evidence"])
        #expect(rows[1] == ["R1", "1", "1", "ledelse[glob:lederen «Lederen»; phrase:\"ole hansen\" «[NAVN]»] | tiltak[glob:tiltak* «tiltak»; glob:412 «[TLF]»]"])
        #expect(rows[2] == ["R2", "1", "1", "ledelse[glob:lederen «Lederen»] | tiltak[glob:tiltak* «tiltak»]"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func windows1252InputIsWrittenAsUTF8() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // «Kåre Nilsen på tlf 412 34 567 er flink» in Windows-1252 (å = 0xE5).
        var bytes = Array("id,text\nR1,K".utf8) + [0xE5] + Array("re Nilsen p".utf8) + [0xE5] + Array(" tlf 412 34 567 er flink\n".utf8)
        bytes += Array("R2,Ingen\n".utf8)
        let path = dir + "/w.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["redact", path, "--out", dir + "/u.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: dir + "/u.csv", encoding: .utf8) == "id,text\nR1,[NAVN] på tlf [TLF] er flink\nR2,Ingen\n")
        #expect(r.stderr.contains("written as UTF-8"))
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func redactFailsCleanly() throws {
        let dir = CLI.tempDir()
        let path = try write("id,text\nR1,hei\n", "a.csv", in: dir)
        for (args, mention) in [([path, "--text-column", "svar"], "'svar'"), ([path, "--names", "/nonexistent/navn.txt"], "navn.txt"),
                                (["/nonexistent/a.csv"], "no such file")] {
            let r = try CLI.run(["redact"] + args + ["--out", dir + "/ut.csv"])
            #expect(r.status == 3, "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(mention), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/ut.csv"))
        }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Every file in `dir` as text (XLSX parts unzipped).
    func outputTexts(_ dir: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: dir) {
            let path = dir + "/" + f
            if f.hasSuffix(".xlsx") {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
                p.arguments = ["-p", path]
                let pipe = Pipe()
                p.standardOutput = pipe
                try p.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                out[f] = String(decoding: data, as: UTF8.self)
            } else {
                out[f] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return out
    }

    @Test func bundledCorpusOutputsCarryNoPlantedIdentifier() throws {
        let dir = CLI.tempDir()
        // 1. fritekst redact
        let redacted = dir + "/survey-redigert.csv"
        let r = try CLI.run(["redact", Self.corpus, "--out", redacted])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("answers changed: 7"), "\(r.stdout)")
        // 2. fritekst code on the original (coding sees the real text)
        let coded = dir + "/kodet"
        let c = try CLI.run(["code", Self.corpus, "--codebook", CLI.fixture("Lexicons/nav/quanteda.yaml"), "--by", "role,employer",
                             "--min-cell", "10", "--out", coded])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("redacted: FNR 1, TLF 3, EPOST 1, KONTO 0, NAVN 3, URL 0"), "\(c.stdout)")
        // 3. a pipeline with the workbook (the Svar sheet shows answer text) and a user list
        //    (the word «Breddeløsningen» stands in for a colleague's name: it occurs in 3 answers)
        _ = try write("Breddeløsningen\n", "navn.txt", in: dir)
        let pipeline = try write("""
            name: personvern
            inputs:
              - path: \(Self.corpus)
            codebook: \(CLI.fixture("Lexicons/nav/quanteda.yaml"))
            group_by: [office_size, role]
            min_cell: 5
            names: [navn.txt]
            output:
              directory: \(dir)/rapport
              files: [coded.csv, themes_by_group.csv, report.xlsx]
            """, "p.yaml", in: dir)
        let p = try CLI.run(["run", pipeline])
        #expect(p.status == 0, "\(p.stderr)")

        var texts = try outputTexts(coded).merging(outputTexts(dir + "/rapport")) { a, b in a + b }
        texts["survey-redigert.csv"] = try String(contentsOfFile: redacted, encoding: .utf8)
        #expect(texts.keys.sorted() == ["coded.csv", "crosstab.csv", "report.xlsx", "survey-redigert.csv", "themes_by_group.csv"])
        for (file, text) in texts {
            for id in Self.planted { #expect(!text.contains(id), "\(file) contains «\(id)»") }
        }
        #expect(texts["report.xlsx"]!.contains("[NAVN]") && texts["report.xlsx"]!.contains("[FNR]"))
        #expect(texts["report.xlsx"]!.contains("&lt;5") || texts["report.xlsx"]!.contains("<5"))
        // Answers from groups under 5 are shown without their group values, and provenance has the counts.
        #expect(texts["report.xlsx"]!.contains("(skjult: gruppe under 5)"))
        #expect(texts["report.xlsx"]!.contains("FNR=1,TLF=3,EPOST=1,KONTO=0,NAVN=6,URL=0"))
        #expect(!texts["report.xlsx"]!.contains("Breddeløsningen"))

        // The ids still allow lookup: coded.csv has every input id, in order, and the planted rows are there.
        let codedRows = try CLI.readCSV(coded + "/coded.csv")
        let inputRows = try CLI.readCSV(Self.corpus)
        #expect(codedRows.dropFirst().map { $0[0] } == inputRows.dropFirst().map { $0[0] })
        for id in Self.plantedRows { #expect(codedRows.contains { $0[0] == id }) }
        // …and the redacted copy keeps every row and id of the input.
        let redactedRows = try CLI.readCSV(redacted)
        #expect(redactedRows.map { $0[0] } == inputRows.map { $0[0] })
        #expect(redactedRows.map(\.count) == inputRows.map(\.count))

        // Small cells in the crosstab (--min-cell 10).
        try checkSuppressed(coded + "/crosstab.csv", minCell: 10)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func checkSuppressed(_ path: String, minCell: Int) throws {
        let rows = try CLI.readCSV(path)
        let header = rows[0]
        let nGroup = header.firstIndex(of: "n_group")!, nCoded = header.firstIndex(of: "n_coded")!, share = header.firstIndex(of: "share")!
        let p = header.firstIndex(of: "p_value")!
        var hidden = 0
        for row in rows.dropFirst() {
            if let n = Int(row[nGroup]) { #expect(n >= minCell) } else { #expect(row[nGroup] == "<\(minCell)") }
            if let c = Int(row[nCoded]) { #expect(c >= minCell) } else { #expect(row[nCoded] == "<\(minCell)"); hidden += 1; #expect(row[share].isEmpty) }
            #expect(!row[p].isEmpty)   // p-values are not touched
        }
        #expect(hidden > 0)
        // No theme hides exactly one count (the theme total would reveal it).
        let byTheme = Dictionary(grouping: rows.dropFirst(), by: { $0[0] })
        for (_, part) in byTheme { #expect(part.filter { $0[nCoded].hasPrefix("<") }.count != 1) }
    }

    static let canUnshare: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-n", "true"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test(.enabled(if: PrivacyTests.canUnshare, "unshare -n is not permitted here"))
    func runsWithTheNetworkCutOff() throws {
        let dir = CLI.tempDir()
        for args in [["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                      "--by", "role", "--out", dir + "/a", "--quiet"],
                     ["redact", Self.corpus, "--out", dir + "/b.csv", "--quiet"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            p.arguments = ["-n", CLI.binary] + args
            p.currentDirectoryURL = CLI.root
            p.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            p.standardError = err
            try p.run()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(args[0]): \(String(decoding: e, as: UTF8.self))")
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/a/coded.csv") && FileManager.default.fileExists(atPath: dir + "/b.csv"))
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")))
    func binaryLinksNoNetworkingLibrary() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [CLI.binary]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text.contains("libc.so"))
        for lib in ["FoundationNetworking", "libcurl", "libssl", "libnghttp"] { #expect(!text.contains(lib), "links \(lib)") }
    }
}
