import Foundation
import Testing

/// Column mapping on the command line: several open questions, waves from several files, renames, row-number ids.
@Suite struct MappingCommandTests {
    func write(_ dir: String, _ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func severalTextColumnsAreCodedTogetherAndEachOnItsOwn() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = try write(dir, "to-spm.csv", "id,role,q1,q2\nR1,veileder,For mange brukere,Bedre IKT trengs\nR2,leder,,For lite tid til oppfølging\nR3,leder,,\n")
        let r = try CLI.run(["code", input, "--codebook", "Tests/Fixtures/small/dict.yaml", "--text-column", "q1,q2",
                             "--by", "role", "--out", dir + "/out", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let together = try CLI.readCSV(dir + "/out/coded.csv")
        let q1 = try CLI.readCSV(dir + "/out/question-q1/coded.csv")
        let q2 = try CLI.readCSV(dir + "/out/question-q2/coded.csv")
        let generelt = try #require(together[0].firstIndex(of: "digitalisering.generelt"))
        #expect(together.dropFirst().map { $0[generelt] } == ["1", "0", "0"])
        #expect(q1.dropFirst().map { $0[generelt] } == ["0", "0", "0"])
        #expect(q2.dropFirst().map { $0[generelt] } == ["1", "0", "0"])
        #expect(r.stderr.contains("rows read: 3  answered: 2  empty: 1"))   // together
        #expect(r.stderr.contains("rows read: 3  answered: 1  empty: 2"))   // q1 alone
        let bad = try CLI.run(["code", input, "--codebook", "Tests/Fixtures/small/dict.yaml", "--text-column", "q1,q9",
                               "--out", dir + "/bad"])
        #expect(bad.status == 3 && bad.stderr.contains("column 'q9'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad"))
    }

    @Test func wavesFromSeveralFilesWithRenamesAndRowNumbers() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try write(dir, "2019.csv", "id,text\nR1,Vi trenger flere tiltak\nR2,Greit\n")
        let b = try write(dir, "2023.csv", "nr,svar\n1,Tiltaksplassene er få\n2,For lite tid\n3,\n")
        let r = try CLI.run(["code", a, b, "--rename", "svar=text", "--rename", "nr=id", "--wave", "2019,2023", "--by", "wave",
                             "--codebook", "Tests/Fixtures/small/dict.yaml", "--min-cell", "0", "--out", dir + "/out", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("rows read: 5  answered: 4  empty: 1"))
        let crosstab = try CLI.readCSV(dir + "/out/crosstab.csv")
        let tiltak = crosstab.filter { $0[0] == "tiltak" }
        #expect(tiltak.map { [$0[1], $0[2], $0[3]] } == [["2019", "2", "1"], ["2023", "2", "1"]])
        let rows = try CLI.run(["code", b, "--id-column", "", "--text-column", "svar", "--codebook", "Tests/Fixtures/small/dict.yaml",
                                "--out", dir + "/rows", "--quiet"])
        #expect(rows.status == 0, "\(rows.stderr)")
        #expect(try CLI.readCSV(dir + "/rows/coded.csv").dropFirst().map { $0[0] } == ["1", "2", "3"])
        let mismatch = try CLI.run(["code", a, b, "--wave", "2019", "--codebook", "Tests/Fixtures/small/dict.yaml", "--out", dir + "/x"])
        #expect(mismatch.status == 64 && mismatch.stderr.contains("--wave has 1 label(s) for 2 input file(s)"))
    }

    @Test func pipelineReadsAWorkbookSheetAndJSONLinesAsWaves() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = CLI.fixture("")
        let pipeline = try write(dir, "p.yaml", """
            name: formats
            inputs:
              - path: \(root)/Tests/Fixtures/formats/two-sheets.xlsx
                sheet: Svar
                wave: "2019"
              - path: \(root)/Tests/Fixtures/formats/answers.jsonl
                wave: "2023"
                text_columns: [text, role]
            codebook: \(root)/Tests/Fixtures/small/dict.yaml
            group_by: [wave]
            output:
              directory: out
              files: [coded.csv, crosstab.csv]
            """)
        let r = try CLI.run(["run", pipeline, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("rows read: 5  answered: 5"))
        let coded = try CLI.readCSV(dir + "/out/coded.csv")
        #expect(coded.dropFirst().map { $0[0] } == ["R1", "R2", "R1", "R2", "R3"])
        let tiltak = try #require(coded[0].firstIndex(of: "tiltak"))
        #expect(coded[1][tiltak] == "1")   // «flere tiltaksplasser» from the workbook's second sheet
    }
}
