import FritekstCore
@testable import FritekstLexicon
import Testing

@Suite struct CodebookLoaderTests {
    @Test func unquotedNoNeiOnYesStayWords() throws {
        let cb = try CodebookLoader.load(yaml: "avvisning: [nei, no, on, yes, off, 2019]\n", file: "d.yaml")
        #expect(cb.format == .quanteda)
        #expect(cb.themes[0].entries.map(\.label) == ["glob:nei", "glob:no", "glob:on", "glob:yes", "glob:off", "glob:2019"])
        let fb = try CodebookLoader.load(yaml: """
            themes:
              - id: svar
                label: Svar
                entries:
                  - word: no
                  - word: nei
                  - glob: yes
            """, file: "k.yaml")
        #expect(fb.themes[0].entries.map(\.label) == ["word:no", "word:nei", "glob:yes"])
    }

    @Test func quantedaNestingIsFlattenedInOrder() throws {
        let cb = try CodebookLoader.load(yaml: """
            digitalisering:
              systemer: ["modia", "gosys"]
              generelt: ["digital*", "digitale løsninger"]
            tiltak: ["tiltak*"]
            """, file: "q.yaml")
        #expect(cb.themes.map(\.id) == ["digitalisering.systemer", "digitalisering.generelt", "tiltak"])
        #expect(cb.themes[1].entries[1].pattern == .phrase([.glob("digitale"), .glob("løsninger")], gaps: [0]))
        #expect(cb.themes[0].entries[1].location?.line == 2)
    }

    @Test func fritekstFormatWithAllEntryKinds() throws {
        let cb = try CodebookLoader.load(yaml: """
            codebook: {name: NAV, version: "1.0"}
            themes:
              - id: tiltak
                label: Tiltak
                label_en: Measures
                definition: Arbeidsmarkedstiltak.
                min_score: 1.5
                entries:
                  - part: tiltak
                  - lemma: lønnstilskudd
                    weight: 0.5
                  - phrase: "tid til ~2 lemma:oppfølging"
                  - regex: "^kvp(-.*)?$"
                  - word: Arena
                    case_sensitive: true
                  - "tiltaks*"
              - id: lonn
                parent: tiltak
                entries: [{word: LØNN}]
            """, file: "k.yaml")
        let t = cb.themes[0]
        #expect(cb.name == "NAV" && cb.version == "1.0")
        #expect(t.minScore == 1.5 && t.labelEnglish == "Measures")
        #expect(t.entries.map(\.label) == ["part:tiltak", "lemma:lønnstilskudd", "phrase:\"tid til ~2 lemma:oppfølging\"",
                                            "regex:^kvp(-.*)?$", "word:Arena", "glob:tiltaks*"])
        #expect(t.entries[1].weight == 0.5)
        #expect(t.entries[4].caseSensitive)
        #expect(cb.themes[1].entries[0].pattern == .token(.word("lønn")))
        #expect(cb.needsMorphology)
    }

    func error(_ yaml: String) -> FritekstError? {
        do { _ = try CodebookLoader.load(yaml: yaml, file: "feil.yaml"); return nil } catch let e as FritekstError { return e } catch { return nil }
    }

    @Test func malformedCodebooksNameLineAndColumn() {
        let twoPatterns = error("themes:\n  - id: a\n    entries:\n      - word: x\n        glob: y\n")
        #expect(twoPatterns?.line == 4 && twoPatterns?.position == 9)
        #expect(twoPatterns?.message.contains("more than one pattern") == true)
        let unknownKey = error("themes:\n  - id: a\n    entries:\n      - lema: tiltak\n")
        #expect(unknownKey?.message.contains("unknown entry key 'lema'") == true)
        #expect(unknownKey?.line == 4)
        let missingID = error("themes:\n  - label: Uten id\n")
        #expect(missingID?.message.contains("missing key 'id'") == true)
        #expect(missingID?.line == 2)
        let badYAML = error("tiltak: [\"tiltak*\"\n")
        #expect(badYAML?.file == "feil.yaml" && badYAML?.line != nil)
        let dup = error("themes:\n  - id: a\n  - id: a\n")
        #expect(dup?.message.contains("duplicate theme id") == true && dup?.line == 3)
        let parent = error("themes:\n  - id: a\n    parent: b\n")
        #expect(parent?.message.contains("unknown parent 'b'") == true)
        let badRegex = error("themes:\n  - id: a\n    entries:\n      - regex: \"(\"\n")
        #expect(badRegex?.message.contains("invalid regex") == true && badRegex?.line == 4)
        let notMapping = error("- a\n- b\n")
        #expect(notMapping?.line == 1)
        let weight = error("themes:\n  - id: a\n    entries:\n      - word: x\n        weight: mye\n")
        #expect(weight?.line == 5)
    }

    @Test func globsMatchLikeQuanteda() {
        #expect(Glob("digital*").matches("digitaliseringen"))
        #expect(Glob("digital*").matches("digital"))
        #expect(!Glob("digital*").matches("udigital"))
        #expect(Glob("*tiltak").matches("arbeidsmarkedstiltak"))
        #expect(Glob("*plass*").matches("tiltaksplassene"))
        #expect(Glob("kurs??").matches("kurset") && !Glob("kurs??").matches("kurs"))
        #expect(Glob("må-oppgave*").matches("må-oppgavene"))
        #expect(Glob("*").matches(""))
        #expect(Glob("a*b*c").matches("aXXbYYc") && !Glob("a*b*c").matches("aXXbYY"))
    }
}

@Suite struct YAMLQuoteTests {
    @Test func writerQuotesReadBackAsTheSameWords() throws {
        let words = ["no", "nei", "on", "yes", "2019", "«sitat»", "\"nei\"", "a\\b", "x\u{FEFF}y", "kurs:"]
        let yaml = "ord: [" + words.map(CodebookWriter.quote).joined(separator: ", ") + "]\n"
        let cb = try CodebookLoader.load(yaml: yaml, file: "q.yaml")
        #expect(cb.themes[0].entries.map(\.label) == words.map { "glob:" + $0.lowercased() })
    }
}
