// libFuzzer harness for the codebook loader (YAML → typed codebook). Build and run with scripts/fuzz.
import Foundation
import FritekstCore
import FritekstLexicon

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodebook(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        let codebook = try CodebookLoader.load(yaml: text, file: "fuzz.yaml")
        _ = try? CompiledCodebook(codebook, lemmas: nil)
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
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzCodebook($0, $1) })
#else
// A normal build replays inputs (e.g. crash files found by the fuzzer) given as arguments.
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    _ = data.withUnsafeBytes { fuzzCodebook($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
    print("ok: \(path)")
}
#endif
