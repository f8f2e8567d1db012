import Foundation
import FritekstCore
@testable import FritekstCoding
@testable import FritekstLexicon
import FritekstText
import Testing

/// A lemma table standing in for the Hunspell morphology in unit tests.
struct TableLemmas: LemmaProvider {
    let table: [String: LemmaInfo]
    func lemmaInfo(_ type: String) -> LemmaInfo { table[type] ?? LemmaInfo(lemmas: [type], parts: []) }
}

func code(_ text: String, _ yaml: String, lemmas: (any LemmaProvider)? = nil) throws -> (CodedAnswer, CompiledCodebook) {
    let cb = try CodebookLoader.load(yaml: yaml, file: "test.yaml")
    let compiled = try CompiledCodebook(cb, lemmas: lemmas)
    var interner = Interner()
    var tokens: [Token] = []
    interner.tokens(of: text, tokenizer: Tokenizer(mode: cb.tokenizerMode), into: &tokens)
    compiled.resolve(interner.vocabulary)
    var t = text
    let coded = t.withUTF8 { Coder(compiled).code(tokens: tokens, text: $0) }
    return (coded, compiled)
}

@Suite struct CoderTests {
    @Test func phrasesMatchAcrossPunctuationAndGaps() throws {
        let yaml = """
            tid: ["tid til oppfølging"]
            nay: ["nav arbeid og ytelse*"]
            """
        let (c, compiled) = try code("Vi har ikke TID – til «oppfølging». Nav Arbeid og ytelser overprøver.", yaml)
        #expect(c.hits.map(\.theme) == [0, 1])
        #expect(c.evidence(text: "Vi har ikke TID – til «oppfølging». Nav Arbeid og ytelser overprøver.", compiled: compiled)
                == "tid[phrase:\"tid til oppfølging\" «TID – til «oppfølging»] | nay[phrase:\"nav arbeid og ytelse*\" «Nav Arbeid og ytelser»]")
        let gap = """
            themes:
              - id: tid
                entries: [{phrase: "tid til ~2 oppfølging"}]
            """
        #expect(try code("tid til tett oppfølging", gap).0.hits.count == 1)
        #expect(try code("tid til god og tett oppfølging", gap).0.hits.isEmpty)
    }

    @Test func longestMatchWinsWithinATheme() throws {
        let yaml = """
            themes:
              - id: digitalisering
                entries:
                  - glob: "digital*"
                  - phrase: "digitale løsninger"
                  - word: modia
            """
        let text = "Digitale løsninger i Modia"
        let (c, compiled) = try code(text, yaml)
        #expect(c.hits.count == 1)
        #expect(c.hits[0].matches.count == 2)
        #expect(c.hits[0].score == 2)
        #expect(c.evidence(text: text, compiled: compiled) == "digitalisering[phrase:\"digitale løsninger\" «Digitale løsninger»; word:modia «Modia»]")
    }

    @Test func caseSensitiveWordTellsArenaFromArena() throws {
        let yaml = """
            themes:
              - id: digitalisering
                entries: [{word: Arena, case_sensitive: true}]
            """
        #expect(try code("Vi registrerer alt i Arena.", yaml).0.hits.count == 1)
        #expect(try code("Møtet er en god arena for samarbeid.", yaml).0.hits.isEmpty)
        #expect(try code("ARENA er tregt.", yaml).0.hits.isEmpty)
    }

    @Test func minScoreAndWeights() throws {
        let yaml = """
            themes:
              - id: arbeidsmiljo
                min_score: 1
                entries:
                  - {word: slitne, weight: 0.5}
                  - {word: sykefravær, weight: 0.5}
            """
        #expect(try code("Mange er slitne.", yaml).0.hits.isEmpty)
        #expect(try code("Mange er slitne og sykefravær øker.", yaml).0.hits.count == 1)
    }

    @Test func lemmaAndPartEntriesUseMorphology() throws {
        let lemmas = TableLemmas(table: [
            "tiltaksplassene": LemmaInfo(lemmas: ["tiltaksplass"], parts: ["tiltak", "plass"]),
            "arbeidsmarkedstiltak": LemmaInfo(lemmas: ["arbeidsmarkedstiltak"], parts: ["arbeid", "marked", "tiltak"]),
            "tiltakene": LemmaInfo(lemmas: ["tiltak"], parts: []),
            "vurderingene": LemmaInfo(lemmas: ["vurdering", "vurdere"], parts: []),
        ])
        let yaml = """
            themes:
              - id: tiltak
                entries: [{part: tiltak}]
              - id: vurdering
                entries: [{lemma: vurdering}]
            """
        let (c, _) = try code("Tiltaksplassene og arbeidsmarkedstiltak; tiltakene. Vurderingene tar tid.", yaml, lemmas: lemmas)
        #expect(c.hits.map(\.theme) == [0, 1])
        #expect(c.hits[0].matches.count == 3)
        #expect(throws: FritekstError.self) { try code("x", yaml, lemmas: nil) }
    }

    @Test func compoundPartEntryMatchesItsRunOfPartsInLongerCompounds() throws {
        let lemmas = TableLemmas(table: [
            "arbeidsmiljø": LemmaInfo(lemmas: ["arbeidsmiljø"], parts: ["arbeid", "miljø"]),
            "arbeidsmiljøutfordringer": LemmaInfo(lemmas: ["arbeidsmiljøutfordring"], parts: ["arbeid", "miljø", "utfordring"]),
            "psykososiale": LemmaInfo(lemmas: ["psykososial"], parts: []),
            "arbeidsmiljøet": LemmaInfo(lemmas: ["arbeidsmiljø"], parts: ["arbeid", "miljø"]),
            "arbeidsoppgavene": LemmaInfo(lemmas: ["arbeidsoppgave"], parts: ["arbeid", "oppgave"]),
            "miljøarbeidet": LemmaInfo(lemmas: ["miljøarbeid"], parts: ["miljø", "arbeid"]),
            "skolemiljø": LemmaInfo(lemmas: ["skolemiljø"], parts: ["skole", "miljø"]),
        ])
        let yaml = """
            themes:
              - id: arbeidsmiljo
                entries: [{part: arbeidsmiljø}]
            """
        let (c, _) = try code("Arbeidsmiljøutfordringer på kontoret, og arbeidsmiljøet er tungt.", yaml, lemmas: lemmas)
        #expect(c.hits.map(\.theme) == [0])
        #expect(c.hits[0].matches.count == 2)
        // The parts must be the same run, in order and next to each other.
        #expect(try code("Arbeidsoppgavene, miljøarbeidet og skolemiljø.", yaml, lemmas: lemmas).0.hits.isEmpty)
    }

    @Test func parentThemeCountsWhenAChildIs() throws {
        let yaml = """
            themes:
              - id: samarbeid
              - id: samarbeid_nay
                parent: samarbeid
                entries: [{word: nay}]
              - id: samarbeid_stat_kommune
                parent: samarbeid
                entries: [{glob: "statlig*"}]
            """
        let (c, _) = try code("NAY overprøver oss.", yaml)
        #expect(c.hits.map(\.theme) == [0, 1])
        #expect(c.hits[0].viaChildren)
    }

    @Test func emptyAnswerHasNoThemes() throws {
        #expect(try code("", "a: [\"*\"]").0.hits.isEmpty)
    }
}

