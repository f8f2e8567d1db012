import Foundation
import FritekstCore
@testable import FritekstLexicon
import Testing

/// Paths of the lexicon fixtures.
enum LexiconFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lexicon")
    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}

/// The error a closure throws, if it is a FritekstError.
func codebookError(_ body: () throws -> Any) -> FritekstError? {
    do { _ = try body(); return nil } catch let e as FritekstError { return e } catch { return nil }
}

@Suite struct LIWCImporterTests {
    @Test func dicWithHeaderWildcardsPhrasesAndNamedCategories() throws {
        let cb = try DictionaryImporter.importFile(path: LexiconFixtures.path("nav.dic")).codebook
        #expect(cb.themes.map(\.id) == ["tiltak", "digitalisering", "arbeidsbelastning"])
        #expect(cb.format == .fritekst && cb.name == "nav")
        let tiltak = cb.themes[0]
        #expect(tiltak.entries.map(\.label) == ["glob:tiltak*", "word:lønnstilskudd", "word:arbeidsmarkedstiltak", "word:kvp", "glob:nav-kontor*"])
        #expect(tiltak.entries[1].location == SourceLocation(file: LexiconFixtures.path("nav.dic"), line: 7, column: 1))
        let belastning = cb.themes[2]
        #expect(belastning.entries.map(\.label) == ["word:tidspress", "glob:må-oppgave*", "phrase:\"for lite tid\"", "glob:nav-kontor*"])
        #expect(belastning.entries[2].pattern == .phrase([.glob("for"), .glob("lite"), .glob("tid")], gaps: [0, 0]))
        // LIWC-22: a category given by name.
        #expect(cb.themes[1].entries.map(\.label).contains("word:e-læring"))
    }

    @Test func windows1252AndBOMDecodeToTheSameDictionary() throws {
        let utf8 = try LexiconFixtures.text("nav.dic")
        let reference = try DictionaryImporter.importLIWC(text: utf8, file: "nav.dic").codebook
        let cp1252 = try #require(utf8.data(using: .windowsCP1252))
        #expect(cp1252.count < utf8.utf8.count)                 // really single-byte æøå
        let decoded = try DictionaryImporter.decode(cp1252, file: "nav.dic")
        #expect(decoded.notes.contains { $0.contains("Windows-1252") })
        let fromCP = try DictionaryImporter.importLIWC(text: decoded.text, file: "nav.dic").codebook
        #expect(fromCP.themes == reference.themes)
        let bom = try DictionaryImporter.decode(Data([0xEF, 0xBB, 0xBF]) + Data(utf8.utf8), file: "nav.dic")
        #expect(try DictionaryImporter.importLIWC(text: bom.text, file: "nav.dic").codebook.themes == reference.themes)
        // CRLF line ends keep the line numbers.
        let crlf = try DictionaryImporter.importLIWC(text: utf8.replacingOccurrences(of: "\n", with: "\r\n"), file: "nav.dic").codebook
        #expect(crlf.themes == reference.themes)
    }

    @Test func conditionalLIWC2007CategoriesKeepBothOutcomes() throws {
        let r = try DictionaryImporter.importLIWC(text: "%\n1\tfunksjon\n2\tverb\n3\tmerkelapp\n%\nliker\t(1 2)3/2\n", file: "c.dic")
        #expect(r.codebook.themes[2].entries.count == 1 && r.codebook.themes[1].entries.count == 1)
        #expect(r.notes.contains { $0.contains("conditional") })
    }

