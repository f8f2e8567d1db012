import Foundation
import FritekstCore
@testable import FritekstLexicon
import Testing

@Suite struct CodebookWriterTests {
    /// Themes without source locations, for comparing a codebook with its re-loaded copy.
    func stripped(_ cb: Codebook) -> [Theme] {
        cb.themes.map { t in
            var t = t
            t.location = nil
            t.entries = t.entries.map { var e = $0; e.location = nil; return e }
            t.exclusions = t.exclusions.map { var e = $0; e.location = nil; return e }
            t.rules = t.rules.map { var r = $0; r.location = nil; return r }
            return t
        }
    }

    func roundTrip(_ cb: Codebook) throws -> Codebook {
        let yaml = try CodebookWriter.yaml(cb, comments: ["Prøve: æøå «sitat»"])
        return try CodebookLoader.load(yaml: yaml, file: "rundtur.yaml")
    }

    @Test(arguments: ["nav.dic", "nav.dicx", "nav.cat"])
    func importWriteLoadKeepsThemesAndEntries(_ name: String) throws {
        let imported = try DictionaryImporter.importFile(path: LexiconFixtures.path(name)).codebook
        let loaded = try roundTrip(imported)
        #expect(loaded.format == .fritekst && loaded.name == "nav")
        #expect(stripped(loaded) == stripped(imported))
        #expect(loaded.themes.flatMap(\.entries).count > 5)
    }

    @Test func quantedaImportRoundTrips() throws {
        let path = LexiconFixtures.root.deletingLastPathComponent().appendingPathComponent("small/dict.yaml").path
        let imported = try DictionaryImporter.importFile(path: path).codebook
        #expect(stripped(try roundTrip(imported)) == stripped(imported))
    }

    @Test func awkwardWordsStayWords() throws {
        let words = ["no", "nei", "on", "yes", "off", "null", "~", "2019", "1e3", "true", "«sitat»", "sier \"nei\"", "c:\\sti", "#tema", "- punkt", "a: b"]
        let themes = [
            Theme(id: "no", label: "Nei: «avvisning»", labelEnglish: "yes", definition: "Linje 1\nLinje 2\ttab", minScore: 1.5,
                  entries: words.map { Entry(pattern: .token(.word($0.replacingOccurrences(of: " ", with: "_")))) }),
            Theme(id: "on", parent: "no", entries: [
                Entry(pattern: .phrase([.glob("tid"), .lemma("til"), .part("oppfølging")], gaps: [2, 0]), weight: 0.25),
                Entry(pattern: .phrase([.glob("~2"), .glob("word:x")], gaps: [0])),
                Entry(pattern: .token(.regex("^nay(s)?$"))),
                Entry(pattern: .token(.word("Arena")), caseSensitive: true),
                Entry(pattern: .token(.glob("tiltak*")), weight: 3),
            ]),
        ]
        let cb = Codebook(name: "yes", version: "0.1", format: .fritekst, themes: themes)
        let yaml = try CodebookWriter.yaml(cb)
        #expect(yaml.contains("  - id: \"no\"\n") && yaml.contains("      - word: \"no\"\n"))
        #expect(yaml.contains("phrase: \"tid ~2 lemma:til part:oppfølging\""))
        let loaded = try CodebookLoader.load(yaml: yaml, file: "k.yaml")
        #expect(loaded.name == "yes" && loaded.version == "0.1")
        #expect(stripped(loaded) == stripped(cb))
    }

    @Test func rulesExclusionsAndHiddenThemesRoundTrip() throws {
        let cb = try CodebookLoader.load(yaml: """
            themes:
              - id: negasjon
                hidden: true
                entries: ["ikke", "ikkje", "nei"]
              - id: samarbeid_nay
                entries:
                  - part: "vedtak"
                    weight: 0.5
                exclude:
                  - phrase: "14a-vedtak*"
                  - word: "no"
                rules:
                  - match: "lemma:vedtak|#negasjon"
                    near: ["nay", "regex:^nay(s)?$", "glob:word:x"]
                    window: 3
                    scope: answer
                    weight: 2
                  - match: "klage*"
                    not_near: "#negasjon"
            """, file: "r.yaml")
        let yaml = try CodebookWriter.yaml(cb)
        #expect(yaml.contains("    hidden: true\n"))
        #expect(yaml.contains("      - match: [\"lemma:vedtak\", \"#negasjon\"]\n        near: [\"nay\", \"regex:^nay(s)?$\", \"glob:word:x\"]\n"))
        #expect(yaml.contains("        not_near: [\"#negasjon\"]\n"))
        let again = try CodebookLoader.load(yaml: yaml, file: "r2.yaml")
        #expect(stripped(again) == stripped(cb))
        #expect(again.themes[1].rules.count == 2 && again.themes[1].exclusions.count == 2)
    }

    @Test func inexpressibleEntriesAreRefused() {
        let cb = Codebook(name: "x", format: .fritekst, themes: [
            Theme(id: "a", entries: [Entry(pattern: .phrase([.regex("a+"), .glob("b")], gaps: [0]),
                                           location: SourceLocation(file: "x.dic", line: 7, column: 2))]),
        ])
        let e = codebookError { try CodebookWriter.yaml(cb) }
        #expect(e?.file == "x.dic" && e?.line == 7 && e?.message.contains("regex") == true)
    }

    @Test func numbersAreWrittenPlainly() {
        #expect(CodebookWriter.number(2) == "2" && CodebookWriter.number(0.5) == "0.5" && CodebookWriter.number(-1) == "-1")
    }
}
