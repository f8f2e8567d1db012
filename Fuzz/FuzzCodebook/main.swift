// libFuzzer harness for the codebook loader (YAML → typed codebook). Build and run with scripts/fuzz.
import Foundation
import FuzzSupport
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

FuzzDriver.main(fuzzCodebook)
