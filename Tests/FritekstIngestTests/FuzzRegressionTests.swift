import Foundation
import FritekstCore
@testable import FritekstIngest
import Testing

/// Inputs that made a libFuzzer harness (Fuzz/) fail, replayed with the harness's own checks.
/// File names start with the harness: `xlsx-sheet-…` (FuzzXLSX) or `csv-…` (FuzzCSV).
@Suite struct FuzzRegressionTests {
    static func files() -> [String] {
        let dir = fixture("fuzz-regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func thereIsAtLeastOneRegressionInput() {
        #expect(!Self.files().isEmpty)
    }

    @Test(arguments: FuzzRegressionTests.files())
    func replay(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: fixture("fuzz-regressions/\(name)")))
        if name.hasPrefix("xlsx-sheet-") {
            do {
                let rows = try XLSXReader.parseSheetXML(data, sharedStrings: ["delt", "tekst æøå"], date1904: data.count % 2 == 0)
                let numbers = rows.map(\.row)
                #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "row numbers must increase: \(numbers)")
            } catch is FritekstError {}
        } else if name.hasPrefix("csv-") {
            do {
                let r = try CSVReader.parse(data: data, file: name)
                #expect(r.table.rows.allSatisfy { $0.count == r.table.header.count })
                #expect(r.accounting.rowsRead == r.table.rows.count + r.accounting.skipped.count)
            } catch is FritekstError {}
        } else {
            Issue.record("unknown regression prefix: \(name)")
        }
    }

    @Test func nestedRowElementsDoNotRepeatRowNumbers() throws {
        // The fuzzer's find, reduced: a <row> nested inside another row's inline string.
        let xml = Data(("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>id</t></is></c></row>"
            + "<row r=\"2\"><c t=\"inlineStr\"><is><t>a<row r=\"1\"><c t=\"inlineStr\"><is><t>b</t></is></c></row></t></is></c></row>"
            + "<row r=\"3\"><c t=\"inlineStr\"><is><t>c</t></is></c></row></sheetData></worksheet>").utf8)
        let rows = try XLSXReader.parseSheetXML(xml)
        #expect(rows.map(\.row) == [1, 2, 3])
    }
}
