import Foundation
import FritekstCore
@testable import FritekstLexicon
import FritekstText
import Testing

/// A lemma table for tests: inflected form → lemma.
struct TableLemmas: LemmaProvider {
    let table: [String: String]
    func lemmaInfo(_ type: String) -> LemmaInfo { LemmaInfo(lemmas: [table[type] ?? type], parts: []) }
}

@Suite struct LinterTests {
    func lint(_ yaml: String, corpus: [String]? = nil, lemmas: (any LemmaProvider)? = nil, share: Double = 0.02) throws -> [LintFinding] {
        let cb = try CodebookLoader.load(yaml: yaml, file: "kodebok.yaml")
        return Linter.lint(cb, corpus: corpus, lemmas: lemmas, options: LintOptions(broadShare: share))
    }

    func only(_ findings: [LintFinding], _ kind: LintFinding.Kind) -> [LintFinding] { findings.filter { $0.kind == kind } }

    @Test func cleanCodebookHasNoFindings() throws {
        let f = try lint("""
            themes:
              - id: tiltak
                entries:
                  - glob: "tiltak*"
                  - word: "lønnstilskudd"
                  - phrase: "varig tilrettelagt arbeid"
              - id: digital
                entries: ["modia", "nav-kontor*", "f.eks.", "14a-vedtak"]
            """)
        #expect(f.isEmpty, "\(f)")
    }

    @Test func parentCycleIsAnErrorAtTheFirstTheme() throws {
        let f = try lint("""
            themes:
              - id: a
                parent: c
              - id: b
                parent: a
              - id: c
                parent: b
              - id: d
                parent: d
            """)
        let cycles = only(f, .parentCycle)
        #expect(cycles.count == 2)
        #expect(cycles[0].severity == .error && cycles[0].location?.line == 2 && cycles[0].location?.column == 5)
        #expect(cycles[0].message.contains("a → c → b → a"))
        #expect(cycles[1].location?.line == 8 && cycles[1].message.contains("d → d"))
        #expect(cycles[0].description.hasPrefix("kodebok.yaml:2:5: error: parent cycle"))
    }

    @Test func unknownParentInModelAndInFile() throws {
        let cb = Codebook(name: "x", format: .fritekst, themes: [
            Theme(id: "a", parent: "mangler", location: SourceLocation(file: "x.yaml", line: 3, column: 5)),
        ], file: "x.yaml")
        let f = Linter.lint(cb)
        #expect(f.count == 1 && f[0].kind == .unknownParent && f[0].description == "x.yaml:3:5: error: theme 'a' names unknown parent 'mangler'")
        // From a file the loader's own check reports it, still as file:line:column.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).yaml").path
        try "themes:\n  - id: a\n  - id: b\n    parent: mangler\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let g = Linter.lint(path: path)
        #expect(g.count == 1 && g[0].severity == .error && g[0].location?.line == 3 && g[0].message.contains("unknown parent 'mangler'"))
    }

