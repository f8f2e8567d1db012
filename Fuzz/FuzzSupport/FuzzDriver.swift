import Foundation

/// A libFuzzer entry point: one input's bytes and length.
public typealias FuzzEntry = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

#if FRITEKST_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: FuzzEntry) -> CInt
#endif

/// The shared `main` of the fuzz harnesses.
public enum FuzzDriver {
    /// Built by scripts/fuzz (-sanitize=fuzzer, -DFRITEKST_FUZZ): hands control to libFuzzer. A normal
    /// build replays the inputs named on the command line (e.g. crash files found by the fuzzer).
    public static func main(_ entry: FuzzEntry) -> Never {
        #if FRITEKST_FUZZ
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, entry))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            _ = data.withUnsafeBytes { entry($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
            print("ok: \(path)")
        }
        exit(0)
        #endif
    }
}
