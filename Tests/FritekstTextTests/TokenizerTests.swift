import FritekstCore
@testable import FritekstText
import Testing

@Suite struct TokenizerTests {
    func words(_ text: String, _ mode: TokenizerMode = .norwegian) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer(mode: mode).tokenize(text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    func types(_ text: String, _ mode: TokenizerMode = .norwegian) -> [String] {
        var interner = Interner()
        var tokens: [Token] = []
        interner.tokens(of: text, tokenizer: Tokenizer(mode: mode), into: &tokens)
        return tokens.map { interner.vocabulary[$0.type] }
    }

    @Test func quantedaHyphenRule() {
        #expect(words("Må-oppgavene og AAP-søknad, e-læring; covid-19 i 2014-2019 på kurs- og", .quanteda)
                == ["Må-oppgavene", "og", "AAP-søknad", "e-læring", "covid", "19", "i", "2014", "2019", "på", "kurs", "og"])
        #expect(types("NAV-KONTORET «Modia»", .quanteda) == ["nav-kontoret", "modia"])
    }

    @Test func quantedaSplitsEverythingThatIsNotLetterOrNumber() {
        #expect(words("3,5 årsverk kl. 10.30 (f.eks. Gosys) kari@eksempel.no", .quanteda)
                == ["3", "5", "årsverk", "kl", "10", "30", "f", "eks", "Gosys", "kari", "eksempel", "no"])
    }

    @Test func norwegianKeepsNumbersAbbreviationsMailAndURLs() {
        #expect(words("Vi har 3,5 årsverk, møte kl. 10.30 f.eks. i Gosys; jf. § 14a-vedtak.")
                == ["Vi", "har", "3,5", "årsverk", "møte", "kl.", "10.30", "f.eks.", "i", "Gosys", "jf.", "§", "14a-vedtak"])
        #expect(words("Skriv til kari.nordmann@eksempel.no eller se https://www.nav.no/sosialhjelp.")
                == ["Skriv", "til", "kari.nordmann@eksempel.no", "eller", "se", "https://www.nav.no/sosialhjelp"])
        let kinds = Tokenizer(mode: .norwegian).tokenize("bl.a. 3,5 a@b.no").map(\.kind)
        #expect(kinds == [.abbreviation, .number, .email])
    }

    @Test func norwegianHyphensAndApostrophes() {
        #expect(words("covid-19 og 2014-2019, NAV-kontoret og Nav's rutiner; arbeids- og velferd")
                == ["covid-19", "og", "2014", "2019", "NAV-kontoret", "og", "Nav's", "rutiner", "arbeids", "og", "velferd"])
    }

    @Test func caseFoldingAndNormalisationGiveOneType() {
        let decomposed = "bla\u{030A}"          // "blå" with a combining ring
        #expect(types("Modia MODIA modia") == ["modia", "modia", "modia"])
        #expect(types("ØKONOMI Økonomi økonomi") == ["økonomi", "økonomi", "økonomi"])
        #expect(types(decomposed) == ["blå"])
        #expect(types("arbeids\u{00AD}evne") == ["arbeidsevne"])         // soft hyphen inside a word
        #expect(types("ПРИВЕТ Straße") == ["привет", "straße"])
        // A Cyrillic «е» (U+0435) typed inside a Norwegian word keeps the word whole (and distinct from the Latin one).
        #expect(types("kontor\u{0435}t kontoret") == ["kontor\u{0435}t", "kontoret"])
    }

    @Test func sentencesSurviveAbbreviationsQuotesAndMissingSpaces() {
        let text = "Vi bruker bl.a. Modia og f.eks. Gosys. «Det er for mange systemer.» Neste punkt!Hva nå? ja.Slutt\n\nNy del\n- punkt en\n- punkt to"
        let toks = Tokenizer(mode: .norwegian).tokenize(text)
        let bytes = Array(text.utf8)
        var bySentence: [Int32: [String]] = [:]
        for t in toks { bySentence[t.sentence, default: []].append(String(decoding: bytes[t.start..<t.end], as: UTF8.self)) }
        #expect(bySentence[0] == ["Vi", "bruker", "bl.a.", "Modia", "og", "f.eks.", "Gosys"])
        #expect(bySentence[1] == ["Det", "er", "for", "mange", "systemer"])
        #expect(bySentence[2] == ["Neste", "punkt"])
        #expect(bySentence[3] == ["Hva", "nå"])
        #expect(bySentence[4] == ["ja"])
        #expect(bySentence[5] == ["Slutt"])
        #expect(bySentence[6] == ["Ny", "del"])
        #expect(bySentence[7] == ["punkt", "en"])
        #expect(bySentence[8] == ["punkt", "to"])
    }

    @Test func edgeCases() {
        #expect(words("").isEmpty)
        #expect(words("!!! ... «» – ;").isEmpty)
        #expect(words("Bra 👍🏽 jobba") == ["Bra", "jobba"])
        #expect(words("ca. 5 stk.") == ["ca.", "5", "stk."])
        let big = String(repeating: "Tiltaksplassene er for få. ", count: 40_000)   // ~1 MB answer
        #expect(Tokenizer(mode: .norwegian).tokenize(big).count == 160_000)
    }

    @Test func tokensNeverLoseOrReorderBytes() {
        // Property: over random mixes of Norwegian pieces, token ranges are ordered, disjoint,
        // inside the text, and every letter or digit byte lies in some token.
        var rng = SystemRandomNumberGenerator()
        let pieces = ["Nav", "-", "kontoret", " ", "æøå", "ÆØÅ", ",", ".", "3", "«", "»", "\n", "f.eks.", "e-post", "\u{00AD}",
                      "a@b.no", "§", "14a", "'", "ikkje", "–", "😀", "\u{030A}", "Д", "https://x.no/a", "..."]
        for mode in [TokenizerMode.quanteda, .norwegian] {
            for _ in 0..<300 {
                let text = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                let bytes = Array(text.utf8)
                let toks = Tokenizer(mode: mode).tokenize(text)
                var last = 0
                var covered = [Bool](repeating: false, count: bytes.count)
                for t in toks {
                    #expect(t.start >= last && t.end > t.start && t.end <= bytes.count)
                    last = t.end
                    for k in t.start..<t.end { covered[k] = true }
                }
                for (k, b) in bytes.enumerated() where (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                    #expect(covered[k], "byte \(k) of \(text.debugDescription) not in a token (\(mode))")
                }
                #expect(toks.map(\.sentence) == toks.map(\.sentence).sorted())
            }
        }
    }
}