    @Test func ruleReferencesCyclesAndMisplacedReferences() throws {
        let yaml = """
            themes:
              - id: negasjon
                hidden: true
                entries: ["ikke", "ikkje"]
                rules:
                  - match: "ikke"
                    near: "#tid"
              - id: tid
                entries: ["tid", "#negasjon"]
                rules:
                  - match: ["tid", "tida"]
                    after: "#negasjon"
                    window: 2
              - id: tiltak
                rules:
                  - match: "tiltak*"
                    near: ["#tiltak", "nav-"]
              - id: hjelp
                hidden: true
                entries: ["hjelp"]
            """
        let f = try lint(yaml)
        let cycles = only(f, .referenceCycle)
        #expect(cycles.map { $0.location?.line } == [6, 16])
        #expect(cycles[0].message.contains("negasjon → #tid → #negasjon") && cycles[0].severity == .error)
        #expect(cycles[1].message.contains("tiltak → #tiltak"))
        let bad = only(f, .cannotMatch)
        #expect(bad.map { $0.location?.line } == [9, 16])
        #expect(bad[0].message.contains("belongs in a rule") && bad[1].message.contains("in a rule: glob 'nav-'"))
        let unused = only(f, .unusedHidden)
        #expect(unused.count == 1 && unused[0].location?.line == 18 && unused[0].severity == .warning)
        // The corpus checks still run although the rules could not be compiled.
        let g = try lint(yaml, corpus: Self.corpus)
        #expect(only(g, .unreadable).isEmpty)
        #expect(only(g, .noCorpusMatch).map { $0.location?.line } == [4, 20])     // ikkje, hjelp
        // A reference to a theme that does not exist (the loader refuses it; a model may still hold it).
        let model = Codebook(name: "m", format: .fritekst, themes: [
            Theme(id: "a", rules: [Rule(op: .near, a: [.token(.glob("vedtak*"))], b: [.theme("mangler")],
                                        location: SourceLocation(file: "m.yaml", line: 7, column: 9))]),
        ], file: "m.yaml")
        let m = Linter.lint(model)
        #expect(m.count == 1 && m[0].kind == .unknownReference && m[0].description.hasPrefix("m.yaml:7:9: error: unknown theme reference '#mangler'"))
    }

    @Test func duplicatesWithinAndAcrossThemesAreWarnings() throws {
        let f = try lint("""
            themes:
              - id: tiltak
                entries:
                  - word: "lønnstilskudd"
                  - glob: "tiltak*"
                  - glob: "lønnstilskudd"
                    weight: 0.5
              - id: arbeid
                entries:
                  - glob: "tiltak*"
                  - phrase: "varig  tilrettelagt"
              - id: varig
                entries: [{phrase: "varig tilrettelagt"}]
            """)
        let within = only(f, .duplicateEntry)
        #expect(within.count == 1 && within[0].severity == .warning && within[0].location?.line == 6)
        #expect(within[0].message.contains("first at line 4"))
        let across = only(f, .duplicateAcrossThemes)
        #expect(across.map { $0.location?.line } == [10, 13])
        #expect(across[0].message.contains("also in theme 'tiltak' (line 5)"))
        #expect(f.allSatisfy { $0.severity == .warning })
    }

    @Test func patternsTheTokenizerNeverProduces() throws {
        let f = try lint("""
            themes:
              - id: a
                entries:
                  - word: "nav-"
                  - glob: "-tiltak*"
                  - word: "f.eks"
                  - word: "f.eks."
                  - glob: "nav.no"
                  - phrase: "tid til, oppfølging"
                  - word: "arbeids\u{00AD}evne"
                  - glob: "*"
                  - regex: "^[.,]+$"
                  - glob: "*,*"
            """)
        let bad = only(f, .cannotMatch)
        #expect(bad.map { $0.location?.line } == [4, 5, 6, 8, 9, 10])
        #expect(bad.allSatisfy { $0.severity == .error })
        #expect(bad[0].message.contains("reads it as 'nav'"))
        #expect(bad[2].message.contains("2 tokens ('f', 'eks')"))
        #expect(bad[5].message.contains("normalised to 'arbeidsevne'"))
        let broad = only(f, .overBroad)
        #expect(broad.count == 1 && broad[0].location?.line == 11 && broad[0].severity == .warning)
    }

    @Test func quantedaModeKeepsLessInsideTokens() throws {
        // quanteda mode keeps no periods, apostrophes or digit hyphens inside tokens.
        let f = try lint("ord: [\"f.eks.\", \"covid-19\", \"nav-kontor\", \"o'neill\"]\n")
        #expect(only(f, .cannotMatch).map { $0.location?.line } == [1, 1, 1])
        let n = try lint("themes:\n  - id: ord\n    entries: [\"f.eks.\", \"covid-19\", \"nav-kontor\", \"o'neill\"]\n")
        #expect(only(n, .cannotMatch).isEmpty)
    }

