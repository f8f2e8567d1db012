import Foundation
import Testing

@Suite struct InspectCommandTests {
    struct Doc: Decodable {
        struct Tok: Decodable {
            var original: String, normalized: String, sentence: Int, start: Int, end: Int
            var stem: String, lemma: String, lemmas: [String], parts: [String], flags: [String]
        }
        var tokens: [Tok]
    }

    @Test func analyzePrintsTheDocumentedJSON() throws {
        let r = try CLI.run(["analyze", "--format", "json", "--text", "Tiltaksplassene på NAV-\nkontoret er få, f.eks. i Modia. Brukarane ventar."])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONDecoder().decode(Doc.self, from: Data(r.stdout.utf8))
        let byOriginal = Dictionary(doc.tokens.map { ($0.original, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byOriginal["Tiltaksplassene"]?.parts == ["tiltak", "plass"])
        #expect(byOriginal["Tiltaksplassene"]?.normalized == "tiltaksplassene")
        #expect(byOriginal["NAV-\nkontoret"]?.normalized == "nav-kontoret")
        #expect(byOriginal["f.eks."]?.flags.contains("abbreviation") == true)
        #expect(byOriginal["Brukarane"]?.lemma == "bruker")
        #expect(byOriginal["Brukarane"]?.sentence == 1)
        #expect(doc.tokens.allSatisfy { $0.end > $0.start && $0.lemmas.first == $0.lemma })
    }

    @Test func explainAndKwicOnTheBundledCorpus() throws {
        let explain = try CLI.run(["explain", "Corpora/nav-2019/survey.csv", "--codebook", "Lexicons/nav/quanteda.yaml", "--id", "R0636", "--color", "never"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.hasPrefix("R0636 (role=veileder, employer=kommunal)"))
        #expect(explain.stdout.contains("[Må-oppgavene]{ma_oppgaver}"))
        let missing = try CLI.run(["explain", "Corpora/nav-2019/survey.csv", "--codebook", "Lexicons/nav/quanteda.yaml", "--id", "X999"])
        #expect(missing.status != 0 && missing.stderr.contains("X999"))
        let kwic = try CLI.run(["kwic", "Corpora/nav-2019/survey.csv", "--pattern", "gosys", "--by", "role", "--format", "csv", "--window", "3"])
        #expect(kwic.status == 0, "\(kwic.stderr)")
        let lines = kwic.stdout.split(separator: "\n")
        #expect(lines.first == "id,role,left,match,right,entry")
        #expect(lines.count > 3)
        #expect(lines.dropFirst().allSatisfy { $0.lowercased().contains(",gosys,") })
    }
}
