import Foundation
import Testing

/// The analysis tables of a pipeline run, re-computed independently by `scripts/check-stats.py` (scipy).
@Suite struct AnalysisOutputsTests {
    static let outputs = ["coded.csv", "crosstab.csv", "themes_by_group.csv", "cooccurrence.csv", "theme_items.csv",
                          "keyness.csv", "waves.csv", "quotes.csv"]

    /// Writes a pipeline over the analysis fixture into a temp dir and runs it; returns the output dir.
    func runFixture(analysis: String) throws -> String {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let pipeline = """
        name: analysis-fixture
        inputs:
          - path: \(CLI.fixture("Tests/Fixtures/analysis/answers.csv"))
        codebook: \(CLI.fixture("Tests/Fixtures/small/dict.yaml"))
        group_by: [role, employer]
        \(analysis.contains("min_cell") ? "" : "min_cell: 0")
        analysis:
        \(analysis)
        output:
          directory: \(dir)/out
          files: [\(Self.outputs.joined(separator: ", "))]
        """
        try pipeline.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", dir + "/p.yaml", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return dir + "/out"
    }

    func python(_ args: [String]) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.fixture("scripts/check-stats.py")] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func everyStatisticAgreesWithScipy() throws {
        let out = try runFixture(analysis: "  margins: true\n  dotted_parents: true\n  keyness_min_frequency: 2")
        let input = CLI.fixture("Tests/Fixtures/analysis/answers.csv")
        let e = try CLI.run(["evaluate", input, "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--table", out + "/agreement.csv", "--quiet"])
        #expect(e.status == 0, "\(e.stderr)")
        let check = try python([out, input, "--agreement", out + "/agreement.csv"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("all agree"))
        for kind in ["wilson", "chi2", "cramers_v", "holm", "jaccard", "welch p", "g2", "newcombe", "kappa", "alpha"] {
            #expect(check.stdout.contains(kind + " "), "not checked: \(kind)")
        }
        // Fisher's exact test: the small fixture by employer has 2×2 tables with small expected counts.
        let small = CLI.tempDir()
        let c = try CLI.run(["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                             "--by", "employer", "--min-cell", "0", "--out", small, "--quiet"])
        #expect(c.status == 0)
        let fisher = try python([small, CLI.fixture("Tests/Fixtures/small/answers.csv"), "--by", "employer"])
        #expect(fisher.status == 0, "\(fisher.stderr)")
        #expect(fisher.stdout.contains("fisher "))
    }

    @Test func crosstabColumnsMarginsAndDenominator() throws {
        let out = try runFixture(analysis: "  margins: true\n  denominator: all")
        let rows = try CLI.readCSV(out + "/themes_by_group.csv")
        #expect(rows[0] == ["theme", "role", "employer", "n_group", "n_coded", "share", "ci_low", "ci_high", "p_value", "test",
                            "cramers_v", "p_holm", "flag", "denominator"])
        let overall = rows.filter { $0[0] == "tiltak" && $0[1] == "(alle)" && $0[2] == "(alle)" }
        #expect(overall.count == 1 && overall.first?[3] == "160" && overall.first?[13] == "all")
        let byEmployer = rows.filter { $0[0] == "tiltak" && $0[1] == "(alle)" && $0[2] != "(alle)" }
        #expect(byEmployer.map { $0[2] } == ["kommunal", "statlig"])
        #expect(Set(byEmployer.map { $0[8] }).count == 1)  // one test per theme and grouping
    }

    @Test func quotesRespectTheSmallCellThreshold() throws {
        let out = try runFixture(analysis: "  min_cell: 12\n  quotes: 2")
        let rows = try CLI.readCSV(out + "/quotes.csv")
        #expect(rows[0] == ["theme", "role", "employer", "group_n", "cell_n", "rank", "id", "label_role", "label_employer",
                            "chars", "density", "score", "evidence", "text"])
        #expect(rows.count > 1)
        for r in rows.dropFirst() {
            #expect(Int(r[3])! >= 12 && Int(r[4])! >= 12, "\(r)")
            #expect(Int(r[5])! <= 2)
            #expect(!r[12].isEmpty && r[13].count <= 400)
        }
        // Label groups (role × employer) under 12 answered respondents give no quote: kontorleder/kommunal has 6.
        #expect(!rows.contains { $0[7] == "kontorleder" && $0[8] == "kommunal" })
    }
}

@Suite struct BandedItemTests {
    @Test func closedItemsBandedAsGroups() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        inputs:
          - path: \(CLI.fixture("Tests/Fixtures/analysis/answers.csv"))
        codebook: \(CLI.fixture("Tests/Fixtures/small/dict.yaml"))
        group_by: [q_tid_oppfolging]
        analysis:
          bands: {q_tid_oppfolging: ["1-2", "3", "4–5"]}
        output:
          directory: \(dir)/out
          files: [crosstab.csv]
        """.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", dir + "/p.yaml", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try CLI.readCSV(dir + "/out/crosstab.csv")
        #expect(Set(rows.dropFirst().map { $0[1] }) == ["(mangler)", "1-2", "3", "4–5"])
        try "inputs: [{path: x.csv}]\ncodebook: y.yaml\nanalysis: {bands: {q: [\"lav\"]}}\noutput: {directory: o}\n"
            .write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try CLI.run(["run", dir + "/bad.yaml"])
        #expect(bad.status == 5 && bad.stderr.contains("'lav' is not a band"), "\(bad.stderr)")
    }
}