    @Test func malformedDicNamesFileLineAndColumn() {
        func err(_ text: String) -> FritekstError? { codebookError { try DictionaryImporter.importLIWC(text: text, file: "feil.dic") } }
        let noHeader = err("tiltak*\t1\n")
        #expect(noHeader?.file == "feil.dic" && noHeader?.line == 1 && noHeader?.position == 1)
        #expect(noHeader?.kind == .codebook && noHeader?.message.contains("%") == true)
        let badNumber = err("%\n1\ttiltak\nto\tdigitalisering\n%\n")
        #expect(badNumber?.line == 3 && badNumber?.position == 1 && badNumber?.message.contains("'to' is not a number") == true)
        let unclosed = err("\n%\n1\ttiltak\n")
        #expect(unclosed?.line == 2 && unclosed?.message.contains("never closed") == true)
        let runsOn = err("%\n1\ttiltak\ntiltak*\t1\n")
        #expect(runsOn?.line == 3 && runsOn?.position == 1 && runsOn?.message.contains("missing its closing %") == true)
        let unknown = err("%\n1\ttiltak\n2\tdigitalisering\n%\nlønnstilskudd\t1\nmodia\t2 7\n")
        #expect(unknown?.line == 6 && unknown?.position == 9 && unknown?.message.contains("unknown category number 7") == true)
        let unknownName = err("%\n1\ttiltak\n%\nmodia\tdigitalisering\n")
        #expect(unknownName?.line == 4 && unknownName?.position == 7 && unknownName?.message.contains("unknown category 'digitalisering'") == true)
        let duplicate = err("%\n1\ttiltak\n1\tdigitalisering\n%\n")
        #expect(duplicate?.line == 3 && duplicate?.message.contains("defined twice") == true)
        let noCategory = err("%\n1\ttiltak\n%\nlønnstilskudd\n")
        #expect(noCategory?.line == 4 && noCategory?.message.contains("no category") == true)
        let missingName = err("%\n1\n%\n")
        #expect(missingName?.line == 2 && missingName?.message.contains("no name") == true)
    }

    @Test func dicxWithMarksWeightsAndQuotedPhrase() throws {
        let cb = try DictionaryImporter.importFile(path: LexiconFixtures.path("nav.dicx"), format: .liwc).codebook
        #expect(cb.themes.map(\.id) == ["tiltak", "digitalisering", "arbeidsbelastning"])
        #expect(cb.themes[1].entries.map(\.label) == ["word:modia", "phrase:\"digitale løsninger\"", "glob:nav-kontor*"])
        #expect(cb.themes[2].entries.map(\.weight) == [0.5, 1])
        #expect(cb.themes[1].entries[1].location?.line == 5)
    }

    @Test func malformedDicxNamesFileLineAndColumn() {
        func err(_ text: String) -> FritekstError? { codebookError { try DictionaryImporter.importLIWCX(text: text, file: "feil.dicx") } }
        let header = err("Ord,tiltak\ntiltak*,X\n")
        #expect(header?.file == "feil.dicx" && header?.line == 1 && header?.position == 1)
        let badMark = err("DicTerm,tiltak,digitalisering\nmodia,,ja\n")
        #expect(badMark?.line == 2 && badMark?.position == 8 && badMark?.message.contains("'ja'") == true)
        let tooMany = err("DicTerm,tiltak\nmodia,X,X\n")
        #expect(tooMany?.line == 2 && tooMany?.position == 9)
        let unclosedQuote = err("DicTerm,tiltak\n\"for lite tid,X\n")
        #expect(unclosedQuote?.line == 2 && unclosedQuote?.position == 1)
        let unmarked = err("DicTerm,tiltak\nmodia,\n")
        #expect(unmarked?.line == 2 && unmarked?.message.contains("no category") == true)
    }
}

@Suite struct WordStatImporterTests {
    @Test func nestedCategoriesWeightsAndPhrases() throws {
        let r = try DictionaryImporter.importFile(path: LexiconFixtures.path("nav.cat"), format: .wordstat)
        let cb = r.codebook
        #expect(cb.themes.map(\.id) == ["arbeidshverdag", "tidspress", "må-oppgaver", "tiltak"])
        #expect(cb.themes.map(\.parent) == [nil, "arbeidshverdag", "arbeidshverdag", nil])
        #expect(cb.themes[2].label == "MÅ-OPPGAVER")
        let tid = cb.themes[1]
        #expect(tid.entries.map(\.label) == ["glob:tidspress*", "phrase:\"ikke tid\"", "phrase:\"for lite tid\""])
        #expect(tid.entries[1].location?.line == 4 && tid.entries[1].location?.column == 3)
        #expect(cb.themes[2].entries.map(\.weight) == [2, 0.5])
        // An entry after a subcategory belongs to the enclosing category again.
        #expect(cb.themes[0].entries.map(\.label) == ["word:arbeidspress"])
        // Decimal comma in a weight.
        #expect(cb.themes[3].entries.last?.weight == 1.5)
        #expect(cb.themes[3].entries.last?.pattern == .phrase([.glob("varig"), .glob("tilrettelagt"), .glob("arbeid")], gaps: [0, 0]))
    }

