import Foundation
import Testing

@Suite struct CodeCommandTests {
    /// The small fixture's expected files were worked out by hand (see Tests/Fixtures/small/README.md).
    @Test func smallFixtureMatchesHandWorkedCounts() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                             "--by", "role,employer", "--min-cell", "0", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let coded = try CLI.readCSV(out + "/coded.csv")
        let expected = try CLI.readCSV(CLI.fixture("Tests/Fixtures/small/expected_coded.csv"))
        #expect(coded.first?.last == "evidence")
        #expect(coded.count == expected.count)
        for (a, b) in zip(coded, expected) { #expect(Array(a.prefix(b.count)) == b) }
        let cross = try CLI.readCSV(out + "/crosstab.csv")
        let expectedCross = try CLI.readCSV(CLI.fixture("Tests/Fixtures/small/expected_crosstab.csv"))
        #expect(cross.count == expectedCross.count)
        for (a, b) in zip(cross, expectedCross) { #expect(Array(a.prefix(b.count)) == b) }
        #expect(Array(cross[0][5..<10]) == ["share", "ci_low", "ci_high", "p_value", "test"])  // further columns may follow `test`
        #expect(r.stdout.contains("respondents: 25"))
        try? FileManager.default.removeItem(atPath: out)
    }

    @Test func unquotedNoInDictionaryGivesTheSameCodes() throws {
        let a = CLI.tempDir(), b = CLI.tempDir()
        _ = try CLI.run(["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--out", a, "--quiet"])
        let r = try CLI.run(["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict-unquoted.yaml"), "--out", b, "--quiet"])
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: a + "/coded.csv", encoding: .utf8) == String(contentsOfFile: b + "/coded.csv", encoding: .utf8))
    }

    func expectFailure(_ args: [String], mentions: [String], out: String) throws {
        let r = try CLI.run(args)
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr: \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out), "partial output left at \(out)")
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(name) }.isEmpty)
    }

    @Test func badInputsFailCleanly() throws {
        let answers = CLI.fixture("Tests/Fixtures/small/answers.csv")
        let dict = CLI.fixture("Tests/Fixtures/small/dict.yaml")
        let out = CLI.tempDir()
        try expectFailure(["code", "/nonexistent/svar.csv", "--codebook", dict, "--out", out], mentions: ["/nonexistent/svar.csv", "no such file"], out: out)
        try expectFailure(["code", answers, "--codebook", dict, "--text-column", "svar", "--out", out], mentions: ["answers.csv", "'svar'"], out: out)
        try expectFailure(["code", answers, "--codebook", "/nonexistent/kodebok.yaml", "--out", out], mentions: ["kodebok.yaml"], out: out)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml").path
        try "tiltak:\n  - \"tiltak*\n  - lønn\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try expectFailure(["code", answers, "--codebook", bad, "--out", out], mentions: [bad + ":"], out: out)
        let ragged = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString).csv").path
        try "id,text\n1,\"aldri lukket\n2,ok\n".write(toFile: ragged, atomically: true, encoding: .utf8)
        try expectFailure(["code", ragged, "--codebook", dict, "--out", out], mentions: [ragged + ":2", "unterminated"], out: out)
    }

    @Test func skippedRowsAreReportedNotDropped() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("r-\(UUID().uuidString).csv").path
        try "id,role,text\n1,veileder,Modia er tregt\n2,veileder\n3,merkantil,\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = CLI.tempDir()
        let r = try CLI.run(["code", input, "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--by", "role", "--out", out])
        #expect(r.status == 0)
        #expect(r.stderr.contains(input + ":3: 2 fields, header has 3"))
        #expect(r.stdout.contains("respondents: 3  answered: 1  empty: 1  skipped: 1"))
        let coded = try CLI.readCSV(out + "/coded.csv")
        #expect(coded.map { $0[0] } == ["id", "1", "3"])
        let strict = try CLI.run(["code", input, "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--strict", "--out", CLI.tempDir()])
        #expect(strict.status != 0)
    }
}
