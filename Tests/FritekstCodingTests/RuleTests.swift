import FritekstCore
@testable import FritekstCoding
@testable import FritekstLexicon
import Testing

@Suite struct RuleTests {
    let codebook = """
        themes:
          - id: negasjon
            hidden: true
            entries: [{word: ikke}, {word: ikkje}, {word: aldri}, {word: ingen}]
          - id: samarbeid_nay
            entries:
              - word: nay
            rules:
              - match: "lemma:vedtak"
                near: "lemma:overprøve|#negasjon"
                window: 4
          - id: digitalisering
            entries:
              - glob: "arena"
              - word: modia
            exclude:
              - phrase: "god arena"
              - phrase: "arena for"
          - id: fornoyd_system
            rules:
              - match: "word:modia|word:gosys"
                not_near: "#negasjon"
                window: 3
          - id: tiltak
            rules:
              - match: "glob:tiltak*"
                before: "glob:plass*|word:midler"
                window: 3
                scope: answer
          - id: ventetid
            rules:
              - match: "word:lenge"
                after: "word:venter"
                window: 2
        """

    func themes(_ text: String) throws -> [String] {
        let lemmas = TableLemmas(table: [
            "vedtaket": LemmaInfo(lemmas: ["vedtak"], parts: []),
            "vedtakene": LemmaInfo(lemmas: ["vedtak"], parts: []),
            "overprøver": LemmaInfo(lemmas: ["overprøve"], parts: []),
            "overprøvd": LemmaInfo(lemmas: ["overprøve"], parts: []),
        ])
        let (c, compiled) = try code(text, codebook, lemmas: lemmas)
        return c.hits.map { compiled.codebook.themes[$0.theme] }.filter { !$0.hidden }.map(\.id)
    }

    @Test func nearWithinTheWindowAndSentence() throws {
        #expect(try themes("Vedtaket blir overprøvd hele tiden.") == ["samarbeid_nay"])
        #expect(try themes("Vedtaket kom i går, og det var helt greit for brukeren som ventet.") == [])
        // Same words, but in two sentences: no match in sentence scope.
        #expect(try themes("Vedtaket kom. Det overprøver ingen.").contains("samarbeid_nay") == false)
        // A hidden theme can be the partner (#negasjon) and is itself never reported.
        #expect(try themes("Vi forstår ikke vedtakene.") == ["samarbeid_nay"])
    }

    @Test func exclusionsBlockOverlappingMatchesOnly() throws {
        #expect(try themes("Teammøtet er en god arena for læring.") == [])
        #expect(try themes("Alt registreres i Arena.") == ["digitalisering"])
        #expect(try themes("En god arena, men Modia virker ikke.") == ["digitalisering"])
    }

    /// A theme coded by a rule alone: its exclusions still block the rule's match, also when no entry of the
    /// codebook matches anything in the answer.
    @Test func exclusionsBlockRuleMatchesWithoutAnyEntryMatch() throws {
        let ruleOnly = """
            themes:
              - id: tiltak
                rules:
                  - match: "glob:tiltak*"
                    near: "glob:plass*"
                    window: 4
                exclude:
                  - phrase: "tiltak for å"
            """
        #expect(try code("Tiltak og plasser mangler.", ruleOnly).0.hits.map(\.theme) == [0])
        #expect(try code("Tiltak for å skaffe plasser mangler.", ruleOnly).0.hits.isEmpty)
        #expect(try code("Ingen ting her.", ruleOnly).0.hits.isEmpty)
    }

    @Test func notNearFiresOnlyWithoutThePartner() throws {
        #expect(try themes("Modia fungerer bra.").contains("fornoyd_system"))
        #expect(!(try themes("Modia fungerer ikke i det hele tatt.").contains("fornoyd_system")))
        #expect(try themes("Modia er fint; vi har ikke tid til alt annet heller, dessverre.").contains("fornoyd_system"))
    }

    @Test func beforeAndAfterAreDirectional() throws {
        #expect(try themes("Tiltak og plasser mangler.").contains("tiltak"))
        #expect(!(try themes("Plasser og tiltak mangler.").contains("tiltak")))
        #expect(try themes("Tiltakene er få. Plassene også.").contains("tiltak"))        // answer scope
        #expect(try themes("Brukerne venter lenge.").contains("ventetid"))
        #expect(!(try themes("Det tar lenge før noen venter.").contains("ventetid")))
    }

    @Test func ruleEvidenceNamesTheRule() throws {
        let lemmas = TableLemmas(table: ["vedtaket": LemmaInfo(lemmas: ["vedtak"], parts: []), "overprøver": LemmaInfo(lemmas: ["overprøve"], parts: [])])
        let text = "NAY overprøver vedtaket."
        let (c, compiled) = try code(text, codebook, lemmas: lemmas)
        #expect(c.evidence(text: text, compiled: compiled)
                == "samarbeid_nay[word:nay «NAY»; rule:near(lemma:vedtak; lemma:overprøve|#negasjon /4) «overprøver vedtaket»]")
    }

    @Test func hiddenThemesAreNotColumns() throws {
        let cb = try CodebookLoader.load(yaml: codebook, file: "k.yaml")
        #expect(cb.visibleThemes.map(\.theme.id) == ["samarbeid_nay", "digitalisering", "fornoyd_system", "tiltak", "ventetid"])
    }

    @Test func cyclesAndUnknownReferencesAreCodebookErrors() throws {
        let cycle = """
            themes:
              - id: a
                rules: [{match: "#b", near: "x"}]
              - id: b
                rules: [{match: "#a", near: "y"}]
            """
        let cb = try CodebookLoader.load(yaml: cycle, file: "syklus.yaml")
        #expect(throws: FritekstError.self) { try CompiledCodebook(cb, lemmas: nil) }
        do {
            _ = try CodebookLoader.load(yaml: "themes:\n  - id: a\n    rules:\n      - match: x\n        near: \"#finnesikke\"\n", file: "ref.yaml")
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.line == 4 && e.file == "ref.yaml" && e.message.contains("#finnesikke"))
        }
        do {
            _ = try CodebookLoader.load(yaml: "themes:\n  - id: a\n    rules:\n      - match: x\n        naer: y\n", file: "op.yaml")
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.line == 5 && e.message.contains("unknown rule key 'naer'"))
        }
    }
}