@Suite struct LineBreakHyphenationTests {
    let known: Set<String> = ["arbeidsevnevurdering", "saksbehandlingstida", "driftsarbeid"]

    func types(_ text: String) -> [String] {
        let known = self.known
        var interner = Interner()
        var tokens: [Token] = []
        interner.tokens(of: text, tokenizer: Tokenizer(mode: .norwegian, knownWord: { known.contains($0) }), into: &tokens)
        return tokens.map { interner.vocabulary[$0.type] }
    }

    @Test func repairsKnownWordsKeepsRealAndSuspendedHyphens() {
        #expect(types("ny arbeids-\nevnevurdering nå") == ["ny", "arbeidsevnevurdering", "nå"])
        #expect(types("saksbehandlings- \r\n tida er lang") == ["saksbehandlingstida", "er", "lang"])
        #expect(types("på NAV-\nkontoret") == ["på", "nav-kontoret"])
        #expect(types("utviklings- og driftsarbeid") == ["utviklings", "og", "driftsarbeid"])
        #expect(types("ukjent-\nord her") == ["ukjent", "ord", "her"])
        #expect(types("arbeids-\n\nevnevurdering") == ["arbeids", "evnevurdering"])       // a paragraph break is not a line break
        // Without a dictionary nothing is joined.
        var interner = Interner()
        var tokens: [Token] = []
        interner.tokens(of: "arbeids-\nevnevurdering", tokenizer: Tokenizer(mode: .norwegian), into: &tokens)
        #expect(tokens.count == 2)
        // Quanteda mode never joins, even with a dictionary.
        #expect(Tokenizer(mode: .quanteda, knownWord: { _ in true }).knownWord == nil)
    }

    @Test func joinedTokenKeepsItsOriginalByteRange() {
        let text = "ny arbeids-\nevnevurdering"
        let known = self.known
        let toks = Tokenizer(mode: .norwegian, knownWord: { known.contains($0) }).tokenize(text)
        #expect(toks.count == 2)
        #expect(toks[1].start == 3 && toks[1].end == text.utf8.count && toks[1].lineJoin == .dropHyphen)
    }
}
