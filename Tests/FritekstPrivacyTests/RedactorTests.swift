import Foundation
@testable import FritekstPrivacy
import Testing

@Suite struct RedactorTests {
    let redactor = Redactor()

    func digits(_ s: String) -> [Int] { s.compactMap { $0.wholeNumberValue } }

    @Test func fodselsnummerCheckDigitsAndDateOffsets() {
        // The bundled corpus's synthetic number: 15.03.1985 with month + 80.
        #expect(Identifiers.isFodselsnummer(digits("15838510156")))
        #expect(!Identifiers.isFodselsnummer(digits("15838510157")))   // second check digit off
        #expect(!Identifiers.isFodselsnummer(digits("15838510146")))   // first check digit off
        #expect(!Identifiers.isFodselsnummer(digits("1583851015")))    // too short
        #expect(!Identifiers.isFodselsnummer(digits("32018512345")))   // day 32
        // D-nummer (day + 40) and H-nummer (month + 40) validate when the check digits do.
        let d = redactor.redact("D-nummer 55038510184 og 55038510156.")
        #expect(d.text == "D-nummer [FNR] og 55038510156.", "the second has the first number's check digits")
    }

    @Test func accountNumbersNeedTheirCheckDigit() {
        #expect(Identifiers.isAccountNumber(digits("86011117947")))
        #expect(!Identifiers.isAccountNumber(digits("86011117948")))
        #expect(redactor.redact("Konto 8601.11.17947 er feil.").text == "Konto [KONTO] er feil.")
        #expect(redactor.redact("Konto 8601.11.17948 er feil.").text == "Konto 8601.11.17948 er feil.")
    }

    @Test func plantedCorpusIdentifiers() {
        let cases: [(String, String)] = [
            ("Jeg kan nås på +47 41 22 33 44 om dere har spørsmål.", "Jeg kan nås på [TLF] om dere har spørsmål."),
            ("Kollegaen min Marit har båret hele teamet.", "Kollegaen min [NAVN] har båret hele teamet."),
            ("Snakk gjerne med kollegaen min Marit på 922 33 445, hun har eksempler.", "Snakk gjerne med kollegaen min [NAVN] på [TLF], hun har eksempler."),
            ("en bruker (fnr. 15838510156) har ventet", "en bruker (fnr. [FNR]) har ventet"),
            ("Lederen Ole Hansen har gjort en fantastisk jobb.", "Lederen [NAVN] har gjort en fantastisk jobb."),
            ("Send meg gjerne resultatene på kari.nordmann@eksempel.no.", "Send meg gjerne resultatene på [EPOST]."),
        ]
        for (text, want) in cases { #expect(redactor.redact(text).text == want) }
    }

    @Test func countsAndSpansPointIntoTheOriginal() {
        let text = "Ring Øyvind på 412 34 567 eller skriv til øyvind@eksempel.no – «takk»!"
        let r = redactor.redact(text)
        #expect(r.text == "Ring [NAVN] på [TLF] eller skriv til [EPOST] – «takk»!")
        #expect(r.counts[.navn] == 1 && r.counts[.tlf] == 1 && r.counts[.epost] == 1 && r.counts.total == 3)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[r.spans[0].start..<r.spans[0].end], as: UTF8.self) == "Øyvind")
        #expect(r.counts.summary == "FNR 0, TLF 1, EPOST 1, KONTO 0, NAVN 1, URL 0")
    }

    @Test func applyOverARangeReplacesOverlappingSpansWhole() {
        let text = "Kollegaen min Marit Hansen hjelper meg."
        let r = redactor.redact(text)
        // A coded match on «min Marit» shows as «min [NAVN]».
        let start = Array(text.utf8).firstIndex(of: UInt8(ascii: "m"))!
        #expect(Redactor.apply(r.spans, to: text, range: start..<(start + 9)) == "min [NAVN]")
        #expect(Redactor.apply(r.spans, to: text, range: 0..<9) == "Kollegaen")
    }

    @Test func ambiguousNamesNeedContext() {
        #expect(redactor.redact("Per i dag er det kaos.").counts.total == 0)
        #expect(redactor.redact("Hans leder har sluttet.").counts.total == 0)
        #expect(redactor.redact("Per Hansen har sluttet.").text == "[NAVN] har sluttet.")
        #expect(redactor.redact("Kollegaen min Per har sluttet.").text == "Kollegaen min [NAVN] har sluttet.")
        #expect(redactor.redact("Nav Lunde og Nav Berg samarbeider.").counts.total == 0)
        #expect(redactor.redact("Marit Berg og Liv Strand samarbeider.").text == "[NAVN] og [NAVN] samarbeider.")
        // Lower case and ALL CAPS are words, not names, unless a user list says so.
        #expect(redactor.redact("marit sa det. MARIT SA DET.").counts.total == 0)
    }

    @Test func decomposedLettersStillMatch() {
        // «Håkon» and «Pål» typed as a + U+030A (NFD), as some Mac exports do.
        #expect(redactor.redact("Ha\u{030A}kon og Pa\u{030A}l Olsen hjelper oss.").text == "[NAVN] og [NAVN] hjelper oss.")
    }

    @Test func userListsMatchAnyCaseAndGenitive() throws {
        var names = NameLists.shipped
        names.addUserNames("# kolleger\nTordis Aalvik\n\nNav Fjellvik\n")
        let r = Redactor(names: names)
        #expect(r.redact("tordis aalvik og Nav Fjellvik").text == "[NAVN] og [NAVN]")
        #expect(r.redact("Tordis Aalviks brukere").text == "[NAVN] brukere")
        #expect(Redactor.words(of: "Anne-Lise  Berg") == ["anne-lise", "berg"])
    }

    @Test func namesFileErrors() {
        var names = NameLists.shipped
        #expect(throws: (any Error).self) { try names.addUserNames(file: "/nonexistent/navn.txt") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("navn-\(UUID().uuidString).txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x4B, 0xE5, 0x72, 0x65, 0x0A]))  // «Kåre» in Windows-1252
        #expect(throws: (any Error).self) { try names.addUserNames(file: path) }
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func emptyAndIdentifierFreeTextIsUntouched() {
        for t in ["", " ", "Nei.", "Alt for mange systemer.", "§ 14a-vedtak tar 12 uker; kr 25 000 000.", "æøå ÆØÅ «»"] {
            let r = redactor.redact(t)
            #expect(r.text == t && r.spans.isEmpty)
        }
    }

    @Test func shippedListsMatchTheFilesInLexicons() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func read(_ name: String) throws -> Set<String> {
            let text = try String(contentsOf: root.appendingPathComponent("Lexicons/names/\(name)"), encoding: .utf8)
            return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
        }
        #expect(try read("given.txt") == Set(ShippedNames.given), "run scripts/gen-names.py")
        #expect(try read("surnames.txt") == Set(ShippedNames.surnames), "run scripts/gen-names.py")
        #expect(try read("ambiguous.txt") == Set(ShippedNames.ambiguous), "run scripts/gen-names.py")
        #expect(ShippedNames.given.count >= 250 && ShippedNames.surnames.count >= 120)
    }
}
