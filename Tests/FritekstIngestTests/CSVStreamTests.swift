import Foundation
import FritekstCore
@testable import FritekstIngest
import Testing

@Suite struct CSVStreamTests {
    /// Every chunk size from 1 byte up must give the same table as one big chunk: CR LF, doubled quotes,
    /// multi-byte UTF-8 and UTF-16 surrogate pairs all straddle chunk ends somewhere.
    @Test(arguments: [TextEncoding.utf8, .utf16le, .windows1252])
    func chunkBoundariesDoNotChangeTheResult(_ encoding: TextEncoding) throws {
        let emoji = encoding == .windows1252 ? "€" : "😀"
        let text = "id;rolle;svar\r\nR1;veileder;\"Første \"\"sitat\"\"; og\r\nny linje\"\r\nR2;leder;Æ Ø Å \(emoji)\r\n\r\nR3;merkantil\r\nR4;leder;«siste» uten linjeskift"
        var data: Data
        switch encoding {
        case .utf16le: data = Data([0xFF, 0xFE]) + Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        case .windows1252: data = try #require(text.data(using: .windowsCP1252))
        default: data = Data(text.utf8)
        }
        let whole = try CSVReader.collect(CSVStream(data: data, file: "t.csv", options: CSVOptions(), readSize: 1 << 20))
        #expect(whole.encoding == encoding)
        #expect(whole.table.rows.count == 3)
        #expect(whole.table.rows[0][2] == "Første \"sitat\"; og\r\nny linje")
        #expect(whole.table.rows[1][2] == "Æ Ø Å \(emoji)")
        #expect(whole.table.rowLines == [2, 4, 7])
        #expect(whole.accounting.skipped == [.init(line: 6, reason: "2 fields, header has 3")])
        for size in 1...40 {
            let r = try CSVReader.collect(CSVStream(data: data, file: "t.csv", options: CSVOptions(), readSize: size))
            #expect(r.table.rows == whole.table.rows, "chunk size \(size)")
            #expect(r.table.rowLines == whole.table.rowLines, "chunk size \(size)")
            #expect(r.accounting == whole.accounting, "chunk size \(size)")
        }
    }

    @Test func windows1252DetectedFromBytesFarIntoTheFile() throws {
        // 3 MB of ASCII before the first «å»: detection must look at the whole file, not the first chunk.
        let path = tempPath("late.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Array("id;text\n".utf8)
        for k in 0..<60_000 { bytes += Array("R\(k);Helt vanlig svar uten spesialtegn her\n".utf8) }
        bytes += Array("R-last;Tiltaksplassene er f".utf8) + [0xE5] + [10]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try CSVReader.read(path: path)
        #expect(r.encoding == .windows1252)
        #expect(r.table.rows.last == ["R-last", "Tiltaksplassene er få"])
        #expect(r.table.rows.count == 60_001)
    }

    /// Files of 8 MB and more are checked in parts on all cores: a multi-byte letter on a part boundary is
    /// still UTF-8, and one stray Windows-1252 byte anywhere (first part, last byte) makes the whole file 1252.
    @Test func largeFilesAreCheckedInPartsWithTheSameVerdict() throws {
        let path = tempPath("large.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Array("id;text\n".utf8)
        let line = Array("R;Søknad om tiltaksplass på «Fleks» – nynorsk: oppfølginga i år\n".utf8)
        while bytes.count < 9 << 20 { bytes += line }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        func verdict() -> Bool? {
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            return CSVStream.fileIsUTF8InParts(fd)
        }
        #expect(verdict() == true)
        // Every part boundary falls somewhere in a line full of two-byte letters; shifting the text by one to
        // three bytes puts boundaries inside sequences too.
        for shift in 1...3 {
            try Data(Array("id;text\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: shift) + bytes.dropFirst(8))
                .write(to: URL(fileURLWithPath: path))
            #expect(verdict() == true, "shift \(shift)")
        }
        for position in [100, bytes.count / 3, bytes.count - 2] {
            var broken = bytes
            broken[position] = 0xE5                     // «å» in Windows-1252
            try Data(broken).write(to: URL(fileURLWithPath: path))
            #expect(verdict() == false, "byte \(position)")
        }
        var cut = bytes
        cut += [0xC3]                                   // a sequence cut off at the end of the file
        try Data(cut).write(to: URL(fileURLWithPath: path))
        #expect(verdict() == false)
        #expect(try CSVReader.read(path: path).encoding == .windows1252)
    }

    @Test func unterminatedQuoteAcrossChunksNamesTheOpeningLine() throws {
        let data = Data("id,text\nR1,ok\nR2,\"aldri\nlukket\nR3,x\n".utf8)
        for size in [1, 3, 7, 1 << 20] {
            do {
                _ = try CSVReader.collect(CSVStream(data: data, file: "q.csv", options: CSVOptions(), readSize: size))
                Issue.record("expected an error")
            } catch let e as FritekstError {
                #expect(e.line == 3 && e.file == "q.csv", "chunk size \(size)")
            }
        }
    }
}
