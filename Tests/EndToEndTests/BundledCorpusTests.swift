import Foundation
import Testing

/// The NAV codebook on answers of the bundled corpus, checked against codes worked out by reading
/// each answer and the codebook entries by hand (see the comments).
@Suite struct BundledCorpusTests {
    static let handCoded: [String: [String: Int]] = [
        // «Tiltaksbedriftene …», «vedtaket tilbake fra NAY»: tiltak (part), samarbeid_nay (NAY).
        "R0005": ["tiltak": 1, "samarbeid_nay": 1, "digitalisering": 0, "kompetanse_opplaering": 0],
        // Nynorsk: «Fagsystema», «overprøvar», «arbeidsevnevurderingane».
        "R0129": ["digitalisering": 1, "samarbeid_nay": 1, "arbeidsevnevurdering": 1, "tiltak": 0],
        // «Digitaliseringen har gjort mye enklere»: digitalisering only.
        "R0282": ["digitalisering": 1, "samarbeid_nay": 0, "brukeroppfolging": 0],
        // «Brukerne datofordeles …», «Samarbeidet med NAY».
        "R0486": ["bredde_generalist": 1, "samarbeid_nay": 1, "digitalisering": 0],
        // «en god arena for å lære av hverandre»: arena the meeting place, learning from colleagues.
        "R1149": ["digitalisering": 0, "kompetanse_opplaering": 1],
        // «Det var det.»: answered, no theme.
        "R1275": ["digitalisering": 0, "samarbeid_nay": 0, "tiltak": 0, "ledelse_styring": 0],
        // «kommunal dominans».
        "R1408": ["samarbeid_stat_kommune": 1, "samarbeid_nay": 0],
        // «ikke tid til arbeidsrettet oppfølging».
        "R1560": ["arbeidsbelastning_tid": 1, "tiltak": 0],
    ]

    /// Codebook 0.4.1 on sentences written for the test: compound parts inside longer compounds,
    /// the tool name Teams, and the county level of Nav vs the county municipality.
    @Test func navCodebook041CasesCodeAsIntended() throws {
        try expectNavCodes([
            ("Vi har mange arbeidsmiljøutfordringer på kontoret.", "arbeidsmiljo", "1"),
            ("Målekortstyringen tar all oppmerksomhet.", "ma_oppgaver", "1"),
            ("Beskjeder kommer i Teams og på e-post samtidig.", "digitalisering", "1"),
            ("Vi jobber i team med faste brukergrupper.", "digitalisering", "0"),
            ("Fylkeskommunen og fylkesmannen holder egne kurs.", "ledelse_styring", "0"),
            ("Fylket styrer alt, og fylkesdirektøren bestemmer.", "ledelse_styring", "1"),
            ("Saksbehandlingstida for sakene er lang.", "regelverk", "0"),
        ])
    }

    /// Codebook 0.4.2 on sentences written for the test: terms of the domain vocabulary that
    /// coded nothing before (intranettet, to-leddet, nærledelse, kompetansegap, TIO, …).
    @Test func navCodebook042CasesCodeAsIntended() throws {
        try expectNavCodes([
            ("Intranettet er så uoversiktlig at ingen finner noe.", "digitalisering", "1"),
            ("Listene i Excel og saksbehandlingsverktøyet stemmer ikke.", "digitalisering", "1"),
            ("Vi er to-leddet og har to sett med regler for alt.", "samarbeid_stat_kommune", "1"),
            ("Nærledelsen er fraværende hele høsten.", "ledelse_styring", "1"),
            ("Det er et stort kompetansegap mellom nye og erfarne.", "kompetanse_opplaering", "1"),
            ("Et godt opplæringsløp for nytilsatte mangler.", "kompetanse_opplaering", "1"),
            ("Fagfrokost og erfaringsutveksling på tvers av team hjelper.", "kompetanse_opplaering", "1"),
            ("Flere brukere burde få TIO eller AMO-kurs.", "tiltak", "1"),
            ("Det trengs psykologisk trygghet for å si fra.", "arbeidsmiljo", "1"),
            ("Despesialiseringen har gått for langt.", "bredde_generalist", "1"),
            ("Kontantytelsene og saksbehandlingen av dem tar all tid.", "samarbeid_nay", "1"),
            ("Vi spiser frokost sammen før møtet.", "kompetanse_opplaering", "0"),   // fagfrokost, not frokost
            ("Tida løp fra oss i høst.", "kompetanse_opplaering", "0"),
        ])
    }

