import Foundation
import FritekstCore
@testable import FritekstIngest
import Testing

@Suite struct CSVReaderTests {
    func parse(_ s: String, _ options: CSVOptions = CSVOptions()) throws -> CSVReader.Result {
        try CSVReader.parse(data: Data(s.utf8), file: "test.csv", options: options)
    }

    @Test func quotedFieldsWithNewlinesCommasAndDoubledQuotes() throws {
        let r = try parse("id,text\n1,\"Første linje,\nandre «linje» med \"\"sitat\"\"\"\n2,Kort svar\n")
        #expect(r.table.header == ["id", "text"])
        #expect(r.table.rows.count == 2)
        #expect(r.table.rows[0][1] == "Første linje,\nandre «linje» med \"sitat\"")
        #expect(r.table.rowLines == [2, 4])
        #expect(r.accounting.rowsRead == 2)
    }

    @Test func sniffsSemicolonAndReadsWindows1252() throws {
        // "id;tekst\r\n1;Tiltaksplassene er få; og «for få»\r\n" in Windows-1252, with ; inside quotes.
        var bytes = Array("id;tekst\r\n1;\"Tiltaksplassene er f".utf8)
        bytes.append(0xE5)                                    // å
        bytes += Array("; og ".utf8) + [0xAB] + Array("for f".utf8) + [0xE5, 0xBB] + Array("\"\r\n2;".utf8)
        bytes += [0xC6, 0xD8, 0xC5, 0x20, 0x96, 0x20, 0x80]   // ÆØÅ – €
        let r = try CSVReader.parse(data: Data(bytes), file: "ansi.csv")
        #expect(r.delimiter == UInt8(ascii: ";"))
        #expect(r.encoding == .windows1252)
        #expect(r.table.rows[0][1] == "Tiltaksplassene er få; og «for få»")
        #expect(r.table.rows[1][1] == "ÆØÅ – €")
        #expect(r.accounting.warnings.contains { $0.contains("Windows-1252") })
    }

    @Test func bomTabsAndMissingFinalNewline() throws {
        let r = try CSVReader.parse(data: Data([0xEF, 0xBB, 0xBF] + Array("id\ttext\n7\tnynorsk: ikkje noko å seie".utf8)), file: "t.tsv")
        #expect(r.encoding == .utf8)
        #expect(r.delimiter == 9)
        #expect(r.table.header == ["id", "text"])
        #expect(r.table.rows == [["7", "nynorsk: ikkje noko å seie"]])
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var data = Data([0xFF, 0xFE])
        for u in "id,text\n1,Sakshandsaminga tek tid\n".utf16 { data.append(UInt8(u & 0xFF)); data.append(UInt8(u >> 8)) }
        let r = try CSVReader.parse(data: data, file: "u16.csv")
        #expect(r.encoding == .utf16le)
        #expect(r.table.rows == [["1", "Sakshandsaminga tek tid"]])
    }

    @Test func raggedRowIsSkippedWithReasonNotDropped() throws {
        let r = try parse("id,role,text\n1,veileder,Ok\n2,veileder\n3,merkantil,Greit,ekstra\n4,,Siste\n")
        #expect(r.table.rows.count == 2)
        #expect(r.accounting.rowsRead == 4)
        #expect(r.accounting.skipped == [.init(line: 3, reason: "2 fields, header has 3"),
                                         .init(line: 4, reason: "4 fields, header has 3")])
        #expect(throws: FritekstError.self) { try parse("id,role,text\n1,veileder\n", CSVOptions(strict: true)) }
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheFieldBegan() {
        do {
            _ = try parse("id,text\n1,ok\n2,\"dette svaret\nslutter aldri\n3,neste\n")
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.line == 3)
            #expect(e.file == "test.csv")
            #expect(e.message.contains("unterminated"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func emptyAndBinaryFilesAreErrors() {
        #expect(throws: FritekstError.self) { try CSVReader.parse(data: Data(), file: "tom.csv") }
        #expect(throws: FritekstError.self) { try CSVReader.parse(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2]), file: "svar.xlsx") }
    }

    @Test func duplicateHeadersAreRenamedWithWarning() throws {
        let r = try parse(" id ,text,text\n1,a,b\n")
        #expect(r.table.header == ["id", "text", "text_2"])
        #expect(r.accounting.warnings.contains { $0.contains("duplicate column 'text'") })
    }

    @Test func nulBytesAreRemovedWithWarning() throws {
        let r = try CSVReader.parse(data: Data(Array("id,text\n1,hei\0 du\n".utf8)), file: "nul.csv")
        #expect(r.table.rows[0][1] == "hei du")
        #expect(r.accounting.warnings.contains { $0.contains("NUL") })
    }

    @Test func mappingCountsEmptyAnswersAndNamesMissingColumns() throws {
        let r = try parse("id,role,text\nR1,veileder,Bra\nR2,leder,\nR3,leder,\"  \"\nR1,veileder,igjen\n")
        var acc = r.accounting
        let rs = try ColumnMapping(id: "id", text: "text", groups: ["role"]).responses(from: r.table, file: "test.csv", accounting: &acc)
        #expect(rs.map(\.id) == ["R1", "R2", "R3", "R1"])
        #expect(acc.answered == 2 && acc.empty == 2)
        #expect(acc.duplicateIDs == ["R1"])
        var acc2 = RowAccounting()
        do {
            _ = try ColumnMapping(id: "id", text: "svar").responses(from: r.table, file: "test.csv", accounting: &acc2)
            Issue.record("expected missing column error")
        } catch let e as FritekstError {
            #expect(e.column == "svar")
            #expect(e.file == "test.csv")
        }
    }
}
