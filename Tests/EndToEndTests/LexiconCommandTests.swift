import Foundation
import Testing

@Suite struct LexiconCommandTests {
    @Test func importWritesACodebookThatCodes() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = dir + "/nav.yaml"
        let r = try CLI.run(["lexicon", "import", CLI.fixture("Tests/Fixtures/lexicon/nav.cat"), "--from", "wordstat", "--out", yaml])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("4 themes"))
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        #expect(text.contains("  - id: \"tidspress\"\n    label: \"TIDSPRESS\"\n    parent: \"arbeidshverdag\"\n"))
        #expect(text.contains("      - word: \"måltall\"\n        weight: 0.5\n"))
        let out = dir + "/out"
        let c = try CLI.run(["code", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--codebook", yaml, "--out", out, "--quiet"])
        #expect(c.status == 0, "\(c.stderr)")
        let coded = try CLI.readCSV(out + "/coded.csv")
        #expect(Array(coded[0].prefix(5)) == ["id", "arbeidshverdag", "tidspress", "må-oppgaver", "tiltak"])
        // Answer 3 talks about tiltaksplasser and lønnstilskudd.
        #expect(coded[3][4] == "1")
    }

    @Test func importedQuantedaDictionaryCodesLikeTheOriginal() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["lexicon", "import", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--from", "quanteda", "--out", dir + "/dict.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        let answers = CLI.fixture("Tests/Fixtures/small/answers.csv")
        _ = try CLI.run(["code", answers, "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--out", dir + "/a", "--quiet"])
        _ = try CLI.run(["code", answers, "--codebook", dir + "/dict.yaml", "--out", dir + "/b", "--quiet"])
        let a = try CLI.readCSV(dir + "/a/coded.csv"), b = try CLI.readCSV(dir + "/b/coded.csv")
        #expect(b[0].contains("digitalisering"))           // the parent theme quanteda flattens away
        for (k, name) in a[0].enumerated() where name != "evidence" {
            let j = try #require(b[0].firstIndex(of: name))
            #expect(a.map { $0[k] } == b.map { $0[j] }, "column \(name)")
        }
    }

    @Test func windows1252DictionaryImportsWithANote() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dic = dir + "/ansi.dic"
        let text = try String(contentsOfFile: CLI.fixture("Tests/Fixtures/lexicon/nav.dic"), encoding: .utf8)
        try #require(text.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: dic))
        let r = try CLI.run(["lexicon", "import", dic])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Windows-1252"))
        #expect(r.stdout.contains("      - word: \"lønnstilskudd\"\n") && r.stdout.contains("      - glob: \"må-oppgave*\"\n"))
    }

    @Test func malformedDictionaryFailsWithOneLocatedLineAndNoOutput() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dic = dir + "/feil.dic"
        try "%\n1\ttiltak\n%\ntiltak*\t1\nmodia\t1 9\n".write(toFile: dic, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lexicon", "import", dic, "--from", "liwc", "--out", dir + "/ut.yaml"])
        #expect(r.status == 4)
        #expect(r.stderr == "fritekst: error: \(dic):5:9: unknown category number 9 (not in the % header)\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/ut.yaml"))
    }

    @Test func lintExitsWithFourOnErrorsAndZeroOnWarnings() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.yaml"
        try "themes:\n  - id: a\n    parent: b\n    entries: [\"nav-\"]\n  - id: b\n    parent: a\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lexicon", "lint", bad])
        #expect(r.status == 4)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(bad):2:5: error: parent cycle: a → b → a"))
        #expect(lines.contains { $0.hasPrefix("\(bad):4:15: error: glob 'nav-' cannot match any token") })
        #expect(lines.last == "2 errors, 0 warnings")

        let ok = try CLI.run(["lexicon", "lint", CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                              "--corpus", CLI.fixture("Tests/Fixtures/small/answers.csv")])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        let dict = CLI.fixture("Tests/Fixtures/small/dict.yaml")
        #expect(ok.stdout == "\(dict):23:5: warning: entry glob:kvp of theme 'tiltak' matches nothing in the corpus (21 answers)\n0 errors, 1 warning\n")

        let missing = try CLI.run(["lexicon", "lint", bad, "--corpus", CLI.fixture("Tests/Fixtures/small/answers.csv"), "--text-column", "svar"])
        #expect(missing.status == 3 && missing.stderr.contains("column 'svar'"))
    }

    /// A lemma entry written as a form the morphology normalises elsewhere would miss its own inflections: lint says so.
    @Test func lintWarnsWhenALemmaEntryIsNotAChosenLemma() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cb = dir + "/kodebok.yaml"
        // (a nynorsk form: the morphology maps it to the bokmål lemma, so it would match nothing)
        try "themes:\n  - id: \"laering\"\n    label: \"Læring\"\n    entries:\n      - lemma: \"oppgåve\"\n      - lemma: \"oppfølging\"\n"
            .write(toFile: cb, atomically: true, encoding: .utf8)
        let r = try CLI.run(["lexicon", "lint", cb])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\(cb):5:9: warning: lemma 'oppgåve' is not the lemma the morphology chooses for it ('oppgave')"), "\(r.stdout)")
        #expect(!r.stdout.contains("'oppfølging'"))
        #expect(r.stdout.hasSuffix("0 errors, 1 warning\n"))
    }
}
