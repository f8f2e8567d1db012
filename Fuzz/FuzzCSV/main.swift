// libFuzzer harness for the CSV reader. Build and run with scripts/fuzz.
// Any input must give a table or a FritekstError, never a crash; the table must be rectangular.
import Foundation
import FuzzSupport
import FritekstCore
import FritekstIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    // The first byte picks options so delimiters, encodings and strictness are all exercised.
    let selector = count > 0 ? start[0] : 0
    var options = CSVOptions(strict: selector & 1 == 1)
    let encodings: [TextEncoding?] = [nil, nil, .utf8, .utf16le, .utf16be, .windows1252, .latin1, nil]
    options.encoding = encodings[Int(selector >> 1) & 7]
    do {
        let r = try CSVReader.parse(data: data, file: "fuzz.csv", options: options)
        precondition(r.table.rows.allSatisfy { $0.count == r.table.header.count }, "ragged table")
        precondition(r.table.rows.count == r.table.rowLines.count, "row lines out of step")
        precondition(r.accounting.rowsRead == r.table.rows.count + r.accounting.skipped.count, "rows unaccounted for")
    } catch is FritekstError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}

FuzzDriver.main(fuzzCSV)