    @Test func decomposedLettersAreComposed() throws {
        // "MÅ" written with a combining ring (NFD), as some editors save it, must still match "må".
        let r = try DictionaryImporter.importWordStat(text: "TID\n\tMA\u{030A}-OPPGAVE* (1)\n", file: "nfd.cat")
        #expect(r.codebook.themes[0].entries[0].pattern == .token(.glob("må-oppgave*")))
        #expect(Linter.lint(r.codebook).isEmpty)
    }

    @Test func spacesIndentationAndRulesAreNoted() throws {
        let r = try DictionaryImporter.importWordStat(text: """
            NEGASJON
                IKKE (1)
                IKKJE (1)
            TID
                @#NEGASJON NEAR TID (1)
                TID (1)
            """, file: "s.cat")
        #expect(r.codebook.themes.map(\.id) == ["negasjon", "tid"])
        #expect(r.codebook.themes[1].entries.map(\.label) == ["word:tid"])
        #expect(r.notes.contains { $0.contains("s.cat:5:5") && $0.contains("skipped") })
    }

    @Test func malformedCatNamesFileLineAndColumn() {
        func err(_ text: String) -> FritekstError? { codebookError { try DictionaryImporter.importWordStat(text: text, file: "feil.cat") } }
        let unbalanced = err("TILTAK\n    TILTAK* (1)\n  LØNNSTILSKUDD (1)\n")
        #expect(unbalanced?.file == "feil.cat" && unbalanced?.line == 3 && unbalanced?.position == 3)
        #expect(unbalanced?.message.contains("does not line up") == true)
        let deeper = err("TILTAK\n\tTILTAK* (1)\n\t\tLØNNSTILSKUDD (1)\n")
        #expect(deeper?.line == 3 && deeper?.position == 3)
        let badWeight = err("TILTAK\n\tTILTAK* (en)\n")
        #expect(badWeight?.line == 2 && badWeight?.position == 10 && badWeight?.message.contains("'(en)' is not a number") == true)
        let orphan = err("TILTAK* (1)\n")
        #expect(orphan?.line == 1 && orphan?.position == 1 && orphan?.message.contains("not indented under a category") == true)
        let dup = err("TILTAK\n\tTILTAK* (1)\nTILTAK\n")
        #expect(dup?.line == 3 && dup?.message.contains("defined twice") == true)
        let topLevel = err("  TILTAK\n    TILTAK* (1)\nDIGITAL\n")
        #expect(topLevel?.line == 3 && topLevel?.message.contains("does not line up") == true)
    }
}

@Suite struct QuantedaImporterTests {
    @Test func nestedCategoriesGetParentThemes() throws {
        let path = LexiconFixtures.root.deletingLastPathComponent().appendingPathComponent("small/dict-unquoted.yaml").path
        let cb = try DictionaryImporter.importFile(path: path, format: .quanteda).codebook
        #expect(Array(cb.themes.map(\.id).prefix(3)) == ["digitalisering", "digitalisering.systemer", "digitalisering.generelt"])
        #expect(cb.themes[1].parent == "digitalisering" && cb.themes[1].label == "systemer")
        #expect(cb.themes[0].entries.isEmpty && cb.themes[0].parent == nil)
        #expect(cb.themes.first { $0.id == "avvisning" }?.entries.prefix(2).map(\.label) == ["glob:nei", "glob:no"])
    }

    @Test func fritekstCodebookIsRefused() {
        let e = codebookError { try DictionaryImporter.importQuanteda(text: "themes:\n  - id: a\n", file: "k.yaml") }
        #expect(e?.file == "k.yaml" && e?.line == 1 && e?.message.contains("already a Fritekst codebook") == true)
    }

    @Test func formatIsGuessedFromTheExtension() {
        #expect(DictionaryFormat.guess(path: "a/b.DIC") == .liwc)
        #expect(DictionaryFormat.guess(path: "b.dicx") == .liwc)
        #expect(DictionaryFormat.guess(path: "b.cat") == .wordstat)
        #expect(DictionaryFormat.guess(path: "b.yml") == .quanteda)
        #expect(DictionaryFormat.guess(path: "b.txt") == nil)
    }
}
