// libFuzzer harness for the XLSX sheet parser (sheet XML → rows → table). Build and run with scripts/fuzz.
import Foundation
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

#if FRITEKST_FUZZ
// Built by scripts/fuzz with -sanitize=fuzzer: hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzXLSXSheet($0, $1) })
#else
// A normal build replays inputs (e.g. crash files found by the fuzzer) given as arguments.
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    _ = data.withUnsafeBytes { fuzzXLSXSheet($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
    print("ok: \(path)")
}
#endif
