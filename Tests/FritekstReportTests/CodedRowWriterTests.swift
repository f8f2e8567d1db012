import Foundation
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstPrivacy
@testable import FritekstReport
import FritekstText
import Testing

/// `coded.csv` rows are written straight as bytes; they must be the bytes the string writer gives.
@Suite struct CodedRowWriterTests {
    static let yaml = """
        digitalisering: ["modia og arena", "digital*"]
        samarbeid_nay: ["nav arbeid og ytelse*", "vedtak*"]
        tiltak: ["*tiltak*", "tiltaksplass*"]
        kompetanse: ["kompetanse*", "opplæring"]
        """

    @Test func rowsEqualTheStringWriterOnAwkwardAnswers() throws {
        let codebook = try CodebookLoader.load(yaml: Self.yaml, file: "q.yaml")
        let compiled = try CompiledCodebook(codebook, lemmas: nil)
        let answers: [(id: String, text: String, spans: [RedactionSpan])] = [
            ("R1", "Digitaliseringen går for fort, \"Modia\" og Arena krasjer hver dag.", []),
            // Phrase matches over LF, CR LF, two blank lines and LINE SEPARATOR: the line breaks fold to one space.
            ("R2;x", "Nav Arbeid\nog ytelser overprøver vedtakene, Nav\r\narbeid og\n\n\nytelse tar tid. Nav arbeid\u{2028}og ytelser.", []),
            (" R3 ", "Arbeidsmarkeds-\ntiltak og tiltaksplassene mangler; «opplæring» i kompetanse­heving.", []),
            ("R\"4", "Ingen temaer her, bare «sitat» og \"anførsel\".", []),
            ("R5", "", []),
            // A redacted name inside a match shows its marker instead of the words.
            ("R6", "Kari Vedtak sa at opplæring og tiltak hjalp.", [RedactionSpan(kind: .navn, start: 0, end: 11)]),
        ]
        var interner = Interner()
        let tokenizer = compiled.tokenizer
        let tokens = answers.map { a -> [Token] in
            var out: [Token] = []
            interner.tokens(of: a.text, tokenizer: tokenizer, into: &out)
            return out
        }
        compiled.resolve(interner.vocabulary)
        let visible = codebook.visibleThemes.map(\.index)
        for delimiter: Character in [",", ";"] {
            var strings = CSVWriter(delimiter: delimiter)
            var bytes = CodedRowWriter(delimiter: delimiter.asciiValue!, labels: EvidenceLabels(compiled))
            var coded = 0
            for (a, toks) in zip(answers, tokens) {
                var text = a.text
                text.withUTF8 { p in
                    let coding = Coder(compiled).code(tokens: toks, text: p)
                    coded += coding.hits.count
                    let flags = coding.visibleFlags(indices: visible)
                    strings.row(a.id, flags: flags, coding.evidence(text: a.text, compiled: compiled, redacting: a.spans))
                    bytes.row(id: a.id, flags: flags, coding: coding, text: p, answer: a.text, spans: a.spans)
                }
            }
            let expected = String(decoding: strings.data, as: UTF8.self)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == expected, "delimiter \(delimiter)")
            #expect(coded == 7)
            #expect(expected.contains("«Nav Arbeid og ytelser»; "))
            #expect(expected.contains("«Nav arbeid og ytelse»"))
            #expect(expected.contains("«Nav arbeid og ytelser»"))
            #expect(expected.contains("[NAVN]"))
        }
    }
}
