import Foundation
import Testing

/// `fritekst evaluate` on a hand-worked fixture (Tests/Fixtures/evaluate, codebook Tests/Fixtures/small/dict.yaml).
@Suite struct EvaluateCommandTests {
    let dict = CLI.fixture("Tests/Fixtures/small/dict.yaml")

    func table(_ path: String) throws -> [String: [String: String]] {
        let rows = try CLI.readCSV(path)
        var out: [String: [String: String]] = [:]
        for r in rows.dropFirst() { out[r[0]] = Dictionary(uniqueKeysWithValues: zip(rows[0], r)) }
        return out
    }

    @Test func manualColumnsAreTheGold() throws {
        let dir = CLI.tempDir()
        let r = try CLI.run(["evaluate", CLI.fixture("Tests/Fixtures/evaluate/answers.csv"), "--codebook", dict,
                             "--table", dir + "/agreement.csv", "--disagreements", dir + "/dis.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("items: 7 with gold codes (of 8 read)"))
        #expect(r.stderr.contains("without a manual column, not evaluated: ma_oppgaver, tid, avvisning"))
        let t = try table(dir + "/agreement.csv")
        // Hand count: row 6 has no manual codes; «arena» is a false digitalisering; «Kursene» is missed.
        #expect(t["digitalisering"]?["tp"] == "1" && t["digitalisering"]?["fp"] == "1" && t["digitalisering"]?["tn"] == "5")
        #expect(t["tiltak"]?["tp"] == "2" && t["tiltak"]?["fp"] == "0" && t["tiltak"]?["fn"] == "0")
        #expect(t["kompetanse"]?["tp"] == "2" && t["kompetanse"]?["fn"] == "1" && t["kompetanse"]?["tn"] == "4")
        #expect(t["(micro)"]?["precision"] == "0.8333333333")
        #expect(t["kompetanse"]?["recall"] == "0.6666666667")
        let dis = try CLI.readCSV(dir + "/dis.csv")
        #expect(dis.map { $0.prefix(4).joined(separator: " ") } == ["id theme gold predicted", "3 kompetanse 1 0", "4 digitalisering 0 1"])
        #expect(dis[2][4] == "digitalisering.systemer[glob:arena «arena»]")
        #expect(dis[2][5].hasPrefix("Det er en god arena"))
    }

    /// A missed gold theme says what matched below the theme's minimum or was blocked, or nothing.
    @Test func missedThemesShowTheirNearMisses() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let codebook = dir + "/cb.yaml"
        try """
        themes:
          - id: "tiltak"
            label: "Tiltak"
            entries:
              - lemma: "tiltak"
                weight: 0.5
          - id: "digitalisering"
            label: "Digitalisering"
            entries:
              - word: "Arena"
                case_sensitive: true
            exclude:
              - phrase: "arena for"
          - id: "kompetanse"
            label: "Kompetanse"
            entries:
              - part: "kurs"
        """.write(toFile: codebook, atomically: true, encoding: .utf8)
        let items = dir + "/items.jsonl"
        try """
        {"id": "a", "text": "Tiltakene for de unge virker ikke.", "themes": ["tiltak"]}
        {"id": "b", "text": "Arena for samarbeid med skolen.", "themes": ["digitalisering"]}
        {"id": "c", "text": "Vi trenger mer tid til det.", "themes": ["kompetanse"]}
        {"id": "d", "text": "Kursene i Arena var bra.", "themes": ["kompetanse", "digitalisering"]}
        """.write(toFile: items, atomically: true, encoding: .utf8)
        let r = try CLI.run(["evaluate", items, "--codebook", codebook, "--disagreements", dir + "/dis.csv", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let dis = try CLI.readCSV(dir + "/dis.csv")
        #expect(dis.map { $0.prefix(4).joined(separator: " ") }
                == ["id theme gold predicted", "a tiltak 1 0", "b digitalisering 1 0", "c kompetanse 1 0"])
        #expect(dis[1][4] == "tiltak (score 0.50 < 1)[lemma:tiltak «Tiltakene»]")
        #expect(dis[2][4].hasPrefix("digitalisering (score 0 < 1)[blocked: word:Arena «Arena» by exclude"), "\(dis[2][4])")
        #expect(dis[2][4].hasSuffix("«Arena for»]"), "\(dis[2][4])")
        #expect(dis[3][4] == "")                                   // nothing of the theme matched
    }

    @Test func jsonlGoldAndJsonlItems() throws {
        let g = try CLI.run(["evaluate", CLI.fixture("Tests/Fixtures/evaluate/answers.csv"), "--codebook", dict,
                             "--gold", CLI.fixture("Tests/Fixtures/evaluate/gold.jsonl")])
        #expect(g.status == 0)
        #expect(g.stderr.contains("1 gold id(s) not in") && g.stderr.contains(": 99"))
        #expect(g.stdout.split(separator: "\n").contains { $0.hasPrefix("(micro)") && $0.hasSuffix("6      8     5     3     1  0.625  0.833  0.714  0.659  0.661") }, "\(g.stdout)")
        let dir = CLI.tempDir()
        let j = try CLI.run(["evaluate", CLI.fixture("Tests/Fixtures/evaluate/items.jsonl"), "--codebook", dict, "--table", dir + "/a.csv"])
        #expect(j.status == 0, "\(j.stderr)")
        let t = try table(dir + "/a.csv")
        // A dotted gold label counts for its root; a gold theme outside the codebook is all misses.
        #expect(t["digitalisering"]?["tp"] == "1")
        #expect(t["tid"]?["tp"] == "1" && t["avvisning"]?["tp"] == "1")
        #expect(t["ledelse_styring"]?["fn"] == "1" && t["ledelse_styring"]?["in_codebook"] == "0")
        #expect(t["ma_oppgaver"]?["kappa"] == "")
        #expect(j.stdout.contains("ledelse_styring†"))
    }

    @Test func badGoldFailsWithFileAndLine() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl").path
        try "{\"id\": \"1\", \"themes\": [\"tiltak\"]}\n{\"id\": \"2\", \"themes\": \"tiltak\"}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["evaluate", CLI.fixture("Tests/Fixtures/evaluate/answers.csv"), "--codebook", dict, "--gold", bad])
        #expect(r.status == 3)
        #expect(r.stderr.contains(bad + ":2: column 'themes'"), "\(r.stderr)")
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("m-\(UUID().uuidString).csv").path
        try "id,text,manual_tiltak,manual_kompetanse\n1,Tiltak hjelper,1,ja\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let m = try CLI.run(["evaluate", csv, "--codebook", dict])
        #expect(m.status == 3)
        #expect(m.stderr.contains(csv + ":2: column 'manual_kompetanse'"), "\(m.stderr)")
        let none = try CLI.run(["evaluate", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", dict])
        #expect(none.status == 3 && none.stderr.contains("no gold codes"))
    }

    /// The corpus's 170 manually coded rows against the quanteda dictionary.
    @Test func corpusManualCodes() throws {
        let r = try CLI.run(["evaluate", CLI.fixture("Corpora/nav-2019/survey.csv"), "--codebook", CLI.fixture("Lexicons/nav/quanteda.yaml"), "--quiet",
                             "--table", CLI.tempDir() + "/a.csv"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// The published quotes (only where ../shared/eval exists); nothing of them is kept.
    @Test func sharedEvalQuotes() throws {
        let path = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/eval/nav2019-dev.jsonl").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let r = try CLI.run(["evaluate", path, "--codebook", CLI.fixture("Lexicons/nav/quanteda.yaml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(micro)") && r.stdout.contains("digitalisering"))
    }
}