    /// Codes each sentence with the NAV codebook and expects the theme column to be `coded`.
    private func expectNavCodes(_ cases: [(text: String, theme: String, coded: String)]) throws {
        var w = "id,text\n"
        for (i, c) in cases.enumerated() { w += "c\(i),\"\(c.text)\"\n" }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("cb-\(UUID().uuidString).csv").path
        try w.write(toFile: input, atomically: true, encoding: .utf8)
        let out = CLI.tempDir()
        let r = try CLI.run(["code", input, "--codebook", CLI.fixture("Lexicons/nav/codebook.yaml"), "--min-cell", "0", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let coded = try CLI.readCSV(out + "/coded.csv")
        for (i, c) in cases.enumerated() {
            let row = try #require(coded.first { $0[0] == "c\(i)" })
            #expect(row[coded[0].firstIndex(of: c.theme)!] == c.coded, "\(c.text) \(c.theme): evidence \(row.last!)")
        }
    }

    @Test func navCodebookMatchesHandCodingOnASubset() throws {
        let corpus = try CLI.readCSV(CLI.fixture("Corpora/nav-2019/survey.csv"))
        let header = corpus[0]
        let idCol = header.firstIndex(of: "id")!
        let keep = Set(Self.handCoded.keys).union(["R0001"])        // R0001: an empty answer
        var w = "id,role,employer,text\n"
        var roles: [String: String] = [:]
        for row in corpus.dropFirst() where keep.contains(row[idCol]) {
            func field(_ name: String) -> String { row[header.firstIndex(of: name)!] }
            roles[field("id")] = field("role")
            w += [field("id"), field("role"), field("employer"), "\"" + field("text").replacingOccurrences(of: "\"", with: "\"\"") + "\""]
                .joined(separator: ",") + "\n"
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("subset-\(UUID().uuidString).csv").path
        try w.write(toFile: input, atomically: true, encoding: .utf8)
        let out = CLI.tempDir()
        let r = try CLI.run(["code", input, "--codebook", CLI.fixture("Lexicons/nav/codebook.yaml"), "--by", "role", "--min-cell", "0",
                             "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("respondents: 9  answered: 8  empty: 1  skipped: 0"))
        let coded = try CLI.readCSV(out + "/coded.csv")
        let cols = coded[0]
        #expect(coded.count == 10)
        for row in coded.dropFirst() {
            let id = row[0]
            if id == "R0001" { #expect(row.dropFirst().dropLast().allSatisfy { $0 == "0" }); continue }
            for (theme, expected) in Self.handCoded[id] ?? [:] {
                let value = row[cols.firstIndex(of: theme)!]
                #expect(value == String(expected), "\(id) \(theme): got \(value), evidence: \(row.last!)")
            }
        }
        // Crosstab by role for samarbeid_nay, counted by hand from the table above:
        // kontorleder R0005 1, R0129 1, R1149 0, R1275 0 → 4 answered, 2 coded;
        // veileder R0486 1, R1408 0, R1560 0 (R0001 empty, not counted) → 3, 1; fagansvarlig R0282 → 1, 0.
        let cross = try CLI.readCSV(out + "/crosstab.csv")
        func cell(_ theme: String, _ role: String) -> [String]? { cross.first { $0[0] == theme && $0[1] == role } }
        #expect(roles["R0001"] == "veileder")
        #expect(cell("samarbeid_nay", "kontorleder").map { Array($0[2...3]) } == ["4", "2"])
        #expect(cell("samarbeid_nay", "veileder").map { Array($0[2...3]) } == ["3", "1"])
        #expect(cell("samarbeid_nay", "fagansvarlig").map { Array($0[2...3]) } == ["1", "0"])
        #expect(cell("samarbeid_nay", "kontorleder")?[4] == "0.500000")
        // With the default threshold (5) none of these groups may be shown.
        let guarded = CLI.tempDir()
        #expect(try CLI.run(["code", input, "--codebook", CLI.fixture("Lexicons/nav/codebook.yaml"), "--by", "role", "--out", guarded,
                             "--quiet"]).status == 0)
        let hidden = try CLI.readCSV(guarded + "/crosstab.csv").dropFirst()
        #expect(hidden.allSatisfy { $0[2] == "<5" && $0[3] == "<5" && $0[4].isEmpty })
    }

    @Test func pipelineWritesTheThreeOutputs() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let pipeline = dir + "/p.yaml"
        try """
            name: test
            inputs:
              - path: \(CLI.fixture("Corpora/nav-2019/survey.csv"))
                wave: "2019"
            codebook: \(CLI.fixture("Lexicons/nav/quanteda.yaml"))
            group_by: [role, employer]
            output:
              directory: out
            reproducible: true
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", pipeline, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for f in ["coded.csv", "themes_by_group.csv", "report.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/out/" + f), "\(f) missing")
        }
        let coded = try CLI.readCSV(dir + "/out/coded.csv")
        #expect(coded.count == 1746)
        let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/themes_by_group.csv"))
        let again = try CLI.run(["run", pipeline, "--quiet"])
        #expect(again.status == 0, "second run: \(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out/themes_by_group.csv")) == first)
        let bad = dir + "/bad.yaml"
        try "name: x\ninputs: []\ncodebook: k.yaml\noutput: {directory: o}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let b = try CLI.run(["run", bad])
        #expect(b.status != 0 && b.stderr.contains("bad.yaml"))
    }
}

@Suite struct NoSmallCellsTests {
    /// Every count column of every table the main pipeline writes is either ≥ 5 or written `<5`.
    @Test func mainPipelineOutputsHaveNoCellUnderTheThreshold() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: CLI.fixture("Pipelines/nav-2019.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../", with: CLI.root.path + "/")
            .replacingOccurrences(of: CLI.root.path + "/out/nav-2019", with: dir + "/out")
        try text.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", dir + "/p.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.split(separator: "\n").contains { line in
            line.hasPrefix("  ") && line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 < 5 } == true
        }, "summary shows a count under 5")
        let countColumns: Set<String> = ["n_group", "n_coded", "n_a", "n_b", "n_both", "n_with", "n_without", "a", "b", "c", "d",
                                         "group_n", "cell_n"]
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").filter { $0.hasSuffix(".csv") && $0 != "coded.csv" }
        #expect(files.count >= 6)
        for file in files {
            let rows = try CLI.readCSV(dir + "/out/" + file)
            for (c, name) in rows[0].enumerated() where countColumns.contains(name) {
                for row in rows.dropFirst() {
                    if let v = Int(row[c]) { #expect(v >= 5, "\(file) \(name) = \(v) in \(row.prefix(4))") } else {
                        #expect(row[c] == "<5", "\(file) \(name) = \(row[c])")
                    }
                }
            }
        }
    }
}

@Suite struct EvaluateNAVTests {
    /// The NAV codebook against the corpus's manual codes: hidden helper themes are not evaluated,
    /// and agreement stays at the level measured when the codebook was last changed.
    @Test func navCodebookAgreesWithTheManualCodes() throws {
        let r = try CLI.run(["evaluate", CLI.fixture("Corpora/nav-2019/survey.csv"), "--codebook", CLI.fixture("Lexicons/nav/codebook.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("negasjon"))
        guard let micro = r.stdout.split(separator: "\n").first(where: { $0.hasPrefix("(micro)") }) else {
            Issue.record("no micro row: \(r.stdout)"); return
        }
        let f1 = Double(micro.split(separator: " ").filter { !$0.isEmpty }[8]) ?? 0
        #expect(f1 >= 0.78, "micro F1 \(f1)")
    }
}