/// A deliberately simple reference implementation of quanteda-style glob lookup, written
/// independently of the engine (Characters, Swift lower-casing, NSRegularExpression).
enum Oracle {
    static func tokens(_ text: String) -> [String] {
        let chars = Array(text.lowercased())
        func isAlnum(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        var out: [String] = []
        var cur = ""
        for (i, c) in chars.enumerated() {
            if isAlnum(c) { cur.append(c); continue }
            if c == "-", i > 0, i + 1 < chars.count, chars[i - 1].isLetter, chars[i + 1].isLetter, !cur.isEmpty { cur.append(c); continue }
            if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    static func regex(_ glob: String) -> NSRegularExpression {
        var p = "^"
        for ch in glob {
            switch ch {
            case "*": p += ".*"
            case "?": p += "."
            default: p += NSRegularExpression.escapedPattern(for: String(ch))
            }
        }
        return try! NSRegularExpression(pattern: p + "$", options: [])
    }

    static func matches(_ dictionary: [(String, [String])], _ text: String) -> [Bool] {
        let toks = tokens(text)
        return dictionary.map { _, patterns in
            patterns.contains { pattern in
                let parts = pattern.split(separator: " ").map { regex(String($0)) }
                guard toks.count >= parts.count else { return false }
                for start in 0...(toks.count - parts.count) {
                    var ok = true
                    for (k, re) in parts.enumerated() {
                        let t = toks[start + k]
                        if re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) == nil { ok = false; break }
                    }
                    if ok { return true }
                }
                return false
            }
        }
    }
}

@Suite struct OracleAgreementTests {
    @Test func engineAgreesWithOracleOnGeneratedCorpora() throws {
        let words = ["tiltak", "tiltakene", "tiltaksplassene", "Modia", "MODIA", "gosys", "må-oppgavene", "AAP-søknad", "e-læring",
                     "digitale", "løsninger", "digitalisering", "NAY", "overprøver", "vedtak", "kompetanse", "opplæring",
                     "ikkje", "tid", "til", "oppfølging", "brukarane", "Økonomisk", "sosialhjelp", "covid-19", "2019", "3,5",
                     "kurs-", "arbeidsevnevurderingen", "ÆØÅ", "nav", "Nav-kontoret", "frist", "svartid"]
        let seps = [" ", " ", " ", ", ", ". ", "\n", " – ", "; ", " «", "» ", "-", "/", " (", ") "]
        var rng = SplitMix64(seed: 42)
        for round in 0..<25 {
            // A random dictionary of globs and phrases built from the same words.
            var dictionary: [(String, [String])] = []
            for k in 0..<6 {
                var patterns: [String] = []
                for _ in 0..<Int.random(in: 1...5, using: &rng) {
                    var w = words.randomElement(using: &rng)!.lowercased().filter { $0.isLetter || $0 == "-" }
                    if w.isEmpty { w = "tid" }
                    switch Int.random(in: 0..<6, using: &rng) {
                    case 0: w = String(w.prefix(max(1, w.count / 2))) + "*"
                    case 1: w = "*" + String(w.suffix(max(1, w.count / 2)))
                    case 2: if w.count > 2 { var cs = Array(w); cs[1] = "?"; w = String(cs) }
                    case 3: w += " " + words.randomElement(using: &rng)!.lowercased().filter { $0.isLetter }
                    default: break
                    }
                    patterns.append(w)
                }
                dictionary.append(("k\(k)", patterns))
            }
            let yaml = dictionary.map { k, ps in "\(k): [" + ps.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }.joined(separator: "\n")
            let cb = try CodebookLoader.load(yaml: yaml, file: "gen\(round).yaml")
            let compiled = try CompiledCodebook(cb, lemmas: nil)
            let coder = Coder(compiled)
            var interner = Interner()
            let tokenizer = Tokenizer(mode: .quanteda)
            for _ in 0..<80 {
                let text = (0..<Int.random(in: 0..<25, using: &rng)).map { _ in
                    words.randomElement(using: &rng)! + seps.randomElement(using: &rng)!
                }.joined()
                var tokens: [Token] = []
                interner.tokens(of: text, tokenizer: tokenizer, into: &tokens)
                compiled.resolve(interner.vocabulary)
                var t = text
                let coded = t.withUTF8 { coder.code(tokens: tokens, text: $0) }
                let engine = (0..<dictionary.count).map { coded.has($0) }
                let oracle = Oracle.matches(dictionary, text)
                #expect(engine == oracle, "text: \(text.debugDescription)\ndictionary: \(yaml)")
                #expect(tokens.map { interner.vocabulary[$0.type] } == Oracle.tokens(text), "\(text.debugDescription)")
            }
        }
    }
}
