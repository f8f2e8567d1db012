import Foundation
import FritekstAnalysis
import FritekstCore
import FritekstLexicon
import FritekstPipeline
import Testing

/// A tiny stand-in for the morphology target: compound parts of a few invented words.
struct FakeLemmas: LemmaProvider {
    func lemmaInfo(_ type: String) -> LemmaInfo {
        switch type {
        case "ventetida", "ventetiden": return LemmaInfo(lemmas: ["ventetid"], parts: ["vente", "tid"])
        case "ventelister": return LemmaInfo(lemmas: ["venteliste"], parts: ["vente", "liste"])
        default: return LemmaInfo(lemmas: [type], parts: [])
        }
    }
}

@Suite struct SuggestTests {
    @Test func editDistance() {
        #expect(EditDistance.osa("oppfølgning", "oppfølging") == 1)
        #expect(EditDistance.osa("veiledre", "veileder") == 1)  // transposition
        #expect(EditDistance.osa("tilltak", "tiltak") == 1)
        #expect(EditDistance.osa("nav", "nay") == 1)
        #expect(EditDistance.osa("", "abc") == 3)
        #expect(EditDistance.distance("tilltaksplass", toLiteral: "tiltak", isPrefix: true) == 1)
        #expect(EditDistance.distance("tiltaksplass", toLiteral: "tiltak", isPrefix: true) == 0)
        #expect(EditDistance.allowed(forLength: 4) == 0 && EditDistance.allowed(forLength: 6) == 1 && EditDistance.allowed(forLength: 10) == 2)
    }

    func responses(_ texts: [String]) -> [Response] {
        texts.enumerated().map { Response(id: "\($0.offset + 1)", row: $0.offset + 1, line: $0.offset + 2, fields: [:], text: $0.element) }
    }

    @Test func uncoveredAssociatedAndVariants() throws {
        let texts = [
            "Ventetida på tiltak er lang, og ventelister vokser.", "Ventetiden på tiltak og tiltaksplass er lang.",
            "Tilltak hjelper lite når ventetida er lang.", "Modia er tregt, og ventelister blir lengre.",
            "Tiltakene er for få, og ventetida lang.", "Vi trenger mer opplæring i Modia.", "Tiltak virker når ventelister kortes ned.",
            "Modia henger.", "Opplæring i Modia er bra.", "Kurs i Modia mangler.", "Modia og Gosys er trege.",
        ]
        let rows = try Suggester.suggest(responses(texts), codebookPath: CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                                         lemmaProvider: FakeLemmas(), options: SuggestOptions(top: 10, minAnswers: 3))
        let uncovered = rows.filter { $0.kind == .uncovered }.map(\.term)
        #expect(uncovered.contains("ventetida") && uncovered.contains("lang"))
        #expect(!uncovered.contains("og") && !uncovered.contains("tiltak"))  // stopword; covered by the dictionary
        let parts = rows.filter { $0.kind == .uncoveredPart }
        #expect(parts.first { $0.term == "vente" }?.answers == 7)  // ventetida 3 + ventetiden 1 + ventelister 3
        #expect(parts.first { $0.term == "vente" }?.detail == "ventelister ventetida ventetiden")
        let variant = rows.first { $0.kind == .variant && $0.term == "tilltak" }
        #expect(variant?.theme == "tiltak" && variant?.detail.contains("tiltak") == true)
        let assoc = rows.filter { $0.kind == .associated && $0.theme == "tiltak" }
        #expect(assoc.contains { $0.term == "tiltak" && $0.detail == "covered by this theme" }, "\(rows.filter { $0.kind == .associated })")
        #expect(rows.filter { $0.kind == .associated }.allSatisfy { $0.score > 3.841 })
    }

    @Test func suggestCommandWritesCSV() throws {
        let out = CLI.tempDir() + ".csv"
        let r = try CLI.run(["suggest", CLI.fixture("Tests/Fixtures/analysis/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"),
                             "--out", out, "--top", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Frequent words no entry matches"))
        let rows = try CLI.readCSV(out)
        #expect(rows[0] == ["kind", "theme", "term", "count", "answers", "score", "detail"])
        // «Måoppgåvene» (nynorsk) is not matched by måoppgave*: a variant of the entry.
        #expect(rows.contains { $0[0] == "variant" && $0[2] == "måoppgåvene" && $0[1] == "ma_oppgaver" }, "\(rows.filter { $0[0] == "variant" })")
        let bad = try CLI.run(["suggest", CLI.fixture("Tests/Fixtures/analysis/answers.csv"), "--codebook", CLI.fixture("Tests/Fixtures/small/dict.yaml"), "--top", "0"])
        #expect(bad.status == 64)
    }
}
