import Foundation
import FritekstCore
@testable import FritekstIngest
import FritekstReport
import Testing

/// Fixture path under Tests/Fixtures.
func fixture(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(path).path
}

func tempPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-ingest-\(UUID().uuidString)-\(name)").path
}

@Suite struct FormatReaderTests {
    @Test func norwegianExcelCSVInWindows1252WithSemicolons() throws {
        let r = try InputReader.read(path: fixture("formats/win1252-semicolon.csv"))
        #expect(r.format == .csv)
        #expect(r.details["encoding"] == "windows-1252")
        #expect(r.details["delimiter"] == ";")
        #expect(r.table.header == ["id", "rolle", "arbeidsgiver", "svar"])
        #expect(r.table.rows.map { $0[3] } == [
            "Tiltaksplassene er få; ventetida lang",
            "Vi må ha «mer» tid til brukerne.\r\nOgså bedre IKT – især Modia",
            "Økt arbeidsmengde på grunn av AAP-søknader",
            "",
        ])
        #expect(r.table.rowLines == [2, 3, 5, 6])
        #expect(r.accounting.rowsRead == 4 && r.accounting.skipped.isEmpty)
    }

    @Test func encodingOverrideReadsLatin1AndUTF16BigEndian() throws {
        var o = ReadOptions()
        o.csv.encoding = .latin1
        let r = try InputReader.read(path: fixture("formats/win1252-semicolon.csv"), options: o)
        // 0x96 is an en dash in Windows-1252 but a C1 control in ISO-8859-1.
        #expect(r.table.rows[1][3].contains("\u{96}"))
        let u = try InputReader.read(path: fixture("formats/utf16be.tsv"))
        #expect(u.details["encoding"] == "utf-16be")
        #expect(u.table.rows == [["R1", "Sakshandsaminga tek for lang tid"], ["R2", "Eg veit ikkje"]])
    }

    @Test func xlsxWithDatesSparseRowsRichTextAndTitleRow() throws {
        let r = try InputReader.read(path: fixture("formats/dates-sparse.xlsx"))
        #expect(r.format == .xlsx)
        #expect(r.details["sheet"] == "Svar")
        #expect(r.table.header == ["id", "dato", "rolle", "svar", "tid", "flagg"])
        #expect(r.table.rows == [
            ["R1", "2019-01-01", "veileder", "Tiltaksplassene er for få på kontoret.", "12:00:00", "TRUE"],
            ["R2", "2019-02-28 18:00:00", "leder", "Saksbehandlingstida er for lang & «uforutsigbar»", "06:00:00", "FALSE"],
            ["R3", "", "", "Bare svar, ingen bakgrunn", "", ""],
            ["R4", "1900-02-29", "#N/A", "ab", "3.5", ""],
            ["R5", "2021-01-01", "leder", "Rik tekst", "1234567", ""],
        ])
        #expect(r.table.rowLines == [4, 5, 7, 8, 9])
        #expect(r.accounting.warnings.contains { $0.contains("row(s) 1 above the header row 3") })
        #expect(r.accounting.warnings.contains { $0.contains("Excel errors") })
        #expect(r.accounting.warnings.contains { $0.contains("1 empty row(s)") })
    }

    @Test func xlsx1904DateSystem() throws {
        let r = try InputReader.read(path: fixture("formats/date1904.xlsx"))
        #expect(r.table.rows.map { $0[1] } == ["1904-01-01", "2019-01-01"])
    }

    @Test func sheetByNameOrNumber() throws {
        for sheet in ["Svar", "svar", "2"] {
            let r = try InputReader.read(path: fixture("formats/two-sheets.xlsx"), options: ReadOptions(sheet: sheet))
            #expect(r.table.rows.map { $0[1] } == ["Vi trenger flere tiltaksplasser", "Samarbeidet med NAY er dårlig"])
        }
        #expect(throws: FritekstError.self) {
            try InputReader.read(path: fixture("formats/two-sheets.xlsx"), options: ReadOptions(sheet: "3"))
        }
        // The first sheet holds a note only: no data rows is an error, not an empty success.
        do {
            _ = try InputReader.read(path: fixture("formats/two-sheets.xlsx"))
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.message.contains("no data rows"))
        }
    }

    @Test func excelDateArithmetic() {
        #expect(XLSXReader.dateText(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXReader.dateText(serial: 59, date1904: false) == "1900-02-28")
        #expect(XLSXReader.dateText(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSXReader.dateText(serial: 45292.5, date1904: false) == "2024-01-01 12:00:00")
        #expect(XLSXReader.dateText(serial: 1462, date1904: true) == "1908-01-02")
        #expect(XLSXReader.columnIndex(ofReference: "A1") == 0)
        #expect(XLSXReader.columnIndex(ofReference: "AB12") == 27)
        #expect(XLSXReader.columnName(27) == "AB")
        #expect(StylesHandler.kind(formatID: 164, code: "dd\\.mm\\.yyyy") == .date)
        #expect(StylesHandler.kind(formatID: 165, code: "0.00\" kr\"") == nil)
        #expect(StylesHandler.kind(formatID: 166, code: "[h]:mm") == .time)
    }

    @Test func xlsxWrittenByOurWriterReadsBackNumbersAndLongText() throws {
        let path = tempPath("rt.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = String(repeating: "Arbeidsevnevurderingene tar tid. ", count: 900)   // ~30 000 characters
        let table = Table(header: ["id", "alder", "text"],
                          rows: [["R1", "45", long], ["R2", "", "Kort «svar»"], ["R3", "3.25", " "]], rowLines: [2, 3, 4])
        try TableExport.write(table, to: path)
        let r = try InputReader.read(path: path)
        #expect(r.table.rows == table.rows)
    }

    @Test func spssValueLabelsUserMissingAndVariableLabels() throws {
        let path = tempPath("labels.sav")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // > 255 bytes. SPSS pads strings with spaces, so trailing spaces cannot survive a .sav (none here).
        let long = String(repeating: "Samarbeidet med NAY og kommunen fungerer dårlig. ", count: 30) + "Slutt."
        let table = Table(header: ["id", "employer", "role", "age", "text"],
                          rows: [["R1", "statlig", "veileder", "45", "Tiltaksplassene er for få"],
                                 ["R2", "kommunal", "", "", long],
                                 ["R3", "statlig", "leder", "61", "Bra med «NAV-loven»; æøå ÆØÅ"]],
                          rowLines: [2, 3, 4])
        var columns = SAVWriter.columns(for: table, labelled: ["employer", "role"], missingCode: (99, "Ikke svart"))
        columns[4].label = "Er det noe mer du vil si om dine erfaringer fra Nav-kontoret?"
        #expect(columns[1].kind == .labelled(["kommunal", "statlig"]))
        #expect(columns[3].kind == .numeric)
        try SAVWriter.write(table, columns: columns, to: path)
        let r = try InputReader.read(path: path)
        #expect(r.format == .sav)
        #expect(r.table.header == table.header)
        #expect(r.table.rows == table.rows)
        let employer = try #require(r.variables.first { $0.name == "employer" })
        #expect(employer.valueLabels == ["1": "kommunal", "2": "statlig"])
        let role = try #require(r.variables.first { $0.name == "role" })
        #expect(role.valueLabels["99"] == "Ikke svart")
        #expect(role.userMissing == 1)
        #expect(r.accounting.warnings.contains { $0.contains("'role': 1 user-missing value(s) read as empty") })
        #expect(r.variables.last?.label == "Er det noe mer du vil si om dine erfaringer fra Nav-kontoret?")
    }

    @Test(arguments: [SAVWriter.Container.zsav, .por, .dta])
    func otherStatisticsContainersRoundTrip(_ container: SAVWriter.Container) throws {
        let path = tempPath("t.\(container.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Portable files allow upper-case variable names and ASCII text only.
        let names = container == .por ? ["ID", "EMPLOYER", "TEXT"] : ["id", "employer", "text"]
        let first = container == .por ? "Tiltaksplassene er for mange" : "Tiltaksplassene er for få"
        let table = Table(header: names,
                          rows: [["R1", "statlig", first], ["R2", "kommunal", "Bra med mer tid"]],
                          rowLines: [2, 3])
        let columns = SAVWriter.columns(for: table, labelled: [names[1]])
        try SAVWriter.write(table, columns: columns, to: path, container: container)
        let r = try InputReader.read(path: path)
        #expect(r.table.rows.map { $0[1] } == ["statlig", "kommunal"])
        #expect(r.table.rows.map { $0[2] } == [first, "Bra med mer tid"])
    }

    @Test func jsonLinesAndArrayGiveTheSameTable() throws {
        let lines = try InputReader.read(path: fixture("formats/answers.jsonl"))
        let array = try InputReader.read(path: fixture("formats/answers.json"))
        #expect(lines.format == .json && array.format == .json)
        #expect(lines.table.header == ["id", "role", "text", "age", "leder", "extra"])
        #expect(lines.table.rows == array.table.rows)
        #expect(lines.table.rows[1] == ["R2", "leder", "For mye «rapportering»\nog for lite tid", "52.5", "true", ""])
        #expect(lines.table.rows[2][5] == "{\"kanal\":[\"telefon\",\"chat\"]}")
        #expect(lines.table.rowLines == [1, 2, 3])
        #expect(array.table.rowLines == [2, 9, 16])
    }

    @Test func jsonLinesBadLineIsSkippedWithItsLineNumber() throws {
        let data = Data("{\"id\":\"R1\",\"text\":\"Greit\"}\n{\"id\":\"R2\",\"text\":\"x\",}\n\n{\"id\":\"R3\",\"text\":\"\\u00e6\\u00f8\\u00e5 \\ud83d\\ude00\"}\n".utf8)
        let r = try JSONReader.parse(data: data, file: "a.jsonl")
        #expect(r.table.rows.map { $0[0] } == ["R1", "R3"])
        #expect(r.table.rows[1][1] == "æøå 😀")
        #expect(r.accounting.rowsRead == 3)
        #expect(r.accounting.skipped.count == 1 && r.accounting.skipped[0].line == 2)
        #expect(throws: FritekstError.self) { try JSONReader.parse(data: data, file: "a.jsonl", strict: true) }
    }

    @Test func contentBeatsExtensionWithAClearMessage() {
        #expect(InputReader.sniff(Data("$FL2xxxx".utf8)) == .sav)
        #expect(InputReader.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) == .zip)
        #expect(InputReader.sniff(Data(" \n[{\"id\":1}]".utf8)) == .json)
        #expect(InputReader.sniff(Data("id;text\n1;hei".utf8)) == .text)
        do {
            _ = try InputReader.resolveFormat(path: "svar.sav", head: Data("id,text\n1,hei\n".utf8))
            Issue.record("expected an error")
        } catch let e as FritekstError {
            #expect(e.file == "svar.sav")
            #expect(e.message.contains("content is delimited text (CSV); rename it to .csv"))
        } catch { Issue.record("\(error)") }
        #expect((try? InputReader.resolveFormat(path: "svar.txt", head: Data("id\ttext\n".utf8))) == .csv)
        #expect((try? InputReader.resolveFormat(path: "eksport", head: Data([0x50, 0x4B, 0x03, 0x04]))) == .xlsx)
    }

    @Test func tenMegabyteCellIsReadWhole() throws {
        let big = String(repeating: "Saksbehandlingstiden er for lang og tiltaksplassene for få. ", count: 175_000)  // ~10.5 MB
        let csv = "id,text\nR1,\"\(big)\"\nR2,Kort\n"
        let r = try CSVReader.parse(data: Data(csv.utf8), file: "big.csv")
        #expect(r.table.rows[0][1].utf8.count == big.utf8.count)
        #expect(r.table.rows[1] == ["R2", "Kort"])
    }
}
