import Foundation
import Testing

/// The NAV 2019 corpus ships as CSV, XLSX and SPSS .sav (made by scripts/make-corpus-copies); all three must code identically.
@Suite struct CorpusFormatsTests {
    @Test func csvXlsxAndSavGiveIdenticalCodedOutput() throws {
        var coded: [String: Data] = [:]
        var crosstab: [String: Data] = [:]
        for ext in ["csv", "xlsx", "sav"] {
            let out = CLI.tempDir()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let r = try CLI.run(["code", "Corpora/nav-2019/survey.\(ext)", "--codebook", "Lexicons/nav/quanteda.yaml",
                                 "--by", "employer", "--out", out, "--reproducible", "--quiet"])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            #expect(r.stderr.contains("rows read: 1745"), "\(ext): \(r.stderr)")
            coded[ext] = FileManager.default.contents(atPath: out + "/coded.csv")
            crosstab[ext] = FileManager.default.contents(atPath: out + "/crosstab.csv")
        }
        let rows = try #require(coded["csv"]).split(separator: UInt8(ascii: "\n")).count
        #expect(rows > 1745)   // header + one line per respondent (evidence may add quoted line breaks)
        #expect(coded["xlsx"] == coded["csv"])
        #expect(coded["sav"] == coded["csv"])
        #expect(crosstab["xlsx"] == crosstab["csv"])
        #expect(crosstab["sav"] == crosstab["csv"])
    }

    @Test func tenMegabyteAnswerIsCodedLikeAnyOther() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // ~10.5 MB: one long answer whose only theme word comes at the very end.
        let big = String(repeating: "Dette er et langt svar om hverdagen på kontoret, uten noe å kode. ", count: 160_000)
            + "Til slutt: vi trenger flere tiltaksplasser."
        let csv = "id,role,employer,text\nR1,veileder,statlig,\"\(big)\"\nR2,leder,kommunal,Kort svar\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/big.csv"))
        let r = try CLI.run(["code", dir + "/big.csv", "--codebook", "Tests/Fixtures/small/dict.yaml", "--out", dir + "/out", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("rows read: 2  answered: 2"))
        let coded = try CLI.readCSV(dir + "/out/coded.csv")
        #expect(coded.count == 3)
        let tiltak = try #require(coded[0].firstIndex(of: "tiltak"))
        #expect(coded[1][tiltak] == "1", "the long answer is coded: \(coded[1])")
        #expect(coded[1].last?.contains("tiltaksplasser") == true)
    }
}
