import Foundation
@testable import FritekstReport
import Testing

@Suite struct ReportTests {
    @Test func csvQuotesOnlyWhenNeeded() {
        var w = CSVWriter()
        w.row(["R1", "Bra, men «tungt»", "sa \"nei\"", "linje\nto", " kant", "vanlig"])
        #expect(String(decoding: w.data, as: UTF8.self)
                == "R1,\"Bra, men «tungt»\",\"sa \"\"nei\"\"\",\"linje\nto\",\" kant\",vanlig\n")
        var semi = CSVWriter(delimiter: ";", byteOrderMark: true)
        semi.row(["a;b", "c,d"])
        #expect(Array(semi.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: semi.data.dropFirst(3), as: UTF8.self) == "\"a;b\";c,d\n")
    }

    @Test func pValuesArePlainNumbersWithSixSignificantDigits() {
        #expect(NumberFormat.pValue(0.05004352124870519) == "0.0500435")
        #expect(NumberFormat.pValue(0.5) == "0.500000")
        #expect(NumberFormat.pValue(3.610865404890647e-10) == "0.000000000361087")
        #expect(NumberFormat.pValue(1) == "1")
        #expect(!NumberFormat.pValue(1e-30).contains("e"))
        #expect(NumberFormat.fraction(1.0 / 3.0) == "0.333333")
    }

    @Test func workbookIsAZipWithTheSheets() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).xlsx").path
        try XLSXWriter.write([
            Sheet(name: "Svar", header: ["id", "Svar", "tiltak"],
                  rows: [[.text("R1"), .text("Tiltaksplassene er få – «for få»."), .integer(1)]],
                  styles: [.plain, .wrapped, .integer]),
            Sheet(name: "Temaer etter gruppe", header: ["Tema", "Andel"], rows: [[.text("tiltak"), .number(0.25)]], styles: [.plain, .percent]),
        ], to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("xl/worksheets/sheet2.xml"))
        try FileManager.default.removeItem(atPath: path)
    }
}