    static let corpus = [
        "Tiltaksplassene forsvinner, og lønnstilskudd brukes for lite.",
        "Modia og Gosys er trege; vi har ikke tid til oppfølging av brukerne.",
        "Vi får for lite tid til brukerne. ARENA er tungvint.",
        "Kurs i e-læring hjelper lite når tida går til dokumentasjon.",
    ]

    @Test func corpusFindsBroadGlobsAndDeadEntries() throws {
        let f = try lint("""
            themes:
              - id: tiltak
                entries:
                  - glob: "tiltak*"
                  - glob: "*e*"
                  - word: "arbeidsmarkedstiltak"
                  - word: "Arena"
                    case_sensitive: true
                  - word: "ARENA"
                    case_sensitive: true
              - id: tid
                entries:
                  - phrase: "tid til ~1 oppfølging"
                  - phrase: "tid til ledelse"
                  - phrase: "for lite tid"
                  - regex: "tid(a|en)?"
            """, corpus: Self.corpus)
        let broad = only(f, .overBroad)
        #expect(broad.map { $0.location?.line } == [5])     // tiltak* and the regex match too few types
        #expect(broad[0].message.contains("glob '*e*' matches"))
        let dead = only(f, .noCorpusMatch)
        #expect(dead.map { $0.location?.line } == [6, 7, 14])
        #expect(dead[0].message.contains("matches nothing in the corpus (4 answers)"))
        // With a higher threshold only the very broad glob remains.
        let g = try lint("themes:\n  - id: a\n    entries: [\"*e*\", \"tiltak*\"]\n", corpus: Self.corpus, share: 0.2)
        #expect(only(g, .overBroad).map { $0.location?.line } == [3])
    }

    @Test func lemmaEntriesNeedAProvider() throws {
        let yaml = """
            themes:
              - id: tiltak
                entries:
                  - lemma: "tiltaksplass"
                  - lemma: "kurs"
                  - part: "oppfølgingsplan"
                  - glob: "modia"
            """
        let without = try lint(yaml, corpus: Self.corpus)
        let notes = only(without, .notChecked)
        #expect(notes.count == 1 && notes[0].severity == .note && notes[0].message.contains("3 lemma/part entries"))
        #expect(only(without, .noCorpusMatch).isEmpty)
        let with = try lint(yaml, corpus: Self.corpus, lemmas: TableLemmas(table: ["tiltaksplassene": "tiltaksplass"]))
        #expect(only(with, .notChecked).isEmpty)
        #expect(only(with, .noCorpusMatch).map { $0.location?.line } == [6])
    }

    @Test func importedDictionariesAreLintedAtTheirOwnLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dic = dir.appendingPathComponent("feil.dic").path
        try "%\n1\ttiltak\n2\tdigital\n%\ntiltak*\t1\nnav.no\t2\n:)\t2\ntiltak*\t1\n".write(toFile: dic, atomically: true, encoding: .utf8)
        let f = Linter.lint(path: dic)
        #expect(only(f, .cannotMatch).map { $0.location?.line } == [6, 7])
        #expect(only(f, .duplicateEntry).map { $0.location?.line } == [8])
        #expect(f.first?.description.hasPrefix("\(dic):6:1: error:") == true)
        let broken = dir.appendingPathComponent("brudd.cat").path
        try "TILTAK\n\tTILTAK* (x)\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let g = Linter.lint(path: broken)
        #expect(g.count == 1 && g[0].kind == .unreadable && g[0].description.hasPrefix("\(broken):2:10: error:"))
    }

    @Test func corpusTextsComeFromTheTextColumn() throws {
        let path = LexiconFixtures.root.deletingLastPathComponent().appendingPathComponent("small/answers.csv").path
        let read = try Linter.corpusTexts(path: path, textColumn: "text")
        #expect(read.texts.count > 5 && read.texts[0].hasPrefix("Må-oppgavene"))
        let e = codebookError { try Linter.corpusTexts(path: path, textColumn: "svar") }
        #expect(e?.kind == .input && e?.column == "svar")
    }
}
