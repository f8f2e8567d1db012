// libFuzzer harness for the XLSX sheet parser (sheet XML → rows → table). Build and run with scripts/fuzz.
import Foundation
import FuzzSupport
import FritekstCore
import FritekstIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXSheet(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    do {
        let rows = try XLSXReader.parseSheetXML(data, sharedStrings: ["delt", "tekst æøå"], date1904: count % 2 == 0)
        var last = 0
        for r in rows {
            precondition(r.row > last, "row numbers must increase")
            last = r.row
        }
    } catch is FritekstError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}

FuzzDriver.main(fuzzXLSXSheet)
