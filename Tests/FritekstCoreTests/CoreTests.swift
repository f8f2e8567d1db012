import Foundation
import FritekstCore
import Testing

@Suite struct CoreTests {
    @Test func errorNamesFileLineAndColumn() {
        let e = FritekstError(.input, "no such column", file: "svar.csv", line: 1, column: "tekst")
        #expect(e.description == "svar.csv:1: column 'tekst': no such column")
        let y = FritekstError(.codebook, "invalid YAML", file: "kodebok.yaml", line: 12, position: 7)
        #expect(y.description == "kodebok.yaml:12:7: invalid YAML")
        #expect(e.exitCode != 0 && y.exitCode != 0 && e.exitCode != y.exitCode)
    }

    @Test func vocabularyInternsOnce() {
        var v = Vocabulary()
        let a = v.intern("tiltak")
        let b = v.intern("tiltakene")
        #expect(v.intern("tiltak") == a)
        #expect(a != b)
        #expect(v.count == 2)
        #expect(v[b] == "tiltakene")
        #expect(v.id(of: "ukjent") == nil)
    }

    @Test func responseAnsweredIgnoresWhitespace() {
        #expect(!Response(id: "1", row: 1, line: 2, fields: [:], text: " \n\t\u{00A0}").isAnswered)
        #expect(Response(id: "1", row: 1, line: 2, fields: [:], text: " Nei ").isAnswered)
        // Whitespace outside ASCII (em space, line separator, NBSP) counts as blank; a letter after it does not.
        #expect(!Response(id: "1", row: 1, line: 2, fields: [:], text: "\r\n\u{2003}\u{2028}\u{00A0} ").isAnswered)
        #expect(Response(id: "1", row: 1, line: 2, fields: [:], text: "\u{2003}å").isAnswered)
        #expect(Response(id: "1", row: 1, line: 2, fields: [:], text: "\t«»").isAnswered)
        #expect(!Response(id: "1", row: 1, line: 2, fields: [:], text: "").isAnswered)
    }

    @Test func stagedOutputAppearsOnlyOnCommit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)").path
        do {
            let staged = try StagedOutput(directory: dir)
            try staged.write(Data("a,b\n".utf8), to: "coded.csv")
            #expect(!FileManager.default.fileExists(atPath: dir))
            // Dropped without commit: nothing may remain, not even the staging folder.
        }
        #expect(!FileManager.default.fileExists(atPath: dir))
        let parent = (dir as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains((dir as NSString).lastPathComponent + ".staging") }
        #expect(leftovers.isEmpty)
        let staged = try StagedOutput(directory: dir)
        try staged.write(Data("æøå\n".utf8), to: "coded.csv")
        try staged.commit()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/coded.csv")), as: UTF8.self) == "æøå\n")
        try FileManager.default.removeItem(atPath: dir)
    }

    @Test func fnvHashIsStable() {
        #expect(Provenance.fnv1a64(Array("".utf8)) == "cbf29ce484222325")
        #expect(Provenance.fnv1a64(Array("a".utf8)) == "af63dc4c8601ec8c")
    }
}

@Suite struct TrimTests {
    @Test func trimsUnicodeWhitespaceLikeFoundation() {
        #expect(" veileder ".trimmedWhitespace == "veileder")
        #expect("\u{00A0}statlig\t\n".trimmedWhitespace == "statlig")
        #expect("Nav Sørstrand".trimmedWhitespace == "Nav Sørstrand")
        #expect("  ".trimmedWhitespace == "")
        #expect("ø".trimmedWhitespace == "ø")
    }
}

@Suite struct JSONTextTests {
    @Test func quotedTextDecodesBackUnchanged() throws {
        let tricky = "«sitat» \"nei\" \\ tab\t ny\nlinje \u{7F}\u{85}\u{2028}\u{FEFF}\u{01} æøå"
        let literal = JSONText.quote(tricky)
        #expect(!literal.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0xFEFF || $0.value == 0x85 })
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [tricky])
    }
}

@Suite struct StagedOutputPlaceTests {
    @Test func anExistingFileIsNotAnOutputDirectory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ikke-mappe-\(UUID().uuidString)").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try StagedOutput(directory: path)
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.file == path && e.message.contains("existing file"))
        }
    }
}
